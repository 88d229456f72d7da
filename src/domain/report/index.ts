/**
 * The yearly performance report as pure domain code (issue #17, ADR 0015).
 *
 *   computeYearReport(records, config)        → YearReport   (a fiscal year's records)
 *   yearReportFromPublished(data, fiscalYear) → YearReport   (FY2016–2018, published aggregates)
 *   openStatistics(report)                    → OpenYearReport (no ids, small counts suppressed)
 *   presentation(report, { suppressSmallCounts }) → OpenYearReport for files and charts
 *   canonicalRecordsInput / canonicalPublishedInput → string to hash (inputs hash)
 *   serializeReport / parseReport / diffReports     → store, read back and compare snapshots
 *
 * Node-side helpers (default configuration from the data files, sha-256,
 * snapshots, SVG/CSV/XLSX/PDF) are in src/report/.
 */
export * from "./types.ts";
export { computeYearReport, NAMED_NATIONALITIES, NAMED_NATIONALITY_MIN } from "./compute.ts";
export { indexReportConfig } from "./config.ts";
export { ReportInputError, MAX_PROBLEMS_KEPT, type ReportInputProblem, type ReportInputProblemCode, type RecordList } from "./input-error.ts";
export { percentOf, publishedPercent, formatPercent, formatCount } from "./percent.ts";
export {
  parsePublishedAggregates,
  publishedYears,
  yearReportFromPublished,
  PUBLISHED_NATIONALITY_COLUMNS,
  PUBLISHED_INDUSTRY_COLUMNS,
  type PublishedAggregates,
} from "./published.ts";
export {
  openStatistics,
  presentation,
  suppressBreakdown,
  suppressionIsSafe,
  formatOpenCount,
  formatOpenPercent,
  SUPPRESSION_THRESHOLD,
  SUPPRESSED_FIGURES,
  type OpenFigure,
  type OpenFigureRow,
  type OpenYearReport,
  type Suppression,
} from "./open-statistics.ts";
export {
  canonicalJson,
  canonicalRecordsInput,
  canonicalPublishedInput,
  serializeReport,
  parseReport,
  diffReports,
  type ReportDifference,
} from "./canonical.ts";
