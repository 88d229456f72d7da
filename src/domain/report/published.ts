/**
 * Years before the platform: the report's figures from the published
 * aggregates (src/db/reference/published-aggregates-fy2016-2018.json, the
 * research paper's Figures 1–4). Same `YearReport` structure as computed
 * figures; numbers exactly as published (whole percentages stay whole), rows
 * the publication did not have are absent and the figure says so.
 */
import { publishedPercent } from "./percent.ts";
import { REPORT_DEFINITIONS_VERSION, type Figure, type FigureId, type FigureRow, type LocalizedText, type RecordKind, type YearReport } from "./types.ts";

interface Table {
  columns: string[];
  rows: (number | null)[][];
}

/** The shape of the shipped file (only what the module reads). */
export interface PublishedAggregates {
  source: string;
  interns: Table;
  internLanguages: Table;
  hosts: Table;
  hostScale: Table;
  otherRegionsStructured: Record<string, { count: number; name_en: string; name_ja: string }>;
  percentDecimals: { interns: 0 | 1; hosts: 0 | 1; internLanguages: 0 | 1; hostScale: 0 | 1 };
  internLanguagesNotPublished: Record<string, string>;
}

const EXPECTED_COLUMNS = {
  interns: ["fiscalYear", "applicants", "interns", "vietnamese", "chinese", "indonesian", "thai", "matchPct", "satisfactionPct"],
  internLanguages: ["fiscalYear", "jaBusinessPct", "jaDailyPct", "jaOtherPct", "enNativePct", "enBusinessPct", "enDailyPct", "enOtherPct"],
  hosts: ["fiscalYear", "applicantCompanies", "hostCompanies", "service", "wholesaleRetail", "manufacturing", "matchPct", "satisfactionPct"],
  hostScale: [
    "fiscalYear",
    "upTo9Pct",
    "10to99Pct",
    "100to499Pct",
    "500to1000Pct",
    "over1000Pct",
    "overseasOngoingPct",
    "overseasPlannedPct",
    "overseasNotPlannedPct",
  ],
} as const;

/** Checks the file's tables have the columns this module reads (by name, in this order) and returns it typed. */
export function parsePublishedAggregates(json: unknown): PublishedAggregates {
  const data = json as PublishedAggregates;
  for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) {
    const t = (data as unknown as Record<string, Table | undefined>)[table];
    if (!t || JSON.stringify(t.columns) !== JSON.stringify(columns))
      throw new Error(`published aggregates: table "${table}" must have the columns ${columns.join(", ")}`);
    for (const row of t.rows) {
      if (row.length !== columns.length) throw new Error(`published aggregates: a row of "${table}" has ${row.length} cells, not ${columns.length}`);
      if (row.some((v) => v !== null && (typeof v !== "number" || !Number.isFinite(v) || v < 0)))
        throw new Error(`published aggregates: "${table}" has a cell that is not a number`);
    }
  }
  for (const key of ["interns", "hosts", "internLanguages", "hostScale"] as const) {
    if (data.percentDecimals?.[key] !== 0 && data.percentDecimals?.[key] !== 1) throw new Error(`published aggregates: percentDecimals.${key} must be 0 or 1`);
  }
  if (typeof data.otherRegionsStructured !== "object" || typeof data.internLanguagesNotPublished !== "object")
    throw new Error("published aggregates: otherRegionsStructured and internLanguagesNotPublished are required");
  return data;
}

/** The fiscal years the file has (every table's years, ascending). */
export function publishedYears(data: PublishedAggregates): number[] {
  return [...new Set(data.interns.rows.map((r) => r[0]!))].sort((a, b) => a - b);
}

/** The published intern nationality columns and the countries they name. */
export const PUBLISHED_NATIONALITY_COLUMNS = [
  ["vietnamese", "VN"],
  ["chinese", "CN"],
  ["indonesian", "ID"],
  ["thai", "TH"],
] as const;

/** The published industry columns, the grouping codes they correspond to, and their printed wording. */
export const PUBLISHED_INDUSTRY_COLUMNS = [
  ["service", "service", { en: "Service", ja: "サービス業" }],
  ["wholesaleRetail", "wholesale_retail", { en: "Wholesale and Retail", ja: "卸売業，小売業" }],
  ["manufacturing", "manufacturing", { en: "Manufacturing", ja: "製造業" }],
] as const;

function row(t: Table, fiscalYear: number): Record<string, number | null> | null {
  const r = t.rows.find((x) => x[0] === fiscalYear);
  if (!r) return null;
  return Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null]));
}

const EMPTY: readonly string[] = [];

function countRow(key: string, count: number | null, extra: Partial<FigureRow> = {}): FigureRow {
  return { key, count, percent: null, ids: EMPTY, base: null, ...extra };
}

function percentRow(key: string, value: number | null, decimals: 0 | 1, label?: LocalizedText): FigureRow {
  return { key, count: null, percent: value === null ? null : publishedPercent(value, decimals), ids: EMPTY, base: null, ...(label ? { label } : {}) };
}

function figure(id: FigureId, kind: Figure["kind"], recordKind: RecordKind, rows: FigureRow[] | null, notes: string[] = []): Figure {
  if (rows === null) return { id, kind, recordKind, status: "notPublished", rows: [], notes: notes.length > 0 ? notes : ["report.notes.notPublished"] };
  const dash = rows.some((r) => r.count === null && r.percent === null);
  const percentsOnly = rows.every((r) => r.count === null);
  const all = [...notes, ...(percentsOnly ? ["report.notes.publishedPercentsOnly"] : []), ...(dash ? ["report.notes.publishedDash"] : [])];
  // only some categories of the definition were published: the top industries, the top nationalities
  const someRows = notes.includes("report.notes.publishedTopRowsOnly") || notes.includes("report.notes.publishedNationality");
  return { id, kind, recordKind, status: dash || someRows ? "partial" : "complete", rows, notes: all };
}

/**
 * The figures of one fiscal year as published. Throws when the file has no
 * such year. Ids are empty (there are no records behind published numbers).
 */
export function yearReportFromPublished(data: PublishedAggregates, fiscalYear: number): YearReport {
  const i = row(data.interns, fiscalYear);
  const h = row(data.hosts, fiscalYear);
  const s = row(data.hostScale, fiscalYear);
  if (!i || !h || !s) throw new RangeError(`the published aggregates have no fiscal year ${fiscalYear}`);
  const lang = row(data.internLanguages, fiscalYear);
  const d = data.percentDecimals;
  const need = (r: Record<string, number | null>, c: string) => {
    const v = r[c];
    if (v === null || v === undefined) throw new Error(`published aggregates: FY${fiscalYear} ${c} is missing`);
    return v;
  };

  const internsTotal = need(i, "interns");
  const named = PUBLISHED_NATIONALITY_COLUMNS.map(([col, country]) => countRow(`country:${country}`, need(i, col)));
  const other = data.otherRegionsStructured[String(fiscalYear)];
  const nationalityRows = [...named];
  let namedOrDescribed = named.reduce((sum, r) => sum + r.count!, 0);
  if (other) {
    nationalityRows.push(countRow("published:otherRegions", other.count, { label: { en: other.name_en, ja: other.name_ja } }));
    namedOrDescribed += other.count;
  }
  if (namedOrDescribed > internsTotal) throw new Error(`published aggregates: FY${fiscalYear} nationalities add up to more than the interns`);
  nationalityRows.push(countRow("published:otherNotBrokenDown", internsTotal - namedOrDescribed, { derived: true }));

  const languageReason = data.internLanguagesNotPublished[String(fiscalYear)];
  const figures: Record<FigureId, Figure> = {
    applicants: figure("applicants", "count", "applicant", [countRow("total", need(i, "applicants"))]),
    interns: figure("interns", "count", "intern", [countRow("total", internsTotal)]),
    internsByNationality: figure("internsByNationality", "distribution", "intern", nationalityRows, ["report.notes.publishedNationality"]),
    internEvaluation: figure("internEvaluation", "rates", "internSurveyResponse", [
      percentRow("match_fit", need(i, "matchPct"), d.interns),
      percentRow("overall_satisfaction", need(i, "satisfactionPct"), d.interns),
    ]),
    internJapaneseLevel: figure(
      "internJapaneseLevel",
      "distribution",
      "hostSurveyResponse",
      lang && [
        percentRow("business", lang.jaBusinessPct ?? null, d.internLanguages),
        percentRow("daily", lang.jaDailyPct ?? null, d.internLanguages),
        percentRow("other", lang.jaOtherPct ?? null, d.internLanguages),
      ],
      languageReason ? [`report.notes.${languageReason}`] : [],
    ),
    internEnglishLevel: figure(
      "internEnglishLevel",
      "distribution",
      "hostSurveyResponse",
      lang && [
        percentRow("native", lang.enNativePct ?? null, d.internLanguages),
        percentRow("business", lang.enBusinessPct ?? null, d.internLanguages),
        percentRow("daily", lang.enDailyPct ?? null, d.internLanguages),
        percentRow("other", lang.enOtherPct ?? null, d.internLanguages),
      ],
      languageReason ? [`report.notes.${languageReason}`] : [],
    ),
    hostApplicants: figure("hostApplicants", "count", "hostApplication", [countRow("total", need(h, "applicantCompanies"))]),
    hosts: figure("hosts", "count", "hostApplication", [countRow("total", need(h, "hostCompanies"))]),
    hostsByIndustry: figure(
      "hostsByIndustry",
      "distribution",
      "hostApplication",
      PUBLISHED_INDUSTRY_COLUMNS.map(([col, group, label]) => countRow(`group:${group}`, need(h, col), { label: { ...label } })),
      ["report.notes.publishedTopRowsOnly"],
    ),
    hostsBySize: figure("hostsBySize", "distribution", "hostApplication", [
      percentRow("le9", need(s, "upTo9Pct"), d.hostScale),
      percentRow("10to99", need(s, "10to99Pct"), d.hostScale),
      percentRow("100to499", need(s, "100to499Pct"), d.hostScale),
      percentRow("500to1000", need(s, "500to1000Pct"), d.hostScale),
      percentRow("gt1000", need(s, "over1000Pct"), d.hostScale),
    ]),
    hostsByOverseasStatus: figure("hostsByOverseasStatus", "distribution", "hostApplication", [
      percentRow("ongoing", need(s, "overseasOngoingPct"), d.hostScale),
      percentRow("planned", need(s, "overseasPlannedPct"), d.hostScale),
      percentRow("not_planned", need(s, "overseasNotPlannedPct"), d.hostScale),
    ]),
    hostsByRegion: figure("hostsByRegion", "distribution", "hostApplication", null),
    hostEvaluation: figure("hostEvaluation", "rates", "hostSurveyResponse", [
      percentRow("match_fit", need(h, "matchPct"), d.hosts),
      percentRow("overall_satisfaction", need(h, "satisfactionPct"), d.hosts),
    ]),
  };
  return { fiscalYear, source: "published", definitionsVersion: REPORT_DEFINITIONS_VERSION, figures };
}
