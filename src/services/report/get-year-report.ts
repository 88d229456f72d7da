import type { Locale } from "../../i18n/locales.ts";
import { roleGrants } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { figureViews, type FigureView } from "./figure-views.ts";
import { comparisonYears, resolveReport, type ShownReport } from "./resolve-report.ts";
import type { ReportDifference } from "../../domain/report/index.ts";
import { findDifferences, findSnapshot, listVersions, type SnapshotSummary } from "./report-store.ts";

export interface YearReportPage {
  shown: ShownReport;
  /** Every fiscal year in the comparison (oldest first). */
  years: number[];
  figures: FigureView[];
  versions: SnapshotSummary[];
  /** The shown version's differences from the version before it (none for the live figures). */
  differences: ReportDifference[];
  /** The live figures are the same, cell for cell, as the latest published version (null: nothing published or not live). */
  sameAsPublished: boolean | null;
  canManage: boolean;
}

/**
 * A fiscal year's report page: the figures (live from the records for an
 * operator, else the latest or the asked-for published version), each beside
 * the same figure of every other published year, and the year's versions.
 */
export async function getYearReport(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { fiscalYear: number; version?: number; locale: Locale },
): Promise<YearReportPage> {
  const who = authorize(actor, "report.read");
  const { report, shown, live } = await resolveReport(ctx.db, who, input.fiscalYear, input.version);
  const years = await comparisonYears(ctx.db, report);
  const latest = live ? await findSnapshot(ctx.db, input.fiscalYear) : undefined;
  return {
    shown,
    years: years.map((y) => y.fiscalYear),
    figures: figureViews(report, years, input.locale === "ja" ? "ja" : "en"),
    versions: await listVersions(ctx.db, input.fiscalYear),
    differences: shown.version ? await findDifferences(ctx.db, input.fiscalYear, shown.version) : [],
    sameAsPublished: live && latest ? latest.reportHash === live.reportHash : null,
    canManage: roleGrants(who.role, "report.manage"),
  };
}
