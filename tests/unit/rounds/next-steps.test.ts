import { describe, expect, it } from "vitest";
import { nextStepFor } from "#src/domain/next-steps.ts";
import { translator } from "#src/i18n/translator.ts";
import { LOCALES } from "#src/i18n/locales.ts";

describe("what happens next", () => {
  const screeningEnd = new Date("2027-06-30T08:00:00Z");
  const deadlines = { screening_end: screeningEnd, selection_announce: new Date("2027-07-31T08:00:00Z") };

  it.each([
    ["submitted", "screening", screeningEnd],
    ["under_review", "screening", screeningEnd],
    ["interview", "selection", deadlines.selection_announce],
    ["selected", "matching", null],
    ["waitlisted", "waitlist", null],
    ["matched", "internship_start", null],
    ["placed", "internship_end", null],
  ] as const)("%s → %s", (status, code, at) => {
    expect(nextStepFor(status, deadlines)).toEqual({ code, at });
  });

  it.each(["draft", "withdrawn", "rejected", "completed", "anonymized"])("%s → nothing more", (status) => {
    expect(nextStepFor(status, deadlines)).toBeNull();
  });

  it.each(LOCALES)("%s: each step reads with and without a date", (locale) => {
    const t = translator(locale);
    for (const code of ["screening", "selection", "matching", "waitlist", "internship_start", "internship_end"]) {
      const dated = t(`nextSteps.${code}`, { dated: "yes", at: "DATE" });
      const undated = t(`nextSteps.${code}`, { dated: "no", at: "" });
      expect(dated).toContain("DATE");
      expect(undated).not.toContain("{");
      expect(undated).not.toBe(dated);
    }
  });
});
