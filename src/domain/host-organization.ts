/**
 * Host organization rules: the employee size class (derived from the number
 * of employees, never typed) and the region of a prefecture (八地方区分, the
 * same convention as src/db/reference/prefectures.json).
 */
export const HOST_KINDS = ["sme", "industry_association", "non_profit"] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const LEGAL_FORMS = [
  "株式会社",
  "有限会社",
  "合同会社",
  "合資会社",
  "合名会社",
  "一般社団法人",
  "一般財団法人",
  "公益社団法人",
  "公益財団法人",
  "事業協同組合",
  "協同組合連合会",
  "商工組合",
  "NPO法人",
  "その他",
] as const;

export const OVERSEAS_STATUSES = ["ongoing", "planned", "not_planned"] as const;
export type OverseasStatus = (typeof OVERSEAS_STATUSES)[number];

export const SIZE_CLASSES = ["le9", "10to99", "100to499", "500to1000", "gt1000"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Employee ranges of each size class, inclusive (the published FY2016–2018 tables use these). */
export const SIZE_CLASS_RANGES: Record<SizeClass, { min: number; max: number | null }> = {
  le9: { min: 0, max: 9 },
  "10to99": { min: 10, max: 99 },
  "100to499": { min: 100, max: 499 },
  "500to1000": { min: 500, max: 1000 },
  gt1000: { min: 1001, max: null },
};

export function sizeClassOf(employees: number): SizeClass {
  if (!Number.isInteger(employees) || employees < 0) throw new Error("employees must be a whole number ≥ 0");
  if (employees <= 9) return "le9";
  if (employees <= 99) return "10to99";
  if (employees <= 499) return "100to499";
  if (employees <= 1000) return "500to1000";
  return "gt1000";
}

export const REGIONS = ["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu_okinawa"] as const;
export type Region = (typeof REGIONS)[number];

/** Last prefecture code (JIS X 0401) of each region; regions are contiguous code ranges. */
const REGION_LAST_CODE: [number, Region][] = [
  [1, "hokkaido"],
  [7, "tohoku"],
  [14, "kanto"],
  [23, "chubu"],
  [30, "kinki"],
  [35, "chugoku"],
  [39, "shikoku"],
  [47, "kyushu_okinawa"],
];

export function isPrefectureCode(code: string): boolean {
  if (!/^[0-9]{2}$/.test(code)) return false;
  const n = Number(code);
  return n >= 1 && n <= 47;
}

export function regionOf(prefectureCode: string): Region {
  if (!isPrefectureCode(prefectureCode)) throw new Error(`not a prefecture code: ${prefectureCode}`);
  const n = Number(prefectureCode);
  return REGION_LAST_CODE.find(([last]) => n <= last)![1];
}

export const PREFECTURE_CODES: readonly string[] = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0"));

/** Text fields must not carry markup: anything that looks like an HTML tag is refused. */
export function looksLikeHtml(text: string): boolean {
  return /<\s*\/?\s*[a-zA-Z!][^>]*>/.test(text);
}

/** The program's three goals a host pursues. */
export const HOST_GOALS = ["overseas_expansion", "cross_cultural", "university_network"] as const;
export type HostGoal = (typeof HOST_GOALS)[number];

/** Host application states and which may still be edited by the host. */
export const HOST_APPLICATION_STATUSES = ["draft", "submitted", "changes_requested", "accepted", "declined", "withdrawn"] as const;
export type HostApplicationStatus = (typeof HOST_APPLICATION_STATUSES)[number];
export const HOST_DECISIONS = ["accepted", "declined", "changes_requested"] as const;
export type HostDecision = (typeof HOST_DECISIONS)[number];

/**
 * A host edits its application until the round's host_application_close
 * deadline (inclusive), then it is read-only; an application the operator
 * sent back for changes stays editable until it is submitted again.
 */
export function hostApplicationEditable(status: string, now: Date, closesAt: Date | null): boolean {
  if (status === "changes_requested") return true;
  if (status !== "draft" && status !== "submitted") return false;
  return closesAt !== null && now.getTime() <= closesAt.getTime();
}
