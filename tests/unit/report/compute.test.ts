import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIGURE_IDS,
  ReportInputError,
  canonicalRecordsInput,
  computeYearReport,
  formatPercent,
  serializeReport,
  type FigureRow,
  type HostApplicationRecord,
  type ReportRecords,
  type YearReport,
} from "#src/domain/report/index.ts";
import { defaultReportConfig } from "#src/report/data.ts";
import { generateYear } from "../../../bench/report/generate.ts";
import { referenceReport } from "../../../bench/report/reference.ts";

const config = defaultReportConfig();

const row = (report: YearReport, figure: (typeof FIGURE_IDS)[number], key: string): FigureRow => {
  const r = report.figures[figure].rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${figure}`);
  return r;
};
const pct = (r: FigureRow) => (r.percent ? formatPercent(r.percent) : null);

/** A small year worked out by hand. */
function handYear(): ReportRecords {
  const applicants = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `a-vn-${i}`, nationality: "VN", finalStatus: "completed" as const })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `a-th-${i}`, nationality: "TH", finalStatus: "completed" as const })),
    { id: "a-ke-0", nationality: "KE", finalStatus: "completed" as const },
    { id: "a-br-0", nationality: "BR", finalStatus: "completed" as const },
    { id: "a-cn-0", nationality: "CN", finalStatus: "completed" as const },
    { id: "a-null", nationality: null, finalStatus: "completed" as const },
    { id: "a-rejected", nationality: "VN", finalStatus: "rejected" as const },
    { id: "a-withdrawn", nationality: "ID", finalStatus: "withdrawn" as const },
  ];
  const host = (
    id: string,
    jsic: string,
    employees: number | null,
    overseas: HostApplicationRecord["overseasStatus"],
    pref: string | null,
  ): HostApplicationRecord => ({
    id,
    finalStatus: "accepted",
    jsicDivision: jsic,
    employees,
    overseasStatus: overseas,
    prefectureCode: pref,
  });
  const hostApplications: HostApplicationRecord[] = [
    host("h1", "R", 5, "ongoing", "13"), // service, ≤9, Tokyo (Kanto)
    host("h2", "I", 9, "planned", "27"), // wholesale/retail, ≤9, Osaka (Kinki)
    host("h3", "E", 10, "ongoing", "23"), // manufacturing, 10–99, Aichi (Chubu)
    host("h4", "D", 1000, null, "01"), // construction (own row), 500–1000, Hokkaido
    host("h5", "G", null, "not_planned", null), // G, size unknown, region given directly
    { ...host("h6", "E", 2000, "ongoing", "47"), finalStatus: "declined" }, // host applicant only
  ];
  hostApplications[4]!.region = "kyushu_okinawa";
  const interns = [
    ...applicants.filter((a) => a.finalStatus === "completed").map((a, i) => ({ id: `p-${a.id}`, applicantId: a.id, hostApplicationId: `h${(i % 5) + 1}` })),
  ];
  return {
    fiscalYear: 2027,
    applicants,
    interns,
    hostApplications,
    internSurveyResponses: [
      { id: "is1", internId: "p-a-vn-0", answers: { match_fit: "yes", overall_satisfaction: "satisfied" } },
      { id: "is2", internId: "p-a-vn-1", answers: { match_fit: "yes", overall_satisfaction: "not_satisfied" } },
      { id: "is3", internId: "p-a-vn-2", answers: { match_fit: "no", overall_satisfaction: null } },
      { id: "is4", internId: "p-a-th-0", answers: { overall_satisfaction: "satisfied" } },
    ],
    hostSurveyResponses: [
      {
        id: "hs1",
        internId: "p-a-vn-0",
        answers: { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "business", intern_english_level: "native" },
      },
      {
        id: "hs2",
        internId: "p-a-vn-1",
        answers: { match_fit: "yes", overall_satisfaction: "satisfied", intern_japanese_level: "daily", intern_english_level: "business" },
      },
      { id: "hs3", internId: "p-a-th-0", answers: { match_fit: "yes", intern_japanese_level: "daily", intern_english_level: null } },
    ],
  };
}

describe("computeYearReport on a year worked out by hand", () => {
  const report = computeYearReport(handYear(), config);

  it("counts applicants, interns, host applicants and hosts with the records behind them", () => {
    expect(row(report, "applicants", "total").count).toBe(17);
    expect(row(report, "interns", "total").count).toBe(15);
    expect(row(report, "hostApplicants", "total").ids).toEqual(["h1", "h2", "h3", "h4", "h5", "h6"]);
    expect(row(report, "hosts", "total").ids).toEqual(["h1", "h2", "h3", "h4", "h5"]);
  });

  it("names the top nationalities with at least 5 interns and groups the rest by world region", () => {
    const f = report.figures.internsByNationality;
    expect(f.rows.slice(0, 3).map((r) => r.key)).toEqual(["country:VN", "country:TH", "worldRegion:east_asia"]);
    expect(row(report, "internsByNationality", "country:VN").count).toBe(6);
    expect(row(report, "internsByNationality", "country:TH").count).toBe(5);
    // CN (1) is in the top four but under 5: grouped with East Asia
    expect(row(report, "internsByNationality", "worldRegion:east_asia").ids).toEqual(["p-a-cn-0"]);
    expect(row(report, "internsByNationality", "worldRegion:africa").ids).toEqual(["p-a-ke-0"]);
    expect(row(report, "internsByNationality", "worldRegion:south_america").count).toBe(1);
    expect(row(report, "internsByNationality", "worldRegion:southeast_asia").count).toBe(0);
    // nationality unknown: not answered, outside the percentages
    const base = row(report, "internsByNationality", "country:VN").base!;
    expect([base.respondents, base.unanswered, base.unansweredIds]).toEqual([14, 1, ["p-a-null"]]);
    expect(pct(row(report, "internsByNationality", "country:VN"))).toBe("42.9"); // 6/14
    expect(f.rows.reduce((s, r) => s + r.count!, 0)).toBe(14);
  });

  it("rates are of those who answered that question", () => {
    const match = row(report, "internEvaluation", "match_fit");
    expect([match.count, match.base!.respondents, match.base!.unanswered, pct(match)]).toEqual([2, 3, 1, "66.7"]);
    expect(match.ids).toEqual(["is1", "is2"]);
    expect(match.base!.unansweredIds).toEqual(["is4"]);
    const sat = row(report, "internEvaluation", "overall_satisfaction");
    expect([sat.count, sat.base!.respondents, sat.base!.unanswered, pct(sat)]).toEqual([2, 3, 1, "66.7"]);
    const hostMatch = row(report, "hostEvaluation", "match_fit");
    expect([hostMatch.count, hostMatch.base!.respondents, pct(hostMatch)]).toEqual([3, 3, "100.0"]);
    const hostSat = row(report, "hostEvaluation", "overall_satisfaction");
    expect([hostSat.count, hostSat.base!.respondents, hostSat.base!.unanswered]).toEqual([2, 2, 1]);
  });

  it("language levels are of the host evaluations that gave one", () => {
    expect(report.figures.internJapaneseLevel.rows.map((r) => [r.key, r.count, pct(r)])).toEqual([
      ["business", 1, "33.3"],
      ["daily", 2, "66.7"],
      ["other", 0, "0.0"],
    ]);
    expect(report.figures.internEnglishLevel.rows.map((r) => [r.key, r.count])).toEqual([
      ["native", 1],
      ["business", 1],
      ["daily", 0],
      ["other", 0],
    ]);
    expect(row(report, "internEnglishLevel", "native").base!.unansweredIds).toEqual(["hs3"]);
  });

  it("hosts by industry, size, overseas status and region use the application's attributes", () => {
    const industry = report.figures.hostsByIndustry.rows;
    expect(industry.slice(0, 3).map((r) => [r.key, r.count])).toEqual([
      ["group:service", 1],
      ["group:wholesale_retail", 1],
      ["group:manufacturing", 1],
    ]);
    expect(industry.map((r) => r.key)).toContain("jsic:A");
    expect(industry.map((r) => r.key)).not.toContain("jsic:E"); // E is in manufacturing
    expect(industry).toHaveLength(3 + 17);
    expect(row(report, "hostsByIndustry", "jsic:D").ids).toEqual(["h4"]);
    expect(report.figures.hostsBySize.rows.map((r) => [r.key, r.count])).toEqual([
      ["le9", 2],
      ["10to99", 1],
      ["100to499", 0],
      ["500to1000", 1],
      ["gt1000", 0],
    ]);
    expect(row(report, "hostsBySize", "le9").base!.unansweredIds).toEqual(["h5"]);
    expect(pct(row(report, "hostsBySize", "le9"))).toBe("50.0");
    expect(report.figures.hostsByOverseasStatus.rows.map((r) => [r.key, r.count, pct(r)])).toEqual([
      ["ongoing", 2, "50.0"],
      ["planned", 1, "25.0"],
      ["not_planned", 1, "25.0"],
    ]);
    expect(report.figures.hostsByRegion.rows.map((r) => r.key)).toEqual([
      "hokkaido",
      "tohoku",
      "kanto",
      "chubu",
      "kinki",
      "chugoku",
      "shikoku",
      "kyushu_okinawa",
    ]);
    expect(row(report, "hostsByRegion", "kyushu_okinawa").ids).toEqual(["h5"]);
    expect(row(report, "hostsByRegion", "kanto").ids).toEqual(["h1"]);
  });

  it("every figure is there, complete, from records", () => {
    expect(Object.keys(report.figures).sort()).toEqual([...FIGURE_IDS].sort());
    for (const id of FIGURE_IDS) expect(report.figures[id].status).toBe("complete");
    expect(report.source).toBe("records");
  });
});

describe("records that do not hold together are refused with every problem", () => {
  const problemsOf = (records: ReportRecords) => {
    try {
      computeYearReport(records, config);
    } catch (e) {
      if (e instanceof ReportInputError) return e.problems.map((p) => `${p.list}[${p.index}].${p.field}:${p.code}`);
      throw e;
    }
    return [];
  };

  it("lists duplicates, unknown references, bad codes and unmapped countries", () => {
    const y = handYear();
    const bad: ReportRecords = {
      ...y,
      applicants: [
        ...y.applicants,
        { id: "a-vn-0", nationality: "VN", finalStatus: "completed" },
        { id: "a-x", nationality: "AQ", finalStatus: "draft" as never },
      ],
      interns: [...y.interns, { id: "p-x", applicantId: "nobody", hostApplicationId: "h1" }, { id: "p-y", applicantId: "a-vn-0", hostApplicationId: "h9" }],
      hostApplications: [
        ...y.hostApplications,
        { id: "h7", finalStatus: "accepted", jsicDivision: "Z", employees: -1, overseasStatus: "maybe" as never, prefectureCode: "48" },
      ],
      internSurveyResponses: [...y.internSurveyResponses, { id: "is5", internId: "p-a-vn-0", answers: { match_fit: "perhaps" as never } }],
      hostSurveyResponses: [
        ...y.hostSurveyResponses,
        { id: "hs4", internId: "ghost", answers: { intern_japanese_level: "N1" as never, favourite_colour: "red" } as never },
      ],
    };
    expect(problemsOf(bad)).toEqual([
      "applicants[17].id:duplicate_id",
      "applicants[18].finalStatus:invalid_value",
      "applicants[18].nationality:unmapped_country",
      "hostApplications[6].jsicDivision:invalid_value",
      "hostApplications[6].employees:invalid_value",
      "hostApplications[6].overseasStatus:invalid_value",
      "hostApplications[6].prefectureCode:invalid_value",
      "interns[15].applicantId:unknown_reference",
      "interns[16].applicantId:duplicate_for_person",
      "interns[16].hostApplicationId:unknown_reference",
      "internSurveyResponses[4].internId:duplicate_for_person",
      "internSurveyResponses[4].answers.match_fit:invalid_value",
      "hostSurveyResponses[3].internId:unknown_reference",
      "hostSurveyResponses[3].answers.intern_japanese_level:invalid_value",
      "hostSurveyResponses[3].answers.favourite_colour:invalid_value",
    ]);
  });

  it("needs a prefecture or a region, and they must agree", () => {
    const y = handYear();
    y.hostApplications[0]!.region = "kinki"; // Tokyo is in Kanto
    y.hostApplications[4]!.region = null; // no prefecture either
    expect(problemsOf(y)).toEqual(["hostApplications[0].region:invalid_value", "hostApplications[4].prefectureCode:invalid_value"]);
  });

  it("keeps at most 200 problems but counts them all", () => {
    const y = handYear();
    const many = {
      ...y,
      applicants: [...y.applicants, ...Array.from({ length: 500 }, (_, i) => ({ id: `z${i}`, nationality: "XX", finalStatus: "submitted" as const }))],
    };
    try {
      computeYearReport(many, config);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReportInputError);
      expect((e as ReportInputError).problems).toHaveLength(200);
      expect((e as ReportInputError).total).toBe(500);
    }
  });

  it("refuses a grouping with a division in two groups", () => {
    const bad = { ...config, industryGroups: [...config.industryGroups, { code: "both", nameJa: "両方", nameEn: "Both", divisions: ["R"] }] };
    expect(() => computeYearReport(handYear(), bad)).toThrow(/JSIC division "R" is in two industry groups/);
  });
});

describe("computeYearReport against an independent plain implementation", () => {
  const compare = (records: ReportRecords) => {
    const report = computeYearReport(records, config);
    const ref = referenceReport(records, config);
    for (const [figure, cells] of Object.entries(ref)) {
      const f = report.figures[figure as (typeof FIGURE_IDS)[number]];
      expect(f.rows.map((r) => r.key).sort(), figure).toEqual(Object.keys(cells).sort());
      for (const r of f.rows) {
        const c = cells[r.key]!;
        expect(r.count, `${figure} ${r.key}`).toBe(c.count);
        expect(r.ids.length, `${figure} ${r.key} ids`).toBe(c.count);
        if (f.kind !== "count") {
          expect(r.base!.respondents, `${figure} ${r.key} respondents`).toBe(c.respondents);
          expect(r.percent?.tenths ?? null, `${figure} ${r.key} percent`).toBe(c.tenths);
        }
      }
    }
    return report;
  };

  it("agrees on a synthetic year of 20,000 applicants", () => {
    const report = compare(generateYear({ applicants: 20_000, hostApplicants: 500, interns: 400, seed: 7 }));
    expect(report.figures.internsByNationality.rows.filter((r) => r.key.startsWith("country:"))).toHaveLength(4);
  });

  it("places interns even when a small random year draws no accepted host (seed 679194 once crashed the generator)", () => {
    const records = generateYear({ applicants: 68, hostApplicants: 6, interns: 28, seed: 679194 });
    expect(records.interns).toHaveLength(28);
    compare(records);
  });

  it("agrees on random small years, and ids are sorted, distinct and from the right list", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), (seed, interns, hosts) => {
        const records = generateYear({ applicants: interns + 40, hostApplicants: hosts + 5, interns, seed });
        const report = compare(records);
        const lists = {
          applicant: new Set(records.applicants.map((x) => x.id)),
          intern: new Set(records.interns.map((x) => x.id)),
          hostApplication: new Set(records.hostApplications.map((x) => x.id)),
          internSurveyResponse: new Set(records.internSurveyResponses.map((x) => x.id)),
          hostSurveyResponse: new Set(records.hostSurveyResponses.map((x) => x.id)),
        };
        for (const f of Object.values(report.figures)) {
          for (const r of f.rows) {
            expect([...r.ids].sort()).toEqual(r.ids);
            expect(new Set(r.ids).size).toBe(r.ids.length);
            for (const id of r.ids) expect(lists[f.recordKind].has(id)).toBe(true);
          }
          if (f.kind === "distribution") {
            const base = f.rows[0]!.base!;
            expect(f.rows.reduce((s, r) => s + r.count!, 0)).toBe(base.respondents);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("does not depend on the order the records come in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const records = generateYear({ applicants: 300, hostApplicants: 30, interns: 40, seed });
        const reversed: ReportRecords = {
          ...records,
          applicants: [...records.applicants].reverse(),
          interns: [...records.interns].reverse(),
          hostApplications: [...records.hostApplications].reverse(),
          internSurveyResponses: [...records.internSurveyResponses].reverse(),
          hostSurveyResponses: [...records.hostSurveyResponses].reverse(),
        };
        expect(serializeReport(computeYearReport(reversed, config))).toBe(serializeReport(computeYearReport(records, config)));
        expect(canonicalRecordsInput(reversed, config)).toBe(canonicalRecordsInput(records, config));
      }),
      { numRuns: 25 },
    );
  });
});
