/**
 * A deliberately plain second implementation of the report's counts, written
 * from ADR 0015's definitions without the module's code: one filter over the
 * records per cell, BigInt rounding. The benchmark's baseline, and the unit
 * tests' independent check of every count and percentage.
 */
import type { ReportConfig, ReportRecords } from "#src/domain/report/index.ts";

export interface ReferenceCell {
  count: number;
  /** tenths of a percent, or null when nobody answered */
  tenths: number | null;
  respondents: number;
}

/** tenths of a percent of part/whole, half up: 1000·part/whole = q + r/whole; round up when 2r ≥ whole. */
export function referenceTenths(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const p = BigInt(part) * 1000n;
  const w = BigInt(whole);
  const q = p / w;
  const r = p % w;
  return Number(2n * r >= w ? q + 1n : q);
}

const SIZE: [string, number, number][] = [
  ["le9", 0, 9],
  ["10to99", 10, 99],
  ["100to499", 100, 499],
  ["500to1000", 500, 1000],
  ["gt1000", 1001, Number.MAX_SAFE_INTEGER],
];
const REGION_RANGES: [string, number, number][] = [
  ["hokkaido", 1, 1],
  ["tohoku", 2, 7],
  ["kanto", 8, 14],
  ["chubu", 15, 23],
  ["kinki", 24, 30],
  ["chugoku", 31, 35],
  ["shikoku", 36, 39],
  ["kyushu_okinawa", 40, 47],
];

/** figure id → row key → cell */
export type ReferenceReport = Record<string, Record<string, ReferenceCell>>;

export function referenceReport(records: ReportRecords, config: ReportConfig): ReferenceReport {
  const out: ReferenceReport = {};
  const cell = (figure: string, key: string, count: number, respondents: number) => {
    (out[figure] ??= {})[key] = { count, respondents, tenths: referenceTenths(count, respondents) };
  };
  cell("applicants", "total", records.applicants.length, records.applicants.length);
  cell("interns", "total", records.interns.length, records.interns.length);
  cell("hostApplicants", "total", records.hostApplications.length, records.hostApplications.length);

  // nationality
  const nationalityById = new Map(records.applicants.map((a) => [a.id, a.nationality]));
  const nat = (applicantId: string) => nationalityById.get(applicantId)!;
  const internNats = records.interns.map((i) => nat(i.applicantId));
  const known = internNats.filter((n): n is string => n !== null);
  const countries = [...new Set(known)];
  const countOf = (c: string) => known.filter((n) => n === c).length;
  countries.sort((a, b) => countOf(b) - countOf(a) || (a < b ? -1 : 1));
  const named = countries.slice(0, 4).filter((c) => countOf(c) >= 5);
  for (const c of named) cell("internsByNationality", `country:${c}`, countOf(c), known.length);
  for (const r of config.worldRegions) {
    cell("internsByNationality", `worldRegion:${r.code}`, known.filter((n) => !named.includes(n) && r.countries.includes(n)).length, known.length);
  }

  // survey rates and language levels
  const rate = (figure: string, responses: { answers: Record<string, string | null | undefined> }[]) => {
    for (const [q, yes] of [
      ["match_fit", "yes"],
      ["overall_satisfaction", "satisfied"],
    ] as const) {
      const answered = responses.filter((r) => r.answers[q] !== null && r.answers[q] !== undefined);
      cell(figure, q, answered.filter((r) => r.answers[q] === yes).length, answered.length);
    }
  };
  rate("internEvaluation", records.internSurveyResponses as never);
  rate("hostEvaluation", records.hostSurveyResponses as never);
  for (const [figure, q, levels] of [
    ["internJapaneseLevel", "intern_japanese_level", ["business", "daily", "other"]],
    ["internEnglishLevel", "intern_english_level", ["native", "business", "daily", "other"]],
  ] as const) {
    const answered = records.hostSurveyResponses.filter((r) => (r.answers as Record<string, unknown>)[q] != null);
    for (const l of levels) cell(figure, l, answered.filter((r) => (r.answers as Record<string, unknown>)[q] === l).length, answered.length);
  }

  // hosts
  const hosts = records.hostApplications.filter((h) => records.interns.some((i) => i.hostApplicationId === h.id));
  cell("hosts", "total", hosts.length, hosts.length);
  for (const g of config.industryGroups)
    cell("hostsByIndustry", `group:${g.code}`, hosts.filter((h) => g.divisions.includes(h.jsicDivision)).length, hosts.length);
  const grouped = config.industryGroups.flatMap((g) => g.divisions);
  for (const d of config.jsicDivisions.filter((x) => !grouped.includes(x)))
    cell("hostsByIndustry", `jsic:${d}`, hosts.filter((h) => h.jsicDivision === d).length, hosts.length);
  const withSize = hosts.filter((h) => h.employees !== null);
  for (const [k, lo, hi] of SIZE) cell("hostsBySize", k, withSize.filter((h) => h.employees! >= lo && h.employees! <= hi).length, withSize.length);
  const withOverseas = hosts.filter((h) => h.overseasStatus !== null);
  for (const k of ["ongoing", "planned", "not_planned"])
    cell("hostsByOverseasStatus", k, withOverseas.filter((h) => h.overseasStatus === k).length, withOverseas.length);
  const regionOf = (h: (typeof hosts)[number]) => {
    if (h.prefectureCode === null) return h.region!;
    const n = Number(h.prefectureCode);
    return REGION_RANGES.find(([, lo, hi]) => n >= lo && n <= hi)![0];
  };
  for (const [k] of REGION_RANGES) cell("hostsByRegion", k, hosts.filter((h) => regionOf(h) === k).length, hosts.length);
  return out;
}
