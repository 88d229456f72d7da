import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import {
  FIGURE_IDS,
  computeYearReport,
  formatCount,
  openStatistics,
  presentation,
  yearReportFromPublished,
  type OpenYearReport,
} from "#src/domain/report/index.ts";
import { figureChartSvg } from "#src/report/chart.ts";
import { REPORT_CSV_COLUMNS, csvLine, reportCsv } from "#src/report/csv.ts";
import { defaultReportConfig, PUBLISHED_AGGREGATES } from "#src/report/data.ts";
import { reportLabels } from "#src/report/labels.ts";
import { reportPdf } from "#src/report/pdf.ts";
import { figureTable } from "#src/report/table.ts";
import { reportXlsx } from "#src/report/xlsx.ts";
import { generateYear } from "../../../bench/report/generate.ts";

const config = defaultReportConfig();
const ja = reportLabels("ja", config);
const en = reportLabels("en", config);
const published = [2016, 2017, 2018].map((y) => presentation(yearReportFromPublished(PUBLISHED_AGGREGATES, y), { suppressSmallCounts: false }));
const computed = computeYearReport(generateYear({ applicants: 5000, hostApplicants: 150, interns: 120, seed: 5, fiscalYear: 2019 }), config);
const years: OpenYearReport[] = [...published, presentation(computed, { suppressSmallCounts: false })];
const open2019 = openStatistics(computed);

const dir = mkdtempSync(path.join(tmpdir(), "jip-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small RFC 4180 reader for checking our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("labels", () => {
  it("every figure and every row of computed and published years has a real label in Japanese and English", () => {
    for (const labels of [ja, en]) {
      for (const report of [...years, open2019]) {
        for (const id of FIGURE_IDS) {
          expect(labels.figureTitle(id)).not.toMatch(/^report\./);
          expect(labels.figureDescription(id)).not.toMatch(/^report\./);
          for (const row of report.figures[id].rows) {
            const label = labels.rowLabel(id, row);
            expect(label, `${labels.locale} ${id} ${row.key}`).not.toMatch(/^(report|jsic)\.|^[a-z_]+:|^$/);
          }
          for (const note of report.figures[id].notes) expect(labels.note(note), note).not.toMatch(/^report\./);
        }
      }
    }
    expect(ja.rowLabel("internsByNationality", { key: "country:VN" })).toBe("ベトナム");
    expect(en.rowLabel("hostsByIndustry", { key: "jsic:D" })).toBe("D Construction");
    expect(ja.rowLabel("hostsByIndustry", { key: "group:service" })).toBe("サービス業");
    expect(ja.fiscalYear(2016)).toBe("2016年度");
    expect(en.fiscalYear(2016)).toBe("FY2016");
  });
});

describe("SVG charts (ECharts server-side rendering)", () => {
  it("draws every figure with an accessible name and the numbers in its description", () => {
    for (const id of FIGURE_IDS) {
      const svg = figureChartSvg(years, id, ja, { idPrefix: `fig-${id}` });
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
      expect(svg).toMatch(new RegExp(`^<svg[^>]* role="img" aria-labelledby="fig-${id}-title fig-${id}-desc">`));
      expect(svg).toContain(`<title id="fig-${id}-title">${ja.figureTitle(id)}`);
      expect(svg).toContain(`<desc id="fig-${id}-desc">`);
      expect(svg).not.toMatch(/<script/i);
      // attribute values never carry a raw double quote (a style="…" broken by a font name)
      expect(svg).not.toMatch(/style="[^"]*"[^ >/]/);
    }
    const applicants = figureChartSvg(years, "applicants", en, { idPrefix: "a" });
    expect(applicants).toContain("FY2016: 9,367");
    expect(applicants).toContain("FY2019: 5,000");
  });

  it("shows suppressed counts as <5 and x, escaped", () => {
    const svg = figureChartSvg([open2019], "internsByNationality", en, { idPrefix: "n" });
    expect(svg).toContain("&lt;5");
    expect(svg).not.toMatch(/>[^<]*<5/);
  });
});

describe("CSV", () => {
  it("has one line per figure row (and per figure with no rows), numbers that match the figures, BOM and CRLF", () => {
    const csv = reportCsv(years, en);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, ...lines] = parseCsv(csv.slice(1));
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    const expected = years.reduce((n, r) => n + FIGURE_IDS.reduce((m, id) => m + Math.max(1, r.figures[id].rows.length), 0), 0);
    expect(lines).toHaveLength(expected);
    const find = (year: number, figure: string, row: string) => lines.find((l) => l[0] === String(year) && l[2] === figure && l[5] === row)!;
    expect(find(2016, "applicants", "total")![7]).toBe("9367");
    expect(find(2016, "internJapaneseLevel", "other")![8]).toBe("28.1");
    expect(find(2016, "internEvaluation", "match_fit")![8]).toBe("85");
    expect(find(2017, "internEnglishLevel", "native")!.slice(7, 9)).toEqual(["", ""]);
    expect(lines.find((l) => l[0] === "2018" && l[2] === "hostsByRegion")![4]).toBe("notPublished");
    const vn = computed.figures.internsByNationality.rows[0]!;
    expect(find(2019, "internsByNationality", vn.key)!.slice(7, 10)).toEqual([
      String(vn.count),
      `${Math.floor(vn.percent!.tenths / 10)}.${vn.percent!.tenths % 10}`,
      String(vn.base!.respondents),
    ]);
  });

  it("open statistics CSV carries the suppression marks instead of the counts", () => {
    const lines = parseCsv(reportCsv([open2019], ja).slice(1)).slice(1);
    const nat = lines.filter((l) => l[2] === "internsByNationality");
    const lt5 = nat.filter((l) => l[11] === "<5");
    expect(lt5.length).toBeGreaterThan(0);
    for (const l of lt5) expect([l[7], l[8]]).toEqual(["", ""]);
    for (const l of nat.filter((x) => x[11] === "")) expect(Number(l[7])).toBeGreaterThanOrEqual(5);
  });

  it("quotes and neutralizes cells", () => {
    expect(csvLine(["a,b", 'say "hi"', "=SUM(A1)", null, 3])).toBe('"a,b","say ""hi""",\'=SUM(A1),,3');
  });
});

describe("XLSX", () => {
  it("has one sheet per figure with the figure's numbers", async () => {
    const buf = await reportXlsx(years, ja, { createdAt: new Date("2026-11-29T00:00:00Z") });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(FIGURE_IDS.map((id) => ja.figureTitle(id).slice(0, 31)));
    const applicants = wb.getWorksheet(ja.figureTitle("applicants"))!;
    expect(applicants.getCell("A1").value).toBe("応募者数");
    expect(applicants.getRow(4).values).toEqual([undefined, "年度", "区分", "数"]);
    expect(applicants.getRow(5).values).toEqual([undefined, 2016, "合計", 9367]);
    const lang = wb.getWorksheet(ja.figureTitle("internJapaneseLevel"))!;
    const other2016 = lang.getRow(7);
    expect([other2016.getCell(1).value, other2016.getCell(2).value, other2016.getCell(4).value, other2016.getCell(4).numFmt]).toEqual([
      2016,
      "その他",
      28.1,
      "0.0",
    ]);
    const evaluation = wb.getWorksheet(ja.figureTitle("internEvaluation"))!;
    expect([evaluation.getRow(5).getCell(4).value, evaluation.getRow(5).getCell(4).numFmt]).toEqual([85, "0"]);
  });

  it("keeps sheet names legal for English titles", async () => {
    const buf = await reportXlsx([open2019], en, { createdAt: new Date(0) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(FIGURE_IDS.length);
    for (const w of wb.worksheets) expect(w.name).toMatch(/^[^\\/?*[\]:]{1,31}$/);
    const nat = wb.getWorksheet(wb.worksheets[2]!.name)!;
    const values = nat.getSheetValues().flat();
    expect(values).toContain("<5");
  });
});

describe("PDF", () => {
  it("embeds a subset of Noto Sans JP, and pdftotext reads the Japanese titles and the numbers", async () => {
    const pdf = await reportPdf(years, ja, { createdAt: new Date("2026-11-29T01:00:00Z"), generatedText: "2026-11-29 10:00 (Asia/Tokyo)" });
    const file = path.join(dir, "report-ja.pdf");
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeLessThan(150_000); // subset: the whole font is 5.5 MB
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/\+NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    for (const id of FIGURE_IDS) expect(text, id).toContain(ja.figureTitle(id));
    for (const s of ["実績報告", "2016年度", "9,367", "12,687", "28.1", "24.0", "ベトナム", "欧州・中米", "非公表", formatCount(5000)])
      expect(text, s).toContain(s);
  });

  it("in English too, with the open statistics' marks", async () => {
    const pdf = await reportPdf([open2019], en, { createdAt: new Date(0), generatedText: "1970-01-01 09:00 (Asia/Tokyo)" });
    const file = path.join(dir, "open-en.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Interns by nationality");
    expect(text).toContain("<5");
  });
});

describe("figure tables", () => {
  it("show the base once per year in a distribution and a line for a year without the figure", () => {
    const t = figureTable(years, "internJapaneseLevel", ja);
    expect(t.columns.map((c) => c.key)).toEqual(["fiscalYear", "category", "count", "percent", "respondents", "unanswered"]);
    expect(t.columns.find((c) => c.key === "respondents")!.label).toBe("回答数");
    const y2018 = t.rows.filter((r) => r.fiscalYear === 2018);
    expect(y2018.map((r) => [r.placeholder, r.label])).toEqual([[true, "非公表"]]);
    const y2019 = t.rows.filter((r) => r.fiscalYear === 2019);
    expect(y2019[0]!.cells[4]).not.toBe("");
    expect(y2019[1]!.cells[4]).toBe("");
    expect(figureTable(years, "hostsBySize", ja).columns.find((c) => c.key === "respondents")!.label).toBe("母数");
  });
});
