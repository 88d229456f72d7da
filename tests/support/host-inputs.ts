/**
 * What a host types, for tests that register organizations and submit host applications: a valid,
 * unique corporate number, the organization form, the application plan and one position. Each test
 * overrides only what it is about.
 */
import { corporateNumberCheckDigit } from "#src/domain/corporate-number.ts";

let serial = Math.floor(Math.random() * 10_000);

/** A corporate number with a valid check digit, different on every call within a run. */
export function uniqueCorporateNumber(): string {
  serial = (serial + 1) % 10_000;
  const base = `${String(Date.now()).slice(-8)}${String(serial).padStart(4, "0")}`;
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/** The organization form as a host fills it in (a manufacturer in Sapporo), with a fresh corporate number. */
export function hostOrgInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    corporateNumber: uniqueCorporateNumber(),
    legalForm: "株式会社",
    kind: "sme",
    nameJa: "テスト工業株式会社",
    nameEn: "Test Kogyo Co., Ltd.",
    postalCode: "060-0001",
    prefectureCode: "01",
    addressJa: "札幌市中央区北1条西1丁目",
    jsicDivision: "E",
    employees: "12",
    capitalYen: "10,000,000",
    overseasStatus: "ongoing",
    overseasCountries: "VN",
    workLanguages: ["ja"],
    website: "https://example.jp",
    ...overrides,
  };
}

/** The host application's plan. */
export const HOST_PLAN = {
  agreesWithPurpose: "yes",
  goals: ["overseas_expansion"],
  goalsDescription: "市場調査。",
  supervisorName: "北海 太郎",
  workGuidance: "週1回の面談。",
  housingSupport: "社宅。",
  commutingSupport: "定期券。",
  insuranceSupport: "保険加入。",
  arrivalSupport: "空港出迎え。",
} as const;

/** One position of a host application. */
export const HOST_POSITION = {
  title: "海外営業",
  description: "商談資料の作成。",
  department: "営業部",
  prefectureCode: "01",
  capacity: "1",
  periodStart: "2027-10-01",
  periodEnd: "2027-12-24",
  language: "N3",
  fields: "営業",
} as const;
