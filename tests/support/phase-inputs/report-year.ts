/**
 * Stand-in for the phases before the report (#13–#16 own these rows): a fiscal
 * year's submitted applications, host applications (with the organization
 * snapshot taken at submission), placements that started and the evaluation
 * survey responses, inserted exactly as those phases leave them
 * (PHASE-CONTRACTS; survey answers keyed by src/domain/report/types.ts codes).
 * The inserter lives in src/db/seed/report-year-rows.ts because the demo seed
 * uses it too; the lead may replace both with the real use cases at merge.
 */
export { insertReportYear, type ReportYearIds, type ReportYearSpec } from "#src/db/seed/report-year-rows.ts";
