/**
 * Stable serialization (ADR 0015, "Snapshots"): the same inputs or the same
 * report give the same bytes on every machine, whatever the order the records
 * came in. Hash `canonical…Input` for a snapshot's inputs hash; store
 * `serializeReport` as the snapshot; regenerate later and `diffReports`.
 */
import type { PublishedAggregates } from "./published.ts";
import { FIGURE_IDS, REPORT_DEFINITIONS_VERSION, type FigureId, type FigureRow, type ReportConfig, type ReportRecords, type YearReport } from "./types.ts";

/**
 * JSON with every object's keys sorted (UTF-16 code-unit order) and no
 * whitespace; members whose value is undefined are left out (as JSON.stringify
 * does); arrays keep their order. Throws on NaN, Infinity and anything that is
 * not plain data (functions, Maps, Dates…).
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const write = (v: unknown): void => {
    if (v === null) out.push("null");
    else if (typeof v === "string") out.push(JSON.stringify(v));
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} is not a finite number`);
      out.push(JSON.stringify(v));
    } else if (typeof v === "boolean") out.push(v ? "true" : "false");
    else if (Array.isArray(v)) {
      // arrays of strings (the report's id lists) in one native call
      if (v.every((x) => typeof x === "string")) {
        out.push(JSON.stringify(v));
        return;
      }
      out.push("[");
      for (let i = 0; i < v.length; i++) {
        if (i > 0) out.push(",");
        write(v[i] === undefined ? null : v[i]);
      }
      out.push("]");
    } else if (typeof v === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      const keys = Object.keys(v as object)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort();
      out.push("{");
      keys.forEach((k, i) => {
        if (i > 0) out.push(",");
        out.push(JSON.stringify(k), ":");
        write((v as Record<string, unknown>)[k]);
      });
      out.push("}");
    } else throw new TypeError(`canonicalJson: cannot serialize ${Object.prototype.toString.call(v)}`);
  };
  write(value);
  return out.join("");
}

type Cell = string | number | null;
const cell = (v: string | number | null | undefined): Cell => (v === undefined ? null : v);

/**
 * A list as a JSON array of tuples sorted by id (code-unit order; ties, which
 * only invalid records have, by the tuple's JSON), so the order the records
 * came in does not matter. One native JSON.stringify for the whole list.
 */
function tuples<T extends { id: string }>(list: readonly T[], tuple: (item: T) => Cell[]): string {
  const rows = list.map(tuple);
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = (rows[i - 1]![0] as string) < (rows[i]![0] as string);
  if (!sorted) {
    rows.sort((a, b) => {
      const x = a[0] as string;
      const y = b[0] as string;
      if (x !== y) return x < y ? -1 : 1;
      const ja = JSON.stringify(a);
      const jb = JSON.stringify(b);
      return ja < jb ? -1 : ja > jb ? 1 : 0;
    });
  }
  return JSON.stringify(rows);
}

/**
 * Everything a report from records depends on, canonically: the definitions
 * version, the fiscal year, the groupings and every record. Each record is a
 * JSON array of its fields in a fixed order (an answer left blank and one not
 * asked are both null), each list sorted by id, so the same records in any
 * order give the same string. Hash it (sha-256) for the snapshot's inputs
 * hash. Records read ORDER BY id (COLLATE "C" for non-ASCII ids) skip the sort.
 *   applicants [id, nationality, finalStatus]
 *   interns [id, applicantId, hostApplicationId]
 *   hostApplications [id, finalStatus, jsicDivision, employees, overseasStatus, prefectureCode, region]
 *   internSurveyResponses [id, internId, match_fit, overall_satisfaction]
 *   hostSurveyResponses [id, internId, match_fit, overall_satisfaction, intern_japanese_level, intern_english_level]
 */
export function canonicalRecordsInput(records: ReportRecords, config: ReportConfig): string {
  const head = canonicalJson({
    source: "records",
    definitionsVersion: REPORT_DEFINITIONS_VERSION,
    fiscalYear: records.fiscalYear,
    config: {
      industryGroups: config.industryGroups.map((g) => ({ code: g.code, nameJa: g.nameJa, nameEn: g.nameEn, divisions: [...g.divisions] })),
      jsicDivisions: [...config.jsicDivisions],
      worldRegions: config.worldRegions.map((r) => ({ code: r.code, countries: [...r.countries].sort() })),
    },
  });
  const lists = [
    `"applicants":${tuples(records.applicants, (a) => [a.id, cell(a.nationality), a.finalStatus])}`,
    `"hostApplications":${tuples(records.hostApplications, (h) => [
      h.id,
      h.finalStatus,
      h.jsicDivision,
      cell(h.employees),
      cell(h.overseasStatus),
      cell(h.prefectureCode),
      cell(h.region),
    ])}`,
    `"hostSurveyResponses":${tuples(records.hostSurveyResponses, (r) => [
      r.id,
      r.internId,
      cell(r.answers.match_fit),
      cell(r.answers.overall_satisfaction),
      cell(r.answers.intern_japanese_level),
      cell(r.answers.intern_english_level),
    ])}`,
    `"internSurveyResponses":${tuples(records.internSurveyResponses, (r) => [r.id, r.internId, cell(r.answers.match_fit), cell(r.answers.overall_satisfaction)])}`,
    `"interns":${tuples(records.interns, (i) => [i.id, i.applicantId, i.hostApplicationId])}`,
  ];
  return `${head.slice(0, -1)},"records":{${lists.join(",")}}}`;
}

/** Everything a published year's report depends on: that year's row of each table and the file's metadata the module reads. */
export function canonicalPublishedInput(data: PublishedAggregates, fiscalYear: number): string {
  const year = String(fiscalYear);
  const table = (t: { columns: string[]; rows: (number | null)[][] }) => ({ columns: t.columns, row: t.rows.find((r) => r[0] === fiscalYear) ?? null });
  return canonicalJson({
    source: "published",
    definitionsVersion: REPORT_DEFINITIONS_VERSION,
    fiscalYear,
    publication: data.source,
    tables: { interns: table(data.interns), internLanguages: table(data.internLanguages), hosts: table(data.hosts), hostScale: table(data.hostScale) },
    otherRegions: data.otherRegionsStructured[year] ?? null,
    percentDecimals: { ...data.percentDecimals },
    internLanguagesNotPublished: data.internLanguagesNotPublished[year] ?? null,
  });
}

/**
 * The report as canonical JSON (what a snapshot stores). The rows of a
 * distribution share one base (who the percentages are of): it is written
 * once, as the figure's `base`, and its rows have none; parseReport puts it
 * back on every row.
 */
export function serializeReport(report: YearReport): string {
  const figures = Object.fromEntries(
    FIGURE_IDS.map((id) => {
      const f = report.figures[id];
      const shared = f.kind === "distribution" && f.rows.length > 0 && f.rows.every((r) => r.base === f.rows[0]!.base) ? f.rows[0]!.base : null;
      return [id, shared ? { ...f, base: shared, rows: f.rows.map(({ base: _base, ...row }) => row) } : f];
    }),
  );
  return canonicalJson({ ...report, figures });
}

/** A stored report back; checks its shape enough to compare it (every figure present, rows with keys). */
export function parseReport(json: string): YearReport {
  const r = JSON.parse(json) as YearReport;
  if (typeof r !== "object" || r === null || typeof r.fiscalYear !== "number" || typeof r.definitionsVersion !== "number" || typeof r.figures !== "object")
    throw new Error("not a stored year report");
  for (const id of FIGURE_IDS) {
    const f = r.figures[id] as YearReport["figures"][FigureId] & { base?: FigureRow["base"] };
    if (!f || !Array.isArray(f.rows) || f.rows.some((row) => typeof row.key !== "string"))
      throw new Error(`stored year report: figure ${id} is missing or malformed`);
    if (f.base) {
      for (const row of f.rows) row.base = f.base;
      delete f.base;
    }
  }
  return r;
}

export interface ReportDifference {
  figure: FigureId | "report";
  /** row key; "" for the figure or report itself */
  row: string;
  field: "fiscalYear" | "source" | "definitionsVersion" | "status" | "row" | "count" | "percent" | "respondents" | "unanswered" | "ids" | "label";
  before: string;
  after: string;
}

function idChange(before: readonly string[], after: readonly string[]): string | null {
  if (before.length === after.length && before.every((id, i) => id === after[i])) return null;
  const a = new Set(after);
  const b = new Set(before);
  return `${before.filter((id) => !a.has(id)).length} removed, ${after.filter((id) => !b.has(id)).length} added`;
}

/** Every cell that differs between a stored report and a regenerated one (empty: the same report). */
export function diffReports(before: YearReport, after: YearReport): ReportDifference[] {
  const out: ReportDifference[] = [];
  for (const field of ["fiscalYear", "source", "definitionsVersion"] as const) {
    if (before[field] !== after[field]) out.push({ figure: "report", row: "", field, before: String(before[field]), after: String(after[field]) });
  }
  const show = (v: unknown) => (v === null || v === undefined ? "-" : canonicalJson(v));
  for (const id of FIGURE_IDS) {
    const fb = before.figures[id];
    const fa = after.figures[id];
    if (fb.status !== fa.status) out.push({ figure: id, row: "", field: "status", before: fb.status, after: fa.status });
    const rowsB = new Map(fb.rows.map((r) => [r.key, r]));
    const rowsA = new Map(fa.rows.map((r) => [r.key, r]));
    for (const key of new Set([...rowsB.keys(), ...rowsA.keys()])) {
      const rb = rowsB.get(key);
      const ra = rowsA.get(key);
      if (!rb || !ra) {
        out.push({ figure: id, row: key, field: "row", before: rb ? "present" : "absent", after: ra ? "present" : "absent" });
        continue;
      }
      const cells: [ReportDifference["field"], (r: FigureRow) => unknown][] = [
        ["count", (r) => r.count],
        ["percent", (r) => r.percent],
        ["respondents", (r) => r.base?.respondents],
        ["unanswered", (r) => r.base?.unanswered],
        ["label", (r) => r.label],
      ];
      for (const [field, get] of cells) {
        const b = show(get(rb));
        const a = show(get(ra));
        if (a !== b) out.push({ figure: id, row: key, field, before: b, after: a });
      }
      const ids = idChange(rb.ids, ra.ids);
      if (ids) out.push({ figure: id, row: key, field: "ids", before: `${rb.ids.length} records`, after: `${ra.ids.length} records (${ids})` });
    }
  }
  return out;
}
