/**
 * The yearly report (issue 17) on PGlite and PostgreSQL: a fiscal year's
 * records read from the database and computed (each figure checked against
 * values worked out here from the inserted rows), the records behind a
 * number, downloads, publishing immutable versions with their differences,
 * the published FY2016–2018 figures loaded as published years, and the open
 * statistics.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLISHED_AGGREGATES } from "#src/report/index.ts";
import { parseReport, type YearReport } from "#src/domain/report/index.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, RefusedError } from "#src/services/errors.ts";
import { exportYearReport } from "#src/services/report/export-year-report.ts";
import { getOpenStatistics } from "#src/services/report/get-open-statistics.ts";
import { getYearReport } from "#src/services/report/get-year-report.ts";
import { importPublishedYears } from "#src/services/report/import-published-years.ts";
import { listFigureRecords } from "#src/services/report/list-figure-records.ts";
import { listReportYears } from "#src/services/report/list-report-years.ts";
import { publishYearReport } from "#src/services/report/publish-year-report.ts";
import { insertReportYear, type ReportYearIds, type ReportYearSpec } from "../support/phase-inputs/report-year.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught } from "./support/expect-errors.ts";

const YEAR = 2030;

const org = (jsicDivision: string, employees: number, overseasStatus: "ongoing" | "planned" | "not_planned", prefectureCode: string) => ({
  jsicDivision,
  employees,
  overseasStatus,
  prefectureCode,
});

const SPEC: ReportYearSpec = {
  fiscalYear: YEAR,
  idPrefix: "t30",
  applicants: [
    { nationality: "VN", status: "rejected" },
    { nationality: "VN", status: "withdrawn" },
    { nationality: "ID", status: "submitted" },
    { nationality: null, status: "rejected" },
    { nationality: "TH", status: "waitlisted" },
    { nationality: "CN", status: "rejected" },
  ],
  hosts: [
    // 0: snapshot as today
    {
      status: "accepted",
      organization: org("E", 85, "ongoing", "20"),
      snapshot: { jsicDivision: "E", employees: 85, overseasStatus: "ongoing", prefectureCode: "20" },
    },
    // 1: changed since its application: the report must count the snapshot (I, 5 employees, planned, Fukuoka)
    {
      status: "accepted",
      organization: org("R", 2000, "not_planned", "13"),
      snapshot: { jsicDivision: "I", employees: 5, overseasStatus: "planned", prefectureCode: "40" },
    },
    // 2: declined, no snapshot stored (older application): the organization row
    { status: "declined", organization: org("G", 300, "not_planned", "27") },
    // 3: accepted but nobody placed there
    { status: "accepted", organization: org("E", 50, "ongoing", "01") },
  ],
  interns: [
    {
      nationality: "VN",
      host: 0,
      intern: { match_fit: "yes", overall_satisfaction: "satisfied" },
      hostEvaluation: { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "business", intern_english_level: "business" },
    },
    {
      nationality: "VN",
      host: 0,
      intern: { match_fit: "yes", overall_satisfaction: "satisfied" },
      hostEvaluation: { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "daily", intern_english_level: "native" },
    },
    {
      nationality: "VN",
      host: 0,
      intern: { match_fit: "no", overall_satisfaction: "satisfied" },
      hostEvaluation: { match_fit: "no", overall_satisfaction: "not_satisfied", intern_japanese_level: "daily" },
    },
    {
      nationality: "VN",
      host: 1,
      intern: { match_fit: "yes", overall_satisfaction: "not_satisfied" },
      hostEvaluation: { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "other", intern_english_level: "daily" },
    },
    { nationality: "VN", host: 1, intern: { match_fit: "yes" } },
    { nationality: "ID", host: 1, intern: { match_fit: "yes", overall_satisfaction: "satisfied" }, hostEvaluation: { match_fit: "yes" } },
    { nationality: "PH", host: 0, placementStatus: "active" },
  ],
};

function rowOf(report: YearReport, figure: keyof YearReport["figures"], key: string) {
  const row = report.figures[figure].rows.find((r) => r.key === key);
  if (!row) throw new Error(`${figure} has no row ${key}`);
  return row;
}

/** Half-up tenths of a percent, worked out independently of the domain. */
const tenths = (count: number, of: number) => Math.round((count * 1000) / of + 1e-9);

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let ministry: Actor;
  let ids: ReportYearIds;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    ministry = actorFor(await createUser(env, "ministry"));
    ids = await insertReportYear(env.db, SPEC);
  });

  it("computes every figure of a year from the records, host attributes from the application's snapshot", async () => {
    const out = await publishYearReport(env.ctx, operator, YEAR);
    expect(out).toEqual({ version: 1, differences: 0 });
    const stored = await env.db.selectFrom("report_snapshots").selectAll().where("fiscal_year", "=", YEAR).executeTakeFirstOrThrow();
    const report = parseReport(stored.report);

    const interns = SPEC.interns;
    expect(rowOf(report, "applicants", "total").count).toBe(SPEC.applicants.length + interns.length);
    expect(rowOf(report, "interns", "total").count).toBe(interns.length);
    expect(rowOf(report, "interns", "total").ids).toEqual([...ids.placementIds].sort());
    // nationality: VN has 5 (named); ID and PH fall into their world region
    expect(rowOf(report, "internsByNationality", "country:VN").count).toBe(5);
    expect(rowOf(report, "internsByNationality", "worldRegion:southeast_asia").count).toBe(2);
    // intern evaluation: of those who answered each question
    const internMatch = interns.filter((i) => i.intern?.match_fit);
    const yes = internMatch.filter((i) => i.intern!.match_fit === "yes").length;
    const match = rowOf(report, "internEvaluation", "match_fit");
    expect([match.count, match.base?.respondents, match.percent?.tenths]).toEqual([yes, internMatch.length, tenths(yes, internMatch.length)]);
    // "not answered": responses that left the question blank (an intern with no response is not asked)
    expect(match.base?.unanswered).toBe(interns.filter((i) => i.intern).length - internMatch.length);
    const sat = interns.filter((i) => i.intern?.overall_satisfaction);
    const satisfied = sat.filter((i) => i.intern!.overall_satisfaction === "satisfied").length;
    expect(rowOf(report, "internEvaluation", "overall_satisfaction").percent?.tenths).toBe(tenths(satisfied, sat.length));
    // hosts' evaluation of languages
    const ja = interns.filter((i) => i.hostEvaluation?.intern_japanese_level);
    expect(rowOf(report, "internJapaneseLevel", "daily").count).toBe(ja.filter((i) => i.hostEvaluation!.intern_japanese_level === "daily").length);
    expect(rowOf(report, "internJapaneseLevel", "daily").percent?.tenths).toBe(tenths(2, ja.length));
    expect(rowOf(report, "internEnglishLevel", "native").count).toBe(1);
    const hostMatch = interns.filter((i) => i.hostEvaluation?.match_fit);
    expect(rowOf(report, "hostEvaluation", "match_fit").percent?.tenths).toBe(
      tenths(hostMatch.filter((i) => i.hostEvaluation!.match_fit === "yes").length, hostMatch.length),
    );
    // hosts: 4 applied, 2 received interns
    expect(rowOf(report, "hostApplicants", "total").count).toBe(4);
    expect(rowOf(report, "hosts", "total").ids).toEqual([ids.hostApplicationIds[0], ids.hostApplicationIds[1]].sort());
    expect(rowOf(report, "hostsByIndustry", "group:manufacturing").count).toBe(1);
    expect(rowOf(report, "hostsByIndustry", "group:wholesale_retail").ids).toEqual([ids.hostApplicationIds[1]]);
    expect(rowOf(report, "hostsByIndustry", "group:service").count).toBe(0);
    expect(rowOf(report, "hostsBySize", "le9").count).toBe(1);
    expect(rowOf(report, "hostsBySize", "gt1000").count).toBe(0);
    expect(rowOf(report, "hostsByOverseasStatus", "planned").count).toBe(1);
    expect(rowOf(report, "hostsByRegion", "kyushu_okinawa").count).toBe(1);
    expect(rowOf(report, "hostsByRegion", "chubu").count).toBe(1);
    expect(rowOf(report, "hostsByRegion", "kanto").count).toBe(0);
    // provenance
    expect(stored.inputs_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.report_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.published_by).toBe(operator.userId);
    const audit = await env.db.selectFrom("audit_log").selectAll().where("action", "=", "report.publish").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(stored.id);
  });

  it("leads from a number to the records it counts, its respondents and those who did not answer", async () => {
    const vn = await listFigureRecords(env.ctx, operator, { fiscalYear: String(YEAR), figure: "internsByNationality", row: "country:VN" });
    expect(vn.recordKind).toBe("intern");
    expect(vn.total).toBe(5);
    expect(vn.items.map((i) => i.nationality)).toEqual(["VN", "VN", "VN", "VN", "VN"]);
    expect(vn.items.every((i) => i.link?.kind === "application")).toBe(true);
    const hosts = await listFigureRecords(env.ctx, operator, { fiscalYear: YEAR, figure: "hostsByIndustry", row: "group:wholesale_retail" });
    expect(hosts.items.map((i) => i.id)).toEqual([ids.hostApplicationIds[1]]);
    expect(hosts.items[0]!.link).toEqual({ kind: "hostApplication", id: ids.hostApplicationIds[1] });
    const unanswered = await listFigureRecords(env.ctx, operator, {
      fiscalYear: YEAR,
      figure: "internEvaluation",
      row: "overall_satisfaction",
      part: "unanswered",
    });
    expect(unanswered.recordKind).toBe("internSurveyResponse");
    expect(unanswered.items.map((i) => i.id)).toEqual([ids.internResponseIds[4]]);
    expect(unanswered.items[0]!.answers).toEqual({ match_fit: "yes" });
    // from a published version's stored ids too
    const v1 = await listFigureRecords(env.ctx, operator, { fiscalYear: YEAR, version: "1", figure: "applicants", row: "total", page: "1" });
    expect(v1.total).toBe(13);
    expect(v1.items).toHaveLength(13);
    expect(await caught(listFigureRecords(env.ctx, operator, { fiscalYear: YEAR, figure: "hosts", row: "nope" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(listFigureRecords(env.ctx, ministry, { fiscalYear: YEAR, figure: "hosts", row: "total" }))).toBeInstanceOf(ForbiddenError);
  });

  it("shows the page with charts, tables and the records behind each row; the ministry sees published versions only", async () => {
    const page = await getYearReport(env.ctx, operator, { fiscalYear: YEAR, locale: "ja" });
    expect(page.shown.kind).toBe("live");
    expect(page.sameAsPublished).toBe(true);
    const nationality = page.figures.find((f) => f.id === "internsByNationality")!;
    expect(nationality.svg).toContain("<svg");
    expect(nationality.svg).toContain('role="img"');
    expect(nationality.trace.find((r) => r.key === "country:VN")).toMatchObject({ records: 5, count: 5 });
    expect(nationality.table.rows.some((r) => r.cells.includes("ベトナム"))).toBe(true);
    const forMinistry = await getYearReport(env.ctx, ministry, { fiscalYear: YEAR, locale: "en" });
    expect(forMinistry.shown).toMatchObject({ kind: "published", version: 1 });
    expect(forMinistry.canManage).toBe(false);
    expect(await caught(getYearReport(env.ctx, ministry, { fiscalYear: 2031, locale: "en" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(getYearReport(env.ctx, null, { fiscalYear: YEAR, locale: "en" }))).toBeTruthy();
  });

  it("never changes a published version: republishing makes a new one with its differences", async () => {
    const refused = await caught(publishYearReport(env.ctx, operator, YEAR));
    expect(refused).toBeInstanceOf(RefusedError);
    expect((refused as RefusedError).refusals).toEqual([{ code: "unchanged", version: 1 }]);
    const before = await env.db
      .selectFrom("report_snapshots")
      .select(["report_hash", "report"])
      .where("fiscal_year", "=", YEAR)
      .where("version", "=", 1)
      .executeTakeFirstOrThrow();

    // the PH intern answers the survey late
    await env.db
      .insertInto("survey_responses")
      .values({
        id: "t30-late",
        survey_id: "t30-survey-intern",
        placement_id: ids.placementIds[6]!,
        answers: JSON.stringify({ match_fit: "no", overall_satisfaction: "satisfied" }),
      })
      .execute();
    const page = await getYearReport(env.ctx, operator, { fiscalYear: YEAR, locale: "en" });
    expect(page.sameAsPublished).toBe(false);
    const out = await publishYearReport(env.ctx, operator, YEAR);
    expect(out.version).toBe(2);
    expect(out.differences).toBeGreaterThan(0);
    const v2 = await getYearReport(env.ctx, ministry, { fiscalYear: YEAR, locale: "en" });
    expect(v2.shown.version).toBe(2);
    expect(v2.differences).toContainEqual(expect.objectContaining({ figure: "internEvaluation", row: "match_fit", field: "percent" }));
    const after = await env.db
      .selectFrom("report_snapshots")
      .select(["report_hash", "report"])
      .where("fiscal_year", "=", YEAR)
      .where("version", "=", 1)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    // the database itself refuses to change or delete a published version
    await expect(sql`update report_snapshots set code_version = 'x' where fiscal_year = ${YEAR}`.execute(env.db)).rejects.toThrow(/never changed/);
    await expect(sql`delete from report_snapshots where fiscal_year = ${YEAR}`.execute(env.db)).rejects.toThrow(/never changed/);
    expect(await caught(publishYearReport(env.ctx, operator, 2031))).toBeInstanceOf(RefusedError);
    expect(await caught(publishYearReport(env.ctx, ministry, YEAR))).toBeInstanceOf(ForbiddenError);
  });

  it("loads the published FY2016–2018 figures as published years, once", async () => {
    expect(await importPublishedYears(env.ctx, operator)).toEqual({ loaded: [2016, 2017, 2018], unchanged: [] });
    expect(await importPublishedYears(env.ctx, "system")).toEqual({ loaded: [], unchanged: [2016, 2017, 2018] });
    const { years } = await listReportYears(env.ctx, ministry);
    expect(years.map((y) => y.fiscalYear)).toEqual([YEAR, 2018, 2017, 2016]);
    // the report compares every year
    const page = await getYearReport(env.ctx, operator, { fiscalYear: YEAR, locale: "en" });
    expect(page.years).toEqual([2016, 2017, 2018, YEAR]);
    const fy2017 = await getYearReport(env.ctx, ministry, { fiscalYear: 2017, locale: "en" });
    const interns = fy2017.figures.find((f) => f.id === "interns")!;
    const published = PUBLISHED_AGGREGATES.interns.rows.find((r) => r[0] === 2017)!;
    expect(interns.table.rows.find((r) => r.fiscalYear === 2017)!.count).toBe(published[2]);
    expect(await caught(importPublishedYears(env.ctx, ministry))).toBeInstanceOf(ForbiddenError);
  });

  it("exports the report as CSV, XLSX and PDF (Japanese text selectable)", async () => {
    const csv = await exportYearReport(env.ctx, ministry, { fiscalYear: String(YEAR), format: "csv" }, "ja");
    const text = csv.body.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("2017");
    expect(text).toContain(String(YEAR));
    expect(text).not.toContain("t30-");
    const xlsx = await exportYearReport(env.ctx, operator, { fiscalYear: YEAR, format: "xlsx" }, "en");
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
    const pdf = await exportYearReport(env.ctx, operator, { fiscalYear: YEAR, format: "pdf" }, "ja");
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.filename).toBe(`jip-report-fy${YEAR}.pdf`);
    const dir = mkdtempSync(path.join(tmpdir(), "jip-report-"));
    try {
      writeFileSync(path.join(dir, "r.pdf"), pdf.body);
      expect(execFileSync("pdftotext", ["-enc", "UTF-8", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" })).toContain("受入企業");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("publishes open statistics without ids, small counts by nationality and region suppressed", async () => {
    const open = await getOpenStatistics(env.ctx);
    expect(open.map((y) => [y.fiscalYear, y.version])).toEqual([
      [2016, 1],
      [2017, 1],
      [2018, 1],
      [YEAR, 2],
    ]);
    const json = JSON.stringify(open);
    expect(json).not.toContain("t30-");
    const mine = open.at(-1)!.figures;
    const region = mine.figures.hostsByRegion.rows.find((r) => r.key === "chubu")!;
    expect(region).toMatchObject({ count: null, suppressed: "lt5" });
    const vn = mine.figures.internsByNationality.rows.find((r) => r.key === "country:VN")!;
    expect(vn.suppressed === null ? vn.count : vn.suppressed).toBeTruthy();
    // FY2017's published "4 interns from Africa"
    const africa2017 = open[1]!.figures.figures.internsByNationality.rows.find((r) => r.key === "published:otherRegions");
    expect(africa2017?.suppressed).toBe("lt5");
  });
});
