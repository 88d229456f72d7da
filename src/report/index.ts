/**
 * The yearly report, Node side (server-only: it reads the font, uses
 * node:crypto, pdfkit, exceljs, echarts). docs/report-module.md shows how the
 * pieces fit; ADR 0015 defines the figures.
 *
 *   defaultReportConfig(), PUBLISHED_AGGREGATES            shipped data
 *   reportFromRecords(records, config, codeVersion)         → { report, snapshot }
 *   reportFromPublished(PUBLISHED_AGGREGATES, year, code)   → { report, snapshot }
 *   compareSnapshots(stored, regenerated)                   → { sameInputs, sameReport, differences }
 *   reportLabels(locale, config)                            → words of the report in ja or en
 *   figureTable(years, figureId, labels)                    → rows and columns (the accessible table)
 *   figureChartSvg(years, figureId, labels, { idPrefix })   → SVG string
 *   reportCsv(years, labels)                                → CSV text (BOM, CRLF)
 *   reportXlsx(years, labels, { createdAt })                → Buffer (one sheet per figure)
 *   reportPdf(years, labels, { createdAt, generatedText })  → Buffer
 *
 * `years` are OpenYearReport values: presentation(report, { suppressSmallCounts: false })
 * for operators and the ministry, openStatistics(report) for the public.
 */
export { defaultReportConfig, PUBLISHED_AGGREGATES } from "./data.ts";
export { reportFromRecords, reportFromPublished, compareSnapshots, sha256Hex, type ReportSnapshot, type SnapshotComparison } from "./snapshot.ts";
export { reportLabels, type ReportLabels, type ReportLocale } from "./labels.ts";
export { figureTable, type FigureTable, type TableRow, type TableColumn } from "./table.ts";
export { figureChartSvg, type ChartOptions } from "./chart.ts";
export { reportCsv, csvLine, REPORT_CSV_COLUMNS } from "./csv.ts";
export { reportXlsx, sheetName } from "./xlsx.ts";
export { reportPdf, type PdfMeta } from "./pdf.ts";
