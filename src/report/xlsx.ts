/**
 * The report as an Excel workbook (exceljs): one sheet per figure, in the
 * report's order. Each sheet: the figure's title and description, then a
 * table (fiscal year, category, number, %, respondents, not answered) with
 * the given years one after the other, then the notes. Numbers are numbers
 * (percentages with the decimals they were published or computed with), with
 * respondents on every row; suppressed cells are the text "<5" or "x", an
 * unpublished value "-".
 */
import ExcelJS from "exceljs";
import { FIGURE_IDS, type OpenYearReport } from "../domain/report/index.ts";
import type { ReportLabels } from "./labels.ts";
import { figureTable } from "./table.ts";

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean =
    title
      .replace(/[\\/?*[\]:]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Sheet";
  let name = [...clean].slice(0, 31).join("");
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${[...clean].slice(0, 31 - String(n).length - 1).join("")}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function reportXlsx(reports: readonly OpenYearReport[], labels: ReportLabels, meta: { createdAt: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "JIP Platform";
  wb.created = meta.createdAt;
  wb.modified = meta.createdAt;
  const taken = new Set<string>();
  for (const id of FIGURE_IDS) {
    const table = figureTable(reports, id, labels);
    const ws = wb.addWorksheet(sheetName(table.title, taken), { views: [{ state: "frozen", ySplit: 4 }] });
    ws.getCell("A1").value = table.title;
    ws.getCell("A1").font = { bold: true, size: 14 };
    ws.getCell("A2").value = table.description;
    ws.getCell("A2").alignment = { wrapText: false };
    const header = ws.getRow(4);
    table.columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.label;
      header.getCell(i + 1).font = { bold: true };
    });
    let rowNo = 5;
    for (const r of table.rows) {
      const row = ws.getRow(rowNo++);
      table.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        switch (c.key) {
          case "fiscalYear":
            cell.value = r.fiscalYear;
            cell.numFmt = "0";
            break;
          case "category":
            cell.value = r.label;
            if (r.placeholder) cell.font = { italic: true, color: { argb: "FF666666" } };
            break;
          case "count":
            cell.value = r.count !== null && !r.suppressed ? r.count : r.cells[i]! || null;
            cell.numFmt = "#,##0";
            cell.alignment = { horizontal: "right" };
            break;
          case "percent":
            cell.value = r.percent !== null && !r.suppressed ? r.percent.tenths / 10 : r.cells[i]! || null;
            cell.numFmt = r.percent?.decimals === 0 ? "0" : "0.0";
            cell.alignment = { horizontal: "right" };
            break;
          case "respondents":
            cell.value = r.respondents;
            cell.numFmt = "#,##0";
            break;
          case "unanswered":
            cell.value = r.unanswered;
            cell.numFmt = "#,##0";
            break;
        }
      });
    }
    rowNo++;
    for (const note of table.notes) ws.getRow(rowNo++).getCell(1).value = note;
    ws.getColumn(1).width = 10;
    ws.getColumn(2).width = 44;
    for (let c = 3; c <= table.columns.length; c++) ws.getColumn(c).width = 14;
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as unknown as ArrayBuffer);
}
