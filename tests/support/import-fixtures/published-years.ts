/**
 * Record-level CSV files (docs/import.md) for a fiscal year, built so that the
 * report computed from them gives the published FY2016–2018 figures (the
 * project's copy, src/db/reference/published-aggregates-fy2016-2018.json).
 * Published percentages are rounded, so the generator searches for the
 * numbers of respondents and answers that round to each printed value; the
 * rest (nationalities outside the top four, other JSIC divisions, prefectures)
 * is filled in plausibly. Deterministic: the same year gives the same files.
 */
import type { PublishedAggregates } from "#src/domain/report/index.ts";
import type { ImportKind } from "#src/domain/report-import.ts";

/** A printed percentage: whole (decimals 0) or one decimal; null = printed "-". */
type Printed = { value: number | null; decimals: 0 | 1 };

/** Does count/of round half up to the printed value? ("-" means zero.) */
export function roundsTo(count: number, of: number, p: Printed): boolean {
  if (p.value === null) return count === 0;
  const scale = p.decimals === 0 ? 100 : 1000;
  const rounded = Math.floor((2 * scale * count + of) / (2 * of));
  return rounded === Math.round(p.value * (p.decimals === 0 ? 1 : 10));
}

/**
 * The largest base ≤ max, and counts adding up to it, whose shares round to the
 * printed percentages. A printed row that adds up to more than 100.15 % (or
 * less than 99.85 %) cannot come from any records: then the base is `max` and
 * the counts make as many cells as possible round to what was printed
 * (`exact: false`; the test lists such cells).
 */
export function countsFor(printed: readonly Printed[], max: number): { base: number; counts: number[]; exact: boolean } {
  for (let base = max; base >= 1; base--) {
    const options = printed.map((p) => {
      const out: number[] = [];
      for (let c = 0; c <= base; c++) if (roundsTo(c, base, p)) out.push(c);
      return out;
    });
    if (options.some((o) => o.length === 0)) continue;
    const pick = (i: number, left: number): number[] | null => {
      if (i === options.length) return left === 0 ? [] : null;
      for (const c of options[i]!) {
        if (c > left) continue;
        const rest = pick(i + 1, left - c);
        if (rest) return [c, ...rest];
      }
      return null;
    };
    const counts = pick(0, base);
    if (counts) return { base, counts, exact: true };
  }
  // best effort: the base (largest first) where the most cells round right; one row takes what is left
  let best: { base: number; counts: number[]; score: number } | null = null;
  for (let base = max; base >= 1; base--) {
    const first = printed.map((p) => {
      for (let c = 0; c <= base; c++) if (roundsTo(c, base, p)) return c;
      return Math.round(((p.value ?? 0) * base) / 100);
    });
    for (let free = 0; free < printed.length; free++) {
      const counts = [...first];
      counts[free] = base - first.reduce((a, c, k) => (k === free ? a : a + c), 0);
      if (counts[free]! < 0) continue;
      const score = counts.filter((c, k) => roundsTo(c, base, printed[k]!)).length;
      if (!best || score > best.score) best = { base, counts, score };
    }
  }
  return { base: best!.base, counts: best!.counts, exact: false };
}

/** A rate: the largest number of respondents ≤ max and the count answering yes. */
export function rateFor(p: Printed, max: number): { base: number; count: number } {
  for (let base = max; base >= 1; base--) for (let c = base; c >= 0; c--) if (roundsTo(c, base, p)) return { base, count: c };
  throw new Error(`no rate rounds to ${p.value}`);
}

/** Where the paper's "other regions" interns come from (countries of those world regions; ≤ 4 each, never in the top four). */
const OTHER_REGION_COUNTRIES: Record<number, string[]> = {
  2016: ["FR", "DE", "MX"],
  2017: ["KE", "NG", "EG", "GH"],
  2018: ["FR", "DE", "IT", "ES", "PL", "GB", "NL", "SE", "KE", "NG", "EG", "GH", "ET", "TZ", "SN", "BR", "AR", "CL", "PE", "CO", "EC", "BO", "UY"],
};
/** The world regions those countries are in (the test adds these rows up to compare with the published row). */
export const OTHER_REGION_KEYS: Record<number, string[]> = {
  2016: ["worldRegion:europe", "worldRegion:central_america_caribbean"],
  2017: ["worldRegion:africa"],
  2018: ["worldRegion:europe", "worldRegion:africa", "worldRegion:south_america"],
};
/** Interns outside the top four the paper does not break down: Asian countries, at most 4 each. */
const REST_COUNTRIES = [
  "PH",
  "MY",
  "MM",
  "KH",
  "LA",
  "IN",
  "NP",
  "BD",
  "LK",
  "MN",
  "KR",
  "TW",
  "PK",
  "UZ",
  "KZ",
  "SG",
  "BN",
  "TL",
  "BT",
  "MV",
  "KG",
  "TJ",
  "HK",
  "MO",
  "AF",
  "IR",
  "TM",
  "JO",
];
/** Nationalities of applicants who were not placed. */
const APPLICANT_COUNTRIES = ["VN", "CN", "ID", "TH", "PH", "MY", "IN", "MM", "NP", "BD", "KH", "LA", "MN", "LK", "BR", "EG", "FR", "US", "KE", "MX"];
const OTHER_DIVISIONS = ["G", "L", "M", "H", "N", "P", "K", "D", "O"];
const SIZE_EMPLOYEES = [5, 50, 250, 700, 3000];
const OVERSEAS = ["ongoing", "planned", "not_planned"];

function tableRow(
  table: { columns: readonly string[]; rows: readonly (readonly (number | null)[])[] },
  year: number,
): Record<string, number | null> | undefined {
  const r = table.rows.find((x) => x[0] === year);
  return r ? Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])) : undefined;
}

const csv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  [header.join(","), ...rows.map((r) => r.map((c) => (c === null ? "" : String(c))).join(","))].join("\r\n") + "\r\n";

/** Fills `total` slots from `countries`, at most `each` per country, in order. */
function spread(total: number, countries: readonly string[], each: number): string[] {
  const out: string[] = [];
  for (let round = 0; out.length < total; round++) {
    if (round >= each) throw new Error(`not enough countries for ${total}`);
    for (const c of countries) if (out.length < total) out.push(c);
  }
  return out;
}

export function publishedYearFiles(data: PublishedAggregates, year: number): Record<ImportKind, string> {
  const i = tableRow(data.interns, year)!;
  const h = tableRow(data.hosts, year)!;
  const s = tableRow(data.hostScale, year)!;
  const lang = tableRow(data.internLanguages, year);
  const d = data.percentDecimals;
  const n = (v: number | null | undefined) => v!;
  const pad = (k: number) => String(k).padStart(5, "0");

  // interns' nationalities: the top four, the "other regions" interns, the rest in Asia
  const internsTotal = n(i.interns);
  const top = [
    ...Array<string>(n(i.vietnamese)).fill("VN"),
    ...Array<string>(n(i.chinese)).fill("CN"),
    ...Array<string>(n(i.indonesian)).fill("ID"),
    ...Array<string>(n(i.thai)).fill("TH"),
  ];
  const otherCount = data.otherRegionsStructured[String(year)]?.count ?? 0;
  const others = spread(otherCount, OTHER_REGION_COUNTRIES[year] ?? [], 1);
  const rest = spread(internsTotal - top.length - others.length, REST_COUNTRIES, 4);
  const internNationalities = [...top, ...others, ...rest];

  // applicants: the interns first, then everyone else
  const applicantsTotal = n(i.applicants);
  const applicants = Array.from({ length: applicantsTotal }, (_, k) => {
    const placed = k < internsTotal;
    const nationality = placed ? internNationalities[k]! : APPLICANT_COUNTRIES[k % APPLICANT_COUNTRIES.length]!;
    return [
      `A${year}-${pad(k)}`,
      nationality,
      ["female", "male", ""][k % 3]!,
      20 + (k % 15),
      ["engineering", "business", "agriculture", ""][k % 4]!,
      placed ? "completed" : k % 7 === 0 ? "withdrawn" : "rejected",
    ];
  });

  // hosts: the ones that received interns first (industry, size, overseas status as published), then the other applicants
  const hostsTotal = n(h.hostCompanies);
  const industry = [...Array<string>(n(h.service)).fill("R"), ...Array<string>(n(h.wholesaleRetail)).fill("I"), ...Array<string>(n(h.manufacturing)).fill("E")];
  const fillDivisions = spread(hostsTotal - industry.length, OTHER_DIVISIONS, Math.ceil(hostsTotal / OTHER_DIVISIONS.length) + 1);
  const divisions = [...industry, ...fillDivisions];
  const size = countsFor(
    ["upTo9Pct", "10to99Pct", "100to499Pct", "500to1000Pct", "over1000Pct"].map((c) => ({ value: s[c] ?? null, decimals: d.hostScale })),
    hostsTotal,
  );
  const sizes = size.counts.flatMap((c, k) => Array<number>(c).fill(SIZE_EMPLOYEES[k]!));
  const overseas = countsFor(
    ["overseasOngoingPct", "overseasPlannedPct", "overseasNotPlannedPct"].map((c) => ({ value: s[c] ?? null, decimals: d.hostScale })),
    hostsTotal,
  );
  const overseasOf = overseas.counts.flatMap((c, k) => Array<string>(c).fill(OVERSEAS[k]!));
  const hostApplicants = n(h.applicantCompanies);
  const hosts = Array.from({ length: hostApplicants }, (_, k) => {
    const host = k < hostsTotal;
    const prefecture = String((k % 47) + 1).padStart(2, "0");
    return [
      `H${year}-${pad(k)}`,
      k % 5 === 0 ? String(1000000000000 + k * 7919) : "",
      host ? divisions[k]! : OTHER_DIVISIONS[k % OTHER_DIVISIONS.length]!,
      host ? (sizes[k] ?? "") : 10 + k,
      host ? (overseasOf[k] ?? "") : "planned",
      k % 11 === 3 ? "" : prefecture,
      k % 11 === 3 ? "kanto" : "",
      host ? "accepted" : "declined",
    ];
  });

  // placements: intern k at host k (each host gets one), the rest round-robin
  const interns = Array.from({ length: internsTotal }, (_, k) => [`P${year}-${pad(k)}`, `A${year}-${pad(k)}`, `H${year}-${pad(k % hostsTotal)}`]);

  // interns' survey: match and satisfaction of those who answered
  const im = rateFor({ value: i.matchPct ?? null, decimals: d.interns }, internsTotal);
  const is = rateFor({ value: i.satisfactionPct ?? null, decimals: d.interns }, internsTotal);
  const internSurveys = Array.from({ length: internsTotal }, (_, k) => [
    `IS${year}-${pad(k)}`,
    `P${year}-${pad(k)}`,
    k < im.base ? (k < im.count ? "yes" : "no") : "",
    k < is.base ? (k < is.count ? "satisfied" : "not_satisfied") : "",
  ]);

  // hosts' survey about each intern: match, satisfaction, Japanese and English levels (not asked in years not published)
  const hm = rateFor({ value: h.matchPct ?? null, decimals: d.hosts }, internsTotal);
  const hs = rateFor({ value: h.satisfactionPct ?? null, decimals: d.hosts }, internsTotal);
  const ja = lang
    ? countsFor(
        ["jaBusinessPct", "jaDailyPct", "jaOtherPct"].map((c) => ({ value: lang[c] ?? null, decimals: d.internLanguages })),
        internsTotal,
      )
    : null;
  const en = lang
    ? countsFor(
        ["enNativePct", "enBusinessPct", "enDailyPct", "enOtherPct"].map((c) => ({ value: lang[c] ?? null, decimals: d.internLanguages })),
        internsTotal,
      )
    : null;
  const jaOf = ja ? ja.counts.flatMap((c, k) => Array<string>(c).fill(["business", "daily", "other"][k]!)) : [];
  const enOf = en ? en.counts.flatMap((c, k) => Array<string>(c).fill(["native", "business", "daily", "other"][k]!)) : [];
  const hostSurveys = Array.from({ length: internsTotal }, (_, k) => [
    `HS${year}-${pad(k)}`,
    `P${year}-${pad(k)}`,
    k < hm.base ? (k < hm.count ? "yes" : "no") : "",
    k < hs.base ? (k < hs.count ? "satisfied" : "not_satisfied") : "",
    jaOf[k] ?? "",
    enOf[k] ?? "",
  ]);

  return {
    applicants: csv(["id", "nationality", "gender", "age", "field", "final_status"], applicants),
    hosts: csv(["id", "corporate_number", "jsic_division", "employees", "overseas_status", "prefecture", "region", "final_status"], hosts),
    interns: csv(["id", "applicant_id", "host_id"], interns),
    "intern-surveys": csv(["id", "intern_id", "match_fit", "overall_satisfaction"], internSurveys),
    "host-surveys": csv(["id", "intern_id", "match_fit", "overall_satisfaction", "intern_japanese_level", "intern_english_level"], hostSurveys),
  };
}
