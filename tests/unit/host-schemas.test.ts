import { describe, expect, it } from "vitest";
import { ValidationError } from "#src/services/errors.ts";
import { decisionSchema, hostListFilterSchema, organizationSchema, positionSchema } from "#src/services/hosts/host-schemas.ts";
import { parseInput } from "#src/services/validation.ts";

const ORG = {
  corporateNumber: "7000012050002",
  legalForm: "株式会社",
  kind: "sme",
  nameJa: "テスト株式会社",
  nameEn: "Test Co.",
  prefectureCode: "13",
  addressJa: "千代田区",
  jsicDivision: "E",
  employees: "9",
  overseasStatus: "not_planned",
  workLanguages: ["ja"],
};

function errorsOf(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, v.map((e) => e.key)]));
  }
  throw new Error("expected a validation error");
}

describe("organization input", () => {
  it("accepts a minimal organization and normalizes numbers, codes and lists", () => {
    const out = parseInput(organizationSchema, {
      ...ORG,
      corporateNumber: "7-0000-1205-0002",
      employees: "1,200",
      capitalYen: "３",
      overseasCountries: "vn、th vn",
      workLanguages: "en",
    });
    expect(out).toMatchObject({
      corporateNumber: "7000012050002",
      employees: 1200,
      overseasCountries: ["VN", "TH"],
      workLanguages: ["en"],
      website: null,
      postalCode: null,
    });
  });

  it("names the rule a corporate number breaks", () => {
    expect(errorsOf(organizationSchema, { ...ORG, corporateNumber: "7000012050003" })).toEqual({
      corporateNumber: ["hostForm.errors.corporateNumber.checkDigit"],
    });
    expect(errorsOf(organizationSchema, { ...ORG, corporateNumber: "70000120500" })).toEqual({ corporateNumber: ["hostForm.errors.corporateNumber.length"] });
    expect(errorsOf(organizationSchema, { ...ORG, corporateNumber: "7000O12050002" })).toEqual({ corporateNumber: ["hostForm.errors.corporateNumber.digits"] });
    expect(errorsOf(organizationSchema, { ...ORG, corporateNumber: "" })).toEqual({ corporateNumber: ["errors.required"] });
  });

  it("refuses employee counts that are not whole numbers, markup in text, and missing choices", () => {
    expect(errorsOf(organizationSchema, { ...ORG, employees: "9.5" }).employees).toEqual(["errors.wholeNumber"]);
    expect(errorsOf(organizationSchema, { ...ORG, employees: "ten" }).employees).toEqual(["errors.wholeNumber"]);
    expect(errorsOf(organizationSchema, { ...ORG, employees: "" }).employees).toEqual(["errors.required"]);
    expect(errorsOf(organizationSchema, { ...ORG, nameEn: "<img src=x onerror=alert(1)>" }).nameEn).toEqual(["hostForm.errors.html"]);
    expect(errorsOf(organizationSchema, { ...ORG, kind: "" }).kind).toEqual(["errors.required"]);
    expect(errorsOf(organizationSchema, { ...ORG, prefectureCode: "00" }).prefectureCode).toEqual(["hostForm.errors.prefecture"]);
  });
});

describe("position input", () => {
  const P = { title: "Engineer", description: "Kaizen", prefectureCode: "47", capacity: "1", language: "english" };
  it("accepts capacity 1 and Okinawa, refuses capacity 0, fractions and places outside Japan's prefectures", () => {
    expect(parseInput(positionSchema, P)).toMatchObject({ capacity: 1, prefectureCode: "47", fields: [], department: null });
    expect(errorsOf(positionSchema, { ...P, capacity: "0" }).capacity).toEqual(["hostApplication.errors.capacity"]);
    expect(errorsOf(positionSchema, { ...P, capacity: "-2" }).capacity).toEqual(["hostApplication.errors.capacity"]);
    expect(errorsOf(positionSchema, { ...P, capacity: "1.5" }).capacity).toEqual(["errors.wholeNumber"]);
    expect(errorsOf(positionSchema, { ...P, prefectureCode: "48" }).prefectureCode).toEqual(["hostForm.errors.prefecture"]);
    expect(errorsOf(positionSchema, { ...P, language: "N6" }).language).toEqual(["errors.required"]);
    expect(errorsOf(positionSchema, { ...P, periodStart: "2027-02-30" }).periodStart).toEqual(["errors.date"]);
  });
});

describe("screening input", () => {
  it("a decision needs one of the three outcomes and a reason", () => {
    expect(errorsOf(decisionSchema, { decision: "maybe", reason: "" })).toEqual({ decision: ["errors.required"], reason: ["errors.required"] });
  });
  it("unknown filter values are dropped, not errors", () => {
    expect(hostListFilterSchema.parse({ region: "atlantis", sizeClass: "le9", kind: "x", jsic: "Z1" })).toEqual({
      sizeClass: "le9",
      region: undefined,
      kind: undefined,
      jsic: undefined,
    });
  });
});
