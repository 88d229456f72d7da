/**
 * The report as a PDF (pdfkit): A4, every figure as a table with a bar for
 * each percentage, Japanese and English text set in Noto Sans JP from npm
 * (@expo-google-fonts/noto-sans-jp, SIL OFL 1.1; never a system font). pdfkit
 * embeds only the glyphs used (a subset) with a ToUnicode map, so the text is
 * selectable and extractable (tests/unit/report/renderers.test.ts reads it
 * back with pdftotext).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { FIGURE_IDS, type OpenYearReport } from "../domain/report/index.ts";
import type { ReportLabels } from "./labels.ts";
import { figureTable } from "./table.ts";

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** The two weights, read once per process (about 5.5 MB each; only the used glyphs go into a PDF). */
function fontData(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf")),
    bold: readFileSync(require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf")),
  };
  return fonts;
}

const BLUE = "#264af4";
const GRAY = "#666666";
const LINE = "#cccccc";

export interface PdfMeta {
  createdAt: Date;
  /** e.g. "2026-11-29 10:00 (Asia/Tokyo)"; shown under the title. */
  generatedText: string;
}

export async function reportPdf(reports: readonly OpenYearReport[], labels: ReportLabels, meta: PdfMeta): Promise<Buffer> {
  const { regular, bold } = fontData();
  const years = reports.map((r) => labels.fiscalYear(r.fiscalYear)).join(", ");
  const title = `${labels.t("report.title")} ${years}`;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 48, bottom: 48, left: 48, right: 48 },
    info: { Title: title, Author: "JIP Platform", CreationDate: meta.createdAt, ModDate: meta.createdAt },
    lang: labels.locale,
    displayTitle: true,
    pdfVersion: "1.7",
    compress: true,
  });
  doc.registerFont("jp", regular);
  doc.registerFont("jp-bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.font("jp-bold").fontSize(18).fillColor("black").text(title, left, doc.y, { width });
  doc.moveDown(0.2);
  const sources = [...new Set(reports.map((r) => `${labels.fiscalYear(r.fiscalYear)}: ${labels.t(`report.source.${r.source}`)}`))];
  doc.font("jp").fontSize(9).fillColor(GRAY).text(sources.join("\n"), { width });
  doc.text(labels.t("report.generated", { date: meta.generatedText }), { width });
  doc.moveDown(1);

  for (const id of FIGURE_IDS) {
    const table = figureTable(reports, id, labels);
    ensure(90);
    doc.font("jp-bold").fontSize(12.5).fillColor("black").text(table.title, left, doc.y, { width });
    doc.font("jp").fontSize(8.5).fillColor(GRAY).text(table.description, { width });
    doc.moveDown(0.4);

    // columns: year, category, then numbers; a bar after the percentage
    const hasPercent = table.columns.some((c) => c.key === "percent");
    const yearW = 58;
    const numW = 62;
    const barW = hasPercent ? 90 : 0;
    const numCols = table.columns.length - 2;
    const catW = width - yearW - numW * numCols - barW;
    const xs = [left, left + yearW, ...Array.from({ length: numCols }, (_, i) => left + yearW + catW + numW * i)];
    const colW = [yearW, catW, ...Array.from({ length: numCols }, () => numW)];
    const drawHeader = () => {
      doc.font("jp-bold").fontSize(8.5).fillColor("black");
      const y = doc.y;
      table.columns.forEach((c, i) => doc.text(c.label, xs[i]!, y, { width: colW[i]! - 4, align: i >= 2 ? "right" : "left", lineBreak: false }));
      doc
        .moveTo(left, y + 13)
        .lineTo(left + width, y + 13)
        .strokeColor(LINE)
        .lineWidth(0.5)
        .stroke();
      doc.y = y + 16;
    };
    drawHeader();
    doc.font("jp").fontSize(9);
    let lastYear: number | null = null;
    for (const r of table.rows) {
      const labelH = doc.heightOfString(r.cells[1]!, { width: catW - 6 });
      const h = Math.max(14, labelH + 3);
      if (doc.y + h > bottom()) {
        doc.addPage();
        drawHeader();
        doc.font("jp").fontSize(9);
      }
      const y = doc.y;
      doc.fillColor(r.placeholder ? GRAY : "black");
      r.cells.forEach((text, i) => {
        if (i === 0 && r.fiscalYear === lastYear) return;
        doc.text(text, xs[i]!, y, { width: colW[i]! - (i === 1 ? 6 : 4), align: i >= 2 ? "right" : "left", lineBreak: i === 1 });
      });
      if (hasPercent && r.percent && !r.suppressed) {
        const bw = Math.max(0.5, ((barW - 10) * r.percent.tenths) / 1000);
        doc
          .rect(left + width - barW + 8, y + 2.5, bw, 7)
          .fill(BLUE)
          .fillColor("black");
      }
      lastYear = r.fiscalYear;
      doc.y = y + h;
    }
    if (table.notes.length > 0) {
      doc.moveDown(0.3);
      doc.font("jp").fontSize(7.5).fillColor(GRAY).text(table.notes.join("\n"), left, doc.y, { width });
    }
    doc.fillColor("black");
    doc.moveDown(1.2);
  }
  doc.end();
  return done;
}
