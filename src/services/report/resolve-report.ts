/**
 * Which report of a fiscal year a page shows (internal to the report use
 * cases): a published version when asked for one (or, for readers who may not
 * compute, the latest), else the figures computed now from the records.
 * Also the years beside it for the year-over-year comparison: the latest
 * published version of every other year.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { roleGrants } from "../../domain/roles.ts";
import { ReportInputError, parseReport, presentation, type OpenYearReport, type ReportInputProblem, type YearReport } from "../../domain/report/index.ts";
import { reportFromRecords, type ReportSnapshot } from "../../report/index.ts";
import type { Actor } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { fiscalYearsWithRounds, loadReportRecords } from "./report-records.ts";
import { codeVersion, findSnapshot, latestSnapshots, reportConfig, type StoredSnapshot } from "./report-store.ts";

export interface ShownReport {
  fiscalYear: number;
  /** live: computed now from the records (not stored); published: a stored version. */
  kind: "live" | "published";
  version: number | null;
  publishedAt: Date | null;
  source: YearReport["source"];
  inputsHash: string;
  reportHash: string;
  codeVersion: string;
  definitionsVersion: number;
}

const PROBLEMS_SHOWN = 5;

function describeProblem(p: ReportInputProblem): string {
  return `${p.list}[${p.index}] ${p.id} ${p.field}: ${p.code}${p.value === undefined ? "" : ` (${p.value})`}`;
}

/** The year's records computed into a report and its snapshot; inconsistent records are a refusal listing the first problems. */
export async function computeLive(db: Kysely<Database>, fiscalYear: number): Promise<{ report: YearReport; snapshot: ReportSnapshot }> {
  const records = await loadReportRecords(db, fiscalYear);
  try {
    return reportFromRecords(records, reportConfig(), codeVersion());
  } catch (e) {
    if (e instanceof ReportInputError) {
      throw new RefusedError("reportPage.refusals", [
        { code: "inconsistentRecords", count: e.total, problems: e.problems.slice(0, PROBLEMS_SHOWN).map(describeProblem).join("; ") },
      ]);
    }
    throw e;
  }
}

function shownFrom(snapshot: ReportSnapshot, stored: StoredSnapshot | null): ShownReport {
  return {
    fiscalYear: snapshot.fiscalYear,
    kind: stored ? "published" : "live",
    version: stored?.version ?? null,
    publishedAt: stored?.publishedAt ?? null,
    source: snapshot.source,
    inputsHash: snapshot.inputsHash,
    reportHash: snapshot.reportHash,
    codeVersion: snapshot.codeVersion,
    definitionsVersion: snapshot.definitionsVersion,
  };
}

/**
 * The report of a year for this caller: `version` given → that published
 * version; otherwise a caller who may compute (report.manage) sees the live
 * figures when the year has rounds, anyone else the latest published version.
 */
export async function resolveReport(
  db: Kysely<Database>,
  who: Actor,
  fiscalYear: number,
  version: number | undefined,
): Promise<{ report: YearReport; shown: ShownReport; live: ReportSnapshot | null }> {
  const canCompute = roleGrants(who.role, "report.manage");
  if (version === undefined && canCompute && (await fiscalYearsWithRounds(db)).includes(fiscalYear)) {
    const { report, snapshot } = await computeLive(db, fiscalYear);
    return { report, shown: shownFrom(snapshot, null), live: snapshot };
  }
  const stored = await findSnapshot(db, fiscalYear, version);
  if (!stored) throw new NotFoundError(`report ${fiscalYear}${version === undefined ? "" : ` v${version}`}`);
  return { report: parseReport(stored.report), shown: shownFrom(stored, stored), live: null };
}

/** The shown year and the latest published version of every other year, oldest first, without ids. */
export async function comparisonYears(db: Kysely<Database>, shown: YearReport): Promise<OpenYearReport[]> {
  const others = (await latestSnapshots(db)).filter((s) => s.fiscalYear !== shown.fiscalYear).map((s) => parseReport(s.report));
  return [...others, shown].sort((a, b) => a.fiscalYear - b.fiscalYear).map((r) => presentation(r, { suppressSmallCounts: false }));
}
