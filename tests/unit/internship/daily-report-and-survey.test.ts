/** Which days a daily report may be written for, and the evaluation surveys' fixed codes (issue 16). */
import { describe, expect, it } from "vitest";
import { reportDayIssue } from "#src/domain/internship/daily-report.ts";
import { SURVEY_QUESTIONS } from "#src/domain/internship/survey.ts";
import { ENGLISH_LEVELS, JAPANESE_LEVELS } from "#src/domain/report/types.ts";

const placement = { startsOn: "2027-10-01", endsOn: "2027-12-24" };

describe("reportDayIssue", () => {
  it("takes a day of the placement up to today (Japan time), first and last days included", () => {
    expect(reportDayIssue("2027-10-01", placement, "2027-10-01")).toBeNull();
    expect(reportDayIssue("2027-12-24", placement, "2028-01-10")).toBeNull();
  });

  it("refuses a day before the first or after the last day, and a date that does not exist", () => {
    expect(reportDayIssue("2027-09-30", placement, "2027-10-20")).toEqual({ code: "outside_placement", startsOn: "2027-10-01", endsOn: "2027-12-24" });
    expect(reportDayIssue("2027-12-25", placement, "2028-01-10")).toMatchObject({ code: "outside_placement" });
    expect(reportDayIssue("2027-11-31", placement, "2028-01-10")).toMatchObject({ code: "outside_placement" });
  });

  it("refuses a day after today", () => {
    expect(reportDayIssue("2027-10-21", placement, "2027-10-20")).toEqual({ code: "future_day", today: "2027-10-20" });
  });
});

describe("SURVEY_QUESTIONS", () => {
  it("asks both sides the codes the yearly report reads; the host also rates Japanese and English", () => {
    expect(SURVEY_QUESTIONS.intern.map((q) => q.code)).toEqual(["match_fit", "overall_satisfaction"]);
    expect(SURVEY_QUESTIONS.host.map((q) => q.code)).toEqual(["match_fit", "overall_satisfaction", "intern_japanese_level", "intern_english_level"]);
    expect(SURVEY_QUESTIONS.host[2]!.answers).toEqual(JAPANESE_LEVELS);
    expect(SURVEY_QUESTIONS.host[3]!.answers).toEqual(ENGLISH_LEVELS);
  });
});
