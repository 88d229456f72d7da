/**
 * The published FY2016–2018 tables (the paper's Figures 1–4) are reproduced
 * cell by cell from the shipped aggregates: once against the data tables and
 * once against the paper's printed text (formatting included: "9,367", "24.0",
 * "85", "-").
 */
import { describe, expect, it } from "vitest";
import {
  FIGURE_IDS,
  canonicalPublishedInput,
  formatCount,
  formatOpenCount,
  formatPercent,
  openStatistics,
  publishedYears,
  yearReportFromPublished,
  type FigureId,
  type FigureRow,
  type YearReport,
} from "#src/domain/report/index.ts";
import { PUBLISHED_AGGREGATES } from "#src/report/data.ts";
import published from "#src/db/reference/published-aggregates-fy2016-2018.json" with { type: "json" };

type Field = "count" | "percent";
/** Each published column and the figure cell that must hold it — written out here, independently of the module's mapping. */
const CELLS: Record<string, Record<string, [FigureId, string, Field]>> = {
  interns: {
    applicants: ["applicants", "total", "count"],
    interns: ["interns", "total", "count"],
    vietnamese: ["internsByNationality", "country:VN", "count"],
    chinese: ["internsByNationality", "country:CN", "count"],
    indonesian: ["internsByNationality", "country:ID", "count"],
    thai: ["internsByNationality", "country:TH", "count"],
    matchPct: ["internEvaluation", "match_fit", "percent"],
    satisfactionPct: ["internEvaluation", "overall_satisfaction", "percent"],
  },
  internLanguages: {
    jaBusinessPct: ["internJapaneseLevel", "business", "percent"],
    jaDailyPct: ["internJapaneseLevel", "daily", "percent"],
    jaOtherPct: ["internJapaneseLevel", "other", "percent"],
    enNativePct: ["internEnglishLevel", "native", "percent"],
    enBusinessPct: ["internEnglishLevel", "business", "percent"],
    enDailyPct: ["internEnglishLevel", "daily", "percent"],
    enOtherPct: ["internEnglishLevel", "other", "percent"],
  },
  hosts: {
    applicantCompanies: ["hostApplicants", "total", "count"],
    hostCompanies: ["hosts", "total", "count"],
    service: ["hostsByIndustry", "group:service", "count"],
    wholesaleRetail: ["hostsByIndustry", "group:wholesale_retail", "count"],
    manufacturing: ["hostsByIndustry", "group:manufacturing", "count"],
    matchPct: ["hostEvaluation", "match_fit", "percent"],
    satisfactionPct: ["hostEvaluation", "overall_satisfaction", "percent"],
  },
  hostScale: {
    upTo9Pct: ["hostsBySize", "le9", "percent"],
    "10to99Pct": ["hostsBySize", "10to99", "percent"],
    "100to499Pct": ["hostsBySize", "100to499", "percent"],
    "500to1000Pct": ["hostsBySize", "500to1000", "percent"],
    over1000Pct: ["hostsBySize", "gt1000", "percent"],
    overseasOngoingPct: ["hostsByOverseasStatus", "ongoing", "percent"],
    overseasPlannedPct: ["hostsByOverseasStatus", "planned", "percent"],
    overseasNotPlannedPct: ["hostsByOverseasStatus", "not_planned", "percent"],
  },
};

function cell(report: YearReport, [figure, key]: [FigureId, string, Field]): FigureRow | undefined {
  return report.figures[figure].rows.find((r) => r.key === key);
}

const reports = new Map(publishedYears(PUBLISHED_AGGREGATES).map((y) => [y, yearReportFromPublished(PUBLISHED_AGGREGATES, y)]));

describe("published FY2016–2018 aggregates", () => {
  it("has the three published years", () => {
    expect([...reports.keys()]).toEqual([2016, 2017, 2018]);
  });

  for (const [table, columns] of Object.entries(CELLS)) {
    it(`reproduces every cell of the "${table}" table`, () => {
      const t = (published as unknown as Record<string, { columns: string[]; rows: (number | null)[][] }>)[table]!;
      let checked = 0;
      for (const dataRow of t.rows) {
        const report = reports.get(dataRow[0]!)!;
        t.columns.slice(1).forEach((column, c) => {
          const value = dataRow[c + 1]!;
          const target = columns[column];
          expect(target, `${table}.${column} is mapped`).toBeDefined();
          const r = cell(report, target!);
          expect(r, `FY${dataRow[0]} ${column}`).toBeDefined();
          if (target![2] === "count") expect(r!.count, `FY${dataRow[0]} ${column}`).toBe(value);
          else expect(r!.percent === null ? null : r!.percent.tenths / 10, `FY${dataRow[0]} ${column}`).toBe(value);
          checked++;
        });
      }
      expect(checked).toBe(t.rows.length * (t.columns.length - 1));
    });
  }

  it("reproduces the paper's printed tables character for character", () => {
    const fmt = (r: FigureRow | undefined, field: Field) => {
      if (!r) return "(missing)";
      if (field === "count") return r.count === null ? "-" : formatCount(r.count);
      return r.percent === null ? "-" : formatPercent(r.percent);
    };
    const figures: [string, string, string[]][] = [
      ["figure1", "interns", ["applicants", "interns", "vietnamese", "chinese", "indonesian", "thai", "matchPct", "satisfactionPct"]],
      ["figure2", "internLanguages", ["jaBusinessPct", "jaDailyPct", "jaOtherPct", "enNativePct", "enBusinessPct", "enDailyPct", "enOtherPct"]],
      ["figure3", "hosts", ["applicantCompanies", "hostCompanies", "service", "wholesaleRetail", "manufacturing", "matchPct", "satisfactionPct"]],
      [
        "figure4",
        "hostScale",
        ["upTo9Pct", "10to99Pct", "100to499Pct", "500to1000Pct", "over1000Pct", "overseasOngoingPct", "overseasPlannedPct", "overseasNotPlannedPct"],
      ],
    ];
    let cells = 0;
    for (const [figure, table, columns] of figures) {
      const printed = (published.paperText as Record<string, string[]>)[figure]!.filter((line) => /^\d{4}\t/.test(line));
      expect(printed.length, figure).toBeGreaterThan(0);
      for (const line of printed) {
        const [year, ...texts] = line.split("\t");
        const report = reports.get(Number(year))!;
        const ours = columns.map((c) => fmt(cell(report, CELLS[table]![c]!), CELLS[table]![c]![2]));
        expect(ours, `${figure} FY${year}`).toEqual(texts);
        cells += texts.length;
      }
    }
    expect(cells).toBe(3 * 8 + 2 * 7 + 3 * 7 + 3 * 8);
  });

  it("gives the interns outside the top four: the ones the paper places by region, and the rest", () => {
    const other = (y: number) =>
      reports
        .get(y)!
        .figures.internsByNationality.rows.filter((r) => r.key.startsWith("published:"))
        .map((r) => [r.key, r.count, r.label?.en ?? null, r.derived ?? false]);
    expect(other(2016)).toEqual([
      ["published:otherRegions", 3, "Europe and Central America", false],
      ["published:otherNotBrokenDown", 103 - 78 - 3, null, true],
    ]);
    expect(other(2017)).toEqual([
      ["published:otherRegions", 4, "Africa", false],
      ["published:otherNotBrokenDown", 120 - 89 - 4, null, true],
    ]);
    expect(other(2018)).toEqual([
      ["published:otherRegions", 23, "Europe, Africa and South America", false],
      ["published:otherNotBrokenDown", 225 - 157 - 23, null, true],
    ]);
    for (const r of reports.values()) {
      expect(r.figures.internsByNationality.rows.reduce((s, x) => s + x.count!, 0)).toBe(r.figures.interns.rows[0]!.count);
    }
  });

  it("says what was not published", () => {
    const y2018 = reports.get(2018)!;
    expect(y2018.figures.internJapaneseLevel.status).toBe("notPublished");
    expect(y2018.figures.internJapaneseLevel.notes).toContain("report.notes.differentScale");
    expect(reports.get(2017)!.figures.internEnglishLevel.status).toBe("partial");
    for (const r of reports.values()) {
      expect(r.figures.hostsByRegion.status).toBe("notPublished");
      expect(r.figures.hostsByIndustry.status).toBe("partial");
      expect(r.source).toBe("published");
      for (const id of FIGURE_IDS) for (const row of r.figures[id].rows) expect(row.ids).toEqual([]);
    }
  });

  it("open statistics suppress the small 'other regions' counts and protect them from the total", () => {
    const open = openStatistics(reports.get(2017)!);
    const rows = open.figures.internsByNationality.rows.map((r) => [r.key, formatOpenCount(r)]);
    // Africa's 4 is "<5"; without a second suppressed cell it would be 120 − 33 − 22 − 19 − 15 − 27; the smallest other (TH 15) is "x"
    expect(rows).toEqual([
      ["country:CN", "22"],
      ["country:ID", "19"],
      ["country:TH", "x"],
      ["country:VN", "33"],
      ["published:otherRegions", "<5"],
      ["published:otherNotBrokenDown", "27"],
    ]);
    expect(openStatistics(reports.get(2018)!).figures.internsByNationality.rows.every((r) => r.suppressed === null)).toBe(true);
  });

  it("has a different inputs hash source for each year", () => {
    const inputs = [...reports.keys()].map((y) => canonicalPublishedInput(PUBLISHED_AGGREGATES, y));
    expect(new Set(inputs).size).toBe(3);
    expect(inputs[0]).toContain('"fiscalYear":2016');
  });
});
