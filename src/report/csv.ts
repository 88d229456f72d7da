/**
 * The report as CSV: every figure of every given year in one long table
 * (one line per figure row), UTF-8 with a BOM so spreadsheet software reads
 * Japanese, CRLF line ends. Numbers are plain (no thousands separators).
 *
 * Columns: fiscal_year, source, figure, figure_title, status, row, label,
 * count, percent, respondents, unanswered, suppressed
 *   count       integer; empty when suppressed or not published
 *   percent     "31.1" (one decimal) or "85" (a whole percentage as published); empty when none
 *   suppressed  "<5" (fewer than 5) | "x" (hidden so a small count cannot be derived) | empty
 *   status      complete | partial | notPublished | withheld (a figure with no rows still has one line, row empty)
 *
 * NOTE: `csvLine` is a small local writer. The project has two CSV writers
 * (src/services/applications/export-applications-csv.ts and
 * src/services/hosts/screen-host-applications.ts) that another engineer is
 * merging into one module; switch this to that module when it lands (same
 * rules: quoting, formula neutralization, BOM, CRLF).
 */
import { FIGURE_IDS, formatPercent, type OpenYearReport } from "../domain/report/index.ts";
import type { ReportLabels } from "./labels.ts";

/** One CSV line: cells quoted when needed; a leading = + - @ (or tab/CR) is neutralized so spreadsheets never run it as a formula. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells
    .map((v) => {
      let s = v === null || v === undefined ? "" : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}

export const REPORT_CSV_COLUMNS = [
  "fiscal_year",
  "source",
  "figure",
  "figure_title",
  "status",
  "row",
  "label",
  "count",
  "percent",
  "respondents",
  "unanswered",
  "suppressed",
] as const;

/** Every figure of the given years (in the order given), labels in the labels' language. */
export function reportCsv(reports: readonly OpenYearReport[], labels: ReportLabels): string {
  const lines = [csvLine(REPORT_CSV_COLUMNS)];
  for (const report of reports) {
    for (const id of FIGURE_IDS) {
      const f = report.figures[id];
      const head = [report.fiscalYear, report.source, id, labels.figureTitle(id), f.status];
      if (f.rows.length === 0) lines.push(csvLine([...head, "", "", "", "", "", "", ""]));
      for (const r of f.rows) {
        const suppressed = r.suppressed === "lt5" ? "<5" : r.suppressed === "complementary" ? "x" : "";
        lines.push(
          csvLine([...head, r.key, labels.rowLabel(id, r), r.count, r.percent ? formatPercent(r.percent) : "", r.respondents, r.unanswered, suppressed]),
        );
      }
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
