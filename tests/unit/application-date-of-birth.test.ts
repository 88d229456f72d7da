import { describe, expect, it } from "vitest";
import { readForm } from "#app/lib/request.server.ts";
import { STEP_FIELDS, multiValuedFields, stepInput } from "#src/services/applications/application-steps.ts";

/** The personal step's date of birth: three boxes in the form, one ISO date saved. */
const schema = STEP_FIELDS.personal.find((f) => f.name === "dateOfBirth")!.schema;

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
}

function read(entries: Record<string, string>): unknown {
  return stepInput("personal", readForm(form(entries), { multi: multiValuedFields("personal") })).dateOfBirth;
}

function outcome(raw: unknown): string {
  const r = schema.safeParse(raw);
  return r.success ? String(r.data) : r.error.issues[0]!.message;
}

describe("date of birth from the three boxes", () => {
  it("joins day, month and year into the saved ISO date", () => {
    expect(outcome(read({ "dateOfBirth.day": "14", "dateOfBirth.month": "5", "dateOfBirth.year": "1996" }))).toBe("1996-05-14");
  });

  it("a keyboard user's 14051996 in the day box is an error, never 1996-12-05", () => {
    expect(outcome(read({ "dateOfBirth.day": "14051996", "dateOfBirth.month": "", "dateOfBirth.year": "" }))).toBe("errors.dateSeparateBoxes");
  });

  it("three empty boxes are a blank answer (saved as empty, reported as required)", () => {
    expect(read({ "dateOfBirth.day": " ", "dateOfBirth.month": "", "dateOfBirth.year": "" })).toBe("");
    expect(outcome("")).toBe("errors.required");
  });

  it("says what is wrong: a missing box, a date that does not exist, a date out of range", () => {
    expect(outcome(read({ "dateOfBirth.day": "14", "dateOfBirth.month": "", "dateOfBirth.year": "1996" }))).toBe("errors.dateMissingMonth");
    expect(outcome(read({ "dateOfBirth.day": "30", "dateOfBirth.month": "2", "dateOfBirth.year": "1999" }))).toBe("errors.dateNotReal");
    expect(outcome(read({ "dateOfBirth.day": "1", "dateOfBirth.month": "1", "dateOfBirth.year": "1900" }))).toBe("errors.dateOfBirth");
    expect(outcome(read({ "dateOfBirth.day": "1", "dateOfBirth.month": "1", "dateOfBirth.year": "99" }))).toBe("errors.dateYearDigits");
  });

  it("still takes one YYYY-MM-DD value (API, tests, older pages)", () => {
    expect(read({ dateOfBirth: "1999-04-12" })).toBe("1999-04-12");
    expect(outcome("1999-04-12")).toBe("1999-04-12");
    expect(outcome("1999-02-30")).toBe("errors.dateNotReal");
    expect(outcome("12/04/1999")).toBe("errors.date");
    expect(outcome("2021-01-01")).toBe("errors.dateOfBirth");
  });
});
