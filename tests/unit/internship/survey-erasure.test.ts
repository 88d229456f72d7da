import { describe, expect, it } from "vitest";
import { codedSurveyAnswers } from "#src/domain/internship/survey.ts";

describe("codedSurveyAnswers (what of a survey response outlives erasure, ADR 0041)", () => {
  it("keeps the answers to the fixed questions, each one of its codes; drops the comment and anything else", () => {
    expect(codedSurveyAnswers("intern", { match_fit: "yes", overall_satisfaction: "satisfied", comment: "Thanks, Tanaka-san" })).toEqual({
      match_fit: "yes",
      overall_satisfaction: "satisfied",
    });
    expect(
      codedSurveyAnswers("host", { match_fit: "no", intern_japanese_level: "daily", intern_english_level: "Somchai speaks well", extra: "x", comment: null }),
    ).toEqual({ match_fit: "no", intern_japanese_level: "daily" });
    // The host's questions are not the intern's: a host-only code in an intern's response goes.
    expect(codedSurveyAnswers("intern", { intern_japanese_level: "daily" })).toEqual({});
    expect(codedSurveyAnswers("intern", null)).toEqual({});
    expect(codedSurveyAnswers("intern", "not an object")).toEqual({});
  });
});
