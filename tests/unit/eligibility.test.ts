import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  applyOverrides,
  checkEligibility,
  type ApplicantFacts,
  type EligibilityResult,
  type EligibilityRule,
  type EligibilityRules,
  type Unmet,
} from "#src/domain/eligibility.ts";
import type { DocumentKind } from "#src/domain/document-type.ts";

// ---------------------------------------------------------------------------
// Builders: a round's rules and an applicant who meets every one of them.
// Each test overrides only what it is about.
// ---------------------------------------------------------------------------

const REFERENCE_DATE = "2019-04-01";

function rules(overrides: Partial<EligibilityRules> = {}): EligibilityRules {
  return {
    referenceDate: REFERENCE_DATE,
    ageMin: 20,
    ageMax: 40,
    dacCountries: new Set(["VN", "ID", "PH", "IN", "TH", "MM"]),
    excludedCountries: new Set<string>(),
    minJlptLevel: "N3",
    englishTests: [
      { test: "TOEIC", min: 600 },
      { test: "IELTS", min: 5.5 },
    ],
    selfDeclaredEnglishAccepted: false,
    residenceInJapanAllowed: false,
    priorParticipantsAllowed: false,
    ...overrides,
  };
}

function facts(overrides: Partial<ApplicantFacts> = {}): ApplicantFacts {
  return {
    dateOfBirth: "1995-06-15", // 23 on the reference date
    nationality: "VN",
    residenceCountry: "VN",
    priorParticipant: false,
    jlptLevel: "N2",
    englishTest: null,
    englishSelfLevel: null,
    documents: new Set<DocumentKind>(["graduation_certificate"]),
    consents: new Set(["program_purpose", "privacy_appi"] as const),
    ...overrides,
  };
}

function check(r: Partial<EligibilityRules> = {}, f: Partial<ApplicantFacts> = {}): EligibilityResult {
  return checkEligibility(rules(r), facts(f));
}

/** The unmet entries of one rule (at most one is expected). */
function unmetOf(result: EligibilityResult, rule: EligibilityRule): Unmet[] {
  return result.unmet.filter((u) => u.rule === rule);
}

const ALL_RULES: readonly EligibilityRule[] = [
  "nationality",
  "age",
  "language",
  "document",
  "residence",
  "prior_participation",
  "consent_purpose",
  "consent_privacy",
];

// Dates as day numbers since 1970-01-01 (UTC), so generators only produce real dates.
const DAY_MS = 86_400_000;
function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function dayOfIso(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

// 1900-01-01 .. 2100-12-31
const dayArb = fc.integer({ min: dayOfIso("1900-01-01"), max: dayOfIso("2100-12-31") });

// ---------------------------------------------------------------------------

describe("checkEligibility: the default applicant", () => {
  it("meets every rule: unmet = [] and eligible = true", () => {
    expect(checkEligibility(rules(), facts())).toEqual({ eligible: true, unmet: [] });
  });
});

describe("ageOn", () => {
  it("counts completed years on the reference date", () => {
    expect(ageOn("1995-06-15", "2019-04-01")).toBe(23);
    expect(ageOn("1995-06-15", "2019-06-14")).toBe(23);
    expect(ageOn("1995-06-15", "2019-06-15")).toBe(24);
    expect(ageOn("1995-06-15", "2019-06-16")).toBe(24);
  });

  it("is 0 on the day of birth and the day before the first birthday", () => {
    expect(ageOn("2000-01-01", "2000-01-01")).toBe(0);
    expect(ageOn("2000-01-01", "2000-12-31")).toBe(0);
    expect(ageOn("2000-01-01", "2001-01-01")).toBe(1);
  });

  it("crosses a year boundary: born 31 December, one day later is still 0", () => {
    expect(ageOn("1999-12-31", "2000-01-01")).toBe(0);
    expect(ageOn("1999-12-31", "2019-12-30")).toBe(19);
    expect(ageOn("1999-12-31", "2019-12-31")).toBe(20);
  });

  describe("29 February birthdays", () => {
    it("in a common year: still younger on 28 February, a year older on 1 March", () => {
      expect(ageOn("1996-02-29", "2019-02-28")).toBe(22);
      expect(ageOn("1996-02-29", "2019-03-01")).toBe(23);
    });

    it("in a leap year: a year older on 29 February itself, not on 28 February", () => {
      expect(ageOn("1996-02-29", "2016-02-28")).toBe(19);
      expect(ageOn("1996-02-29", "2016-02-29")).toBe(20);
      expect(ageOn("1996-02-29", "2016-03-01")).toBe(20);
    });

    it("in 2100 (divisible by 100, not by 400, so common): older on 1 March", () => {
      expect(ageOn("2096-02-29", "2100-02-28")).toBe(3);
      expect(ageOn("2096-02-29", "2100-03-01")).toBe(4);
    });

    it("in 2000 (divisible by 400, so leap): older on 29 February", () => {
      expect(ageOn("1980-02-29", "2000-02-28")).toBe(19);
      expect(ageOn("1980-02-29", "2000-02-29")).toBe(20);
    });

    it("is 0 from birth until the first 1 March", () => {
      expect(ageOn("2000-02-29", "2000-02-29")).toBe(0);
      expect(ageOn("2000-02-29", "2001-02-28")).toBe(0);
      expect(ageOn("2000-02-29", "2001-03-01")).toBe(1);
    });
  });

  it("does not shift 28 February or 1 March birthdays in leap years", () => {
    expect(ageOn("1996-02-28", "2016-02-28")).toBe(20);
    expect(ageOn("1996-02-28", "2016-02-27")).toBe(19);
    expect(ageOn("1996-03-01", "2016-02-29")).toBe(19);
    expect(ageOn("1996-03-01", "2016-03-01")).toBe(20);
    expect(ageOn("1997-03-01", "2017-02-28")).toBe(19);
    expect(ageOn("1997-03-01", "2017-03-01")).toBe(20);
  });

  it.each([
    ["2001-02-29", "not a leap year"],
    ["1900-02-29", "divisible by 100, not by 400"],
    ["2000-13-01", "month 13"],
    ["2000-00-10", "month 0"],
    ["2000-01-00", "day 0"],
    ["2000-01-32", "day 32"],
    ["2000-04-31", "30-day month"],
    ["2000-02-30", "30 February"],
    ["2000-1-01", "one-digit month"],
    ["2000-01-1", "one-digit day"],
    ["00-01-01", "two-digit year"],
    ["2000/01/01", "slashes"],
    ["01-01-2000", "day-first"],
    ["2000-01-01T00:00", "with a time"],
    [" 2000-01-01", "leading space"],
    ["2000-01-01 ", "trailing space"],
    ["", "empty"],
    ["not a date", "garbage"],
  ])("is null for the impossible or malformed birth date %j (%s)", (dob) => {
    expect(ageOn(dob, REFERENCE_DATE)).toBeNull();
  });

  it("is null for an impossible reference date", () => {
    expect(ageOn("1995-06-15", "2019-02-29")).toBeNull();
    expect(ageOn("1995-06-15", "2019-13-01")).toBeNull();
  });

  it("is null for a birth after the reference date, even by one day", () => {
    expect(ageOn("2019-04-02", "2019-04-01")).toBeNull();
    expect(ageOn("2019-05-01", "2019-04-01")).toBeNull();
    expect(ageOn("2030-01-01", "2019-04-01")).toBeNull();
  });

  describe("properties", () => {
    it("ageOn(d, d) === 0 for every real date", () => {
      fc.assert(
        fc.property(dayArb, (day) => {
          const d = isoOfDay(day);
          expect(ageOn(d, d)).toBe(0);
        }),
      );
    });

    it("is monotone non-decreasing in the reference date (null, i.e. before birth, counts as lowest)", () => {
      fc.assert(
        fc.property(dayArb, dayArb, dayArb, (birth, a, b) => {
          const [on1, on2] = a <= b ? [a, b] : [b, a];
          const dob = isoOfDay(birth);
          const age1 = ageOn(dob, isoOfDay(on1));
          const age2 = ageOn(dob, isoOfDay(on2));
          expect(age2 ?? -1).toBeGreaterThanOrEqual(age1 ?? -1);
        }),
      );
    });

    it("is monotone from one day to the next, never jumping by more than one year", () => {
      fc.assert(
        fc.property(dayArb, fc.integer({ min: 0, max: 120 * 366 }), (birth, offset) => {
          const dob = isoOfDay(birth);
          const today = ageOn(dob, isoOfDay(birth + offset));
          const tomorrow = ageOn(dob, isoOfDay(birth + offset + 1));
          expect(today).not.toBeNull();
          expect(tomorrow).not.toBeNull();
          expect(tomorrow! - today!).toBeGreaterThanOrEqual(0);
          expect(tomorrow! - today!).toBeLessThanOrEqual(1);
        }),
      );
    });

    it("is null exactly when the birth is after the reference date", () => {
      fc.assert(
        fc.property(dayArb, dayArb, (birth, on) => {
          expect(ageOn(isoOfDay(birth), isoOfDay(on)) === null).toBe(birth > on);
        }),
      );
    });

    it("is N on the same month/day N years later, and N-1 the day before (non-29-Feb births)", () => {
      fc.assert(
        fc.property(dayArb, fc.integer({ min: 0, max: 120 }), (birth, n) => {
          const dob = isoOfDay(birth);
          fc.pre(!dob.endsWith("-02-29"));
          const later = `${pad(Number(dob.slice(0, 4)) + n, 4)}${dob.slice(4)}`;
          expect(ageOn(dob, later)).toBe(n);
          if (n > 0) expect(ageOn(dob, isoOfDay(dayOfIso(later) - 1))).toBe(n - 1);
        }),
      );
    });

    it("29 Feb births turn N on 29 Feb in leap years and on 1 Mar in common years", () => {
      const leapYears: number[] = [];
      for (let y = 1904; y <= 2096; y += 4) leapYears.push(y);
      fc.assert(
        fc.property(fc.constantFrom(...leapYears), fc.integer({ min: 1, max: 100 }), (birthYear, n) => {
          const dob = iso(birthYear, 2, 29);
          const y = birthYear + n;
          const birthday = isLeap(y) ? iso(y, 2, 29) : iso(y, 3, 1);
          expect(ageOn(dob, birthday)).toBe(n);
          expect(ageOn(dob, isoOfDay(dayOfIso(birthday) - 1))).toBe(n - 1);
        }),
      );
    });
  });
});

describe("checkEligibility: age", () => {
  // Reference date 2019-04-01, ageMin 20, ageMax 40.
  it("20th birthday on the reference date → eligible at min 20", () => {
    const result = check({}, { dateOfBirth: "1999-04-01" });
    expect(result).toEqual({ eligible: true, unmet: [] });
  });

  it("20th birthday the day after the reference date → too_young, age 19, with the rule's parameters", () => {
    const result = check({}, { dateOfBirth: "1999-04-02" });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "age", code: "too_young", age: 19, min: 20, max: 40, referenceDate: REFERENCE_DATE }]);
  });

  it("20th birthday the day before the reference date → eligible", () => {
    expect(check({}, { dateOfBirth: "1999-03-31" }).unmet).toEqual([]);
  });

  it("40th birthday on the reference date → eligible at max 40", () => {
    expect(check({}, { dateOfBirth: "1979-04-01" }).unmet).toEqual([]);
  });

  it("41st birthday on the reference date → too_old, age 41", () => {
    const result = check({}, { dateOfBirth: "1978-04-01" });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "age", code: "too_old", age: 41, min: 20, max: 40, referenceDate: REFERENCE_DATE }]);
  });

  it("41st birthday the day after the reference date (still 40) → eligible", () => {
    expect(check({}, { dateOfBirth: "1978-04-02" }).unmet).toEqual([]);
  });

  it("41st birthday the day before the reference date → too_old", () => {
    expect(unmetOf(check({}, { dateOfBirth: "1978-03-31" }), "age")).toEqual([
      { rule: "age", code: "too_old", age: 41, min: 20, max: 40, referenceDate: REFERENCE_DATE },
    ]);
  });

  it("uses the round's bounds and reference date, not constants", () => {
    const r = { referenceDate: "2025-10-01", ageMin: 22, ageMax: 35 };
    expect(check(r, { dateOfBirth: "2003-10-01" }).unmet).toEqual([]); // 22
    expect(unmetOf(check(r, { dateOfBirth: "2003-10-02" }), "age")).toEqual([
      { rule: "age", code: "too_young", age: 21, min: 22, max: 35, referenceDate: "2025-10-01" },
    ]);
    expect(check(r, { dateOfBirth: "1989-10-02" }).unmet).toEqual([]); // 35, 36 tomorrow
    expect(unmetOf(check(r, { dateOfBirth: "1989-10-01" }), "age")).toEqual([
      { rule: "age", code: "too_old", age: 36, min: 22, max: 35, referenceDate: "2025-10-01" },
    ]);
  });

  it("accepts a single-age window (ageMin === ageMax)", () => {
    const r = { ageMin: 30, ageMax: 30 };
    expect(check(r, { dateOfBirth: "1989-04-01" }).unmet).toEqual([]);
    expect(unmetOf(check(r, { dateOfBirth: "1989-04-02" }), "age")[0]).toMatchObject({ code: "too_young", age: 29 });
    expect(unmetOf(check(r, { dateOfBirth: "1988-04-01" }), "age")[0]).toMatchObject({ code: "too_old", age: 31 });
  });

  describe("29 February birthdays", () => {
    // Born 1996-02-29: 22 on 2019-02-28, 23 on 2019-03-01 (2019 is a common year).
    it("reference date 28 Feb in a common year: not yet a year older", () => {
      expect(unmetOf(check({ referenceDate: "2019-02-28", ageMin: 23 }, { dateOfBirth: "1996-02-29" }), "age")).toEqual([
        { rule: "age", code: "too_young", age: 22, min: 23, max: 40, referenceDate: "2019-02-28" },
      ]);
    });

    it("reference date 1 Mar in a common year: a year older", () => {
      expect(check({ referenceDate: "2019-03-01", ageMin: 23 }, { dateOfBirth: "1996-02-29" }).unmet).toEqual([]);
      expect(unmetOf(check({ referenceDate: "2019-03-01", ageMax: 22 }, { dateOfBirth: "1996-02-29" }), "age")).toEqual([
        { rule: "age", code: "too_old", age: 23, min: 20, max: 22, referenceDate: "2019-03-01" },
      ]);
    });

    it("reference date 28 Feb in a common year with max 22: still 22, eligible", () => {
      expect(check({ referenceDate: "2019-02-28", ageMax: 22 }, { dateOfBirth: "1996-02-29" }).unmet).toEqual([]);
    });

    it("reference date 29 Feb in a leap year: the birthday itself, a year older", () => {
      // 20th birthday on 2016-02-29.
      expect(check({ referenceDate: "2016-02-29" }, { dateOfBirth: "1996-02-29" }).unmet).toEqual([]);
      expect(unmetOf(check({ referenceDate: "2016-02-28" }, { dateOfBirth: "1996-02-29" }), "age")).toEqual([
        { rule: "age", code: "too_young", age: 19, min: 20, max: 40, referenceDate: "2016-02-28" },
      ]);
      // At the top of the range: born 1972-02-29 turns 44 on 2016-02-29, so with max 43
      // they are too old on the 29th and still 43 (eligible) on the 28th.
      expect(unmetOf(check({ referenceDate: "2016-02-29", ageMax: 43 }, { dateOfBirth: "1972-02-29" }), "age")).toEqual([
        { rule: "age", code: "too_old", age: 44, min: 20, max: 43, referenceDate: "2016-02-29" },
      ]);
      expect(check({ referenceDate: "2016-02-28", ageMax: 43 }, { dateOfBirth: "1972-02-29" }).unmet).toEqual([]);
    });
  });

  it.each([["2001-02-29"], ["2000-13-01"], ["2000-04-31"], ["1995/06/15"], [""]])("an impossible or malformed date of birth %j → age missing", (dob) => {
    const result = check({}, { dateOfBirth: dob });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "age", code: "missing" }]);
  });

  it("no date of birth → age missing", () => {
    expect(check({}, { dateOfBirth: null }).unmet).toEqual([{ rule: "age", code: "missing" }]);
  });

  it("a birth after the reference date → age missing (not too_young)", () => {
    expect(check({}, { dateOfBirth: "2019-04-02" }).unmet).toEqual([{ rule: "age", code: "missing" }]);
  });

  it("a birth on the reference date → age 0, too_young (not missing)", () => {
    expect(check({}, { dateOfBirth: REFERENCE_DATE }).unmet).toEqual([
      { rule: "age", code: "too_young", age: 0, min: 20, max: 40, referenceDate: REFERENCE_DATE },
    ]);
  });

  it("an impossible reference date in the rules → age missing for everyone", () => {
    expect(check({ referenceDate: "2019-02-29" }, {}).unmet).toEqual([{ rule: "age", code: "missing" }]);
  });
});

describe("checkEligibility: document still being checked for malware (ADR 0041)", () => {
  it("a qualifying document still being checked is 'being_checked', not 'missing'; a clean one counts", () => {
    const pending = new Set<DocumentKind>(["graduation_certificate"]);
    expect(check({}, { documents: new Set(), documentsBeingChecked: pending }).unmet).toEqual([{ rule: "document", code: "being_checked" }]);
    expect(check({}, { documents: new Set(), documentsBeingChecked: new Set() }).unmet).toEqual([{ rule: "document", code: "missing" }]);
    expect(check({}, { documentsBeingChecked: pending }).unmet).toEqual([]);
  });
});

describe("checkEligibility: nationality", () => {
  it("missing when null", () => {
    expect(check({}, { nationality: null }).unmet).toEqual([{ rule: "nationality", code: "missing" }]);
  });

  it("missing when empty", () => {
    expect(check({}, { nationality: "" }).unmet).toEqual([{ rule: "nationality", code: "missing" }]);
  });

  it("not on the DAC list → not_on_dac_list with the country", () => {
    const result = check({}, { nationality: "US" });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "nationality", code: "not_on_dac_list", country: "US" }]);
  });

  it("Japan itself is not on the DAC list", () => {
    expect(check({}, { nationality: "JP" }).unmet).toEqual([{ rule: "nationality", code: "not_on_dac_list", country: "JP" }]);
  });

  it("excluded by the round even though on the DAC list → excluded", () => {
    const result = check({ excludedCountries: new Set(["VN"]) }, { nationality: "VN" });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "nationality", code: "excluded", country: "VN" }]);
  });

  it("excluded and not on the list → reported once, as excluded", () => {
    expect(check({ excludedCountries: new Set(["KP"]) }, { nationality: "KP" }).unmet).toEqual([{ rule: "nationality", code: "excluded", country: "KP" }]);
  });

  it("an exclusion of another country does not affect this applicant", () => {
    expect(check({ excludedCountries: new Set(["ID"]) }, { nationality: "VN" }).unmet).toEqual([]);
  });

  it("uses the round's pinned list: a country on it is eligible, off it is not", () => {
    expect(check({ dacCountries: new Set(["BR"]) }, { nationality: "BR" }).unmet).toEqual([]);
    expect(check({ dacCountries: new Set(["BR"]) }, { nationality: "VN" }).unmet).toEqual([{ rule: "nationality", code: "not_on_dac_list", country: "VN" }]);
    expect(check({ dacCountries: new Set() }, { nationality: "VN" }).unmet).toEqual([{ rule: "nationality", code: "not_on_dac_list", country: "VN" }]);
  });
});

describe("checkEligibility: language", () => {
  const noLanguage = { jlptLevel: null, englishTest: null, englishSelfLevel: null } as const;

  it.each([
    ["N1", true],
    ["N2", true],
    ["N3", true],
    ["N4", false],
    ["N5", false],
  ])("JLPT %s against minimum N3 → met: %s", (level, met) => {
    const result = check({}, { ...noLanguage, jlptLevel: level });
    expect(result.eligible).toBe(met);
    expect(unmetOf(result, "language")).toEqual(met ? [] : [{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("the minimum JLPT level is a round parameter (N2: N3 is then insufficient)", () => {
    expect(check({ minJlptLevel: "N2" }, { jlptLevel: "N2" }).unmet).toEqual([]);
    expect(check({ minJlptLevel: "N2" }, { jlptLevel: "N3" }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N2" }]);
    expect(check({ minJlptLevel: "N5" }, { jlptLevel: "N5" }).unmet).toEqual([]);
  });

  it.each(["N6", "n2", "", "N0", "constructor", "__proto__", "toString"])("an unknown JLPT level %j is insufficient, not met and not missing", (level) => {
    expect(check({}, { ...noLanguage, jlptLevel: level }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("nothing declared → missing", () => {
    const result = check({}, noLanguage);
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "language", code: "missing" }]);
  });

  it("English test at exactly the minimum score → met", () => {
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEIC", score: 600 } }).unmet).toEqual([]);
    expect(check({}, { ...noLanguage, englishTest: { test: "IELTS", score: 5.5 } }).unmet).toEqual([]);
  });

  it("English test just below the minimum score → insufficient", () => {
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEIC", score: 595 } }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEIC", score: 599 } }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
    expect(check({}, { ...noLanguage, englishTest: { test: "IELTS", score: 5 } }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("English test above the minimum score → met", () => {
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEIC", score: 990 } }).unmet).toEqual([]);
  });

  it("each test is held to its own minimum (a TOEIC 5.5 does not pass on IELTS's minimum)", () => {
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEIC", score: 5.5 } }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("a test not in the accepted list → insufficient, whatever the score", () => {
    expect(check({}, { ...noLanguage, englishTest: { test: "TOEFL", score: 120 } }).unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("an empty accepted list accepts any test result", () => {
    expect(check({ englishTests: [] }, { ...noLanguage, englishTest: { test: "TOEFL", score: 1 } }).unmet).toEqual([]);
    expect(check({ englishTests: [] }, { ...noLanguage, englishTest: { test: "anything", score: 0 } }).unmet).toEqual([]);
  });

  it("an empty accepted list still needs a test result (not only a self-declared basic level)", () => {
    expect(check({ englishTests: [] }, { ...noLanguage, englishSelfLevel: "basic" }).unmet).toEqual([
      { rule: "language", code: "insufficient", minJlpt: "N3" },
    ]);
    expect(check({ englishTests: [] }, noLanguage).unmet).toEqual([{ rule: "language", code: "missing" }]);
  });

  it.each([
    ["business", true, true],
    ["fluent", true, true],
    ["business", false, false],
    ["fluent", false, false],
    ["basic", true, false],
    ["conversational", true, false],
    ["basic", false, false],
    ["conversational", false, false],
  ] as const)("self-declared %s with selfDeclaredEnglishAccepted=%s → met: %s", (level, accepted, met) => {
    const result = check({ selfDeclaredEnglishAccepted: accepted }, { ...noLanguage, englishSelfLevel: level });
    expect(result.unmet).toEqual(met ? [] : [{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });

  it("JLPT insufficient but English test ok → eligible", () => {
    expect(check({}, { jlptLevel: "N5", englishTest: { test: "TOEIC", score: 700 } })).toEqual({ eligible: true, unmet: [] });
    expect(check({}, { jlptLevel: "N4", englishTest: { test: "IELTS", score: 5.5 } })).toEqual({ eligible: true, unmet: [] });
  });

  it("JLPT insufficient but accepted self-declared English → eligible", () => {
    expect(check({ selfDeclaredEnglishAccepted: true }, { jlptLevel: "N4", englishSelfLevel: "business" }).unmet).toEqual([]);
  });

  it("JLPT ok but English test insufficient → eligible (either suffices)", () => {
    expect(check({}, { jlptLevel: "N3", englishTest: { test: "TOEIC", score: 100 } }).unmet).toEqual([]);
  });

  it("everything insufficient together → a single insufficient entry", () => {
    const result = check({ selfDeclaredEnglishAccepted: false }, { jlptLevel: "N5", englishTest: { test: "TOEIC", score: 100 }, englishSelfLevel: "fluent" });
    expect(result.unmet).toEqual([{ rule: "language", code: "insufficient", minJlpt: "N3" }]);
  });
});

describe("checkEligibility: documents", () => {
  it.each(["graduation_certificate", "university_recommendation", "employer_recommendation"] as const)("%s alone suffices", (kind) => {
    expect(check({}, { documents: new Set<DocumentKind>([kind]) }).unmet).toEqual([]);
  });

  it.each(["jlpt_certificate", "english_certificate", "passport", "other"] as const)("%s alone does not", (kind) => {
    expect(check({}, { documents: new Set<DocumentKind>([kind]) }).unmet).toEqual([{ rule: "document", code: "missing" }]);
  });

  it("all non-qualifying kinds together do not", () => {
    const documents = new Set<DocumentKind>(["jlpt_certificate", "english_certificate", "passport", "other"]);
    expect(check({}, { documents }).unmet).toEqual([{ rule: "document", code: "missing" }]);
  });

  it("no documents → missing", () => {
    const result = check({}, { documents: new Set() });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "document", code: "missing" }]);
  });

  it("a qualifying document among others suffices", () => {
    const documents = new Set<DocumentKind>(["passport", "other", "employer_recommendation"]);
    expect(check({}, { documents }).unmet).toEqual([]);
  });
});

describe("checkEligibility: residence", () => {
  it("residence in Japan is refused when residenceInJapanAllowed is false", () => {
    const result = check({ residenceInJapanAllowed: false }, { residenceCountry: "JP" });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "residence", code: "lives_in_japan" }]);
  });

  it("residence in Japan is accepted when residenceInJapanAllowed is true", () => {
    expect(check({ residenceInJapanAllowed: true }, { residenceCountry: "JP" }).unmet).toEqual([]);
  });

  it("residence elsewhere is accepted either way", () => {
    expect(check({ residenceInJapanAllowed: false }, { residenceCountry: "VN" }).unmet).toEqual([]);
    expect(check({ residenceInJapanAllowed: true }, { residenceCountry: "TH" }).unmet).toEqual([]);
  });

  it("an unanswered residence is not reported by this rule", () => {
    expect(check({ residenceInJapanAllowed: false }, { residenceCountry: null }).unmet).toEqual([]);
  });
});

describe("checkEligibility: prior participation", () => {
  it("not allowed, unanswered (null) → missing", () => {
    expect(check({ priorParticipantsAllowed: false }, { priorParticipant: null }).unmet).toEqual([{ rule: "prior_participation", code: "missing" }]);
  });

  it("not allowed, participated before (true) → participated_before", () => {
    const result = check({ priorParticipantsAllowed: false }, { priorParticipant: true });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([{ rule: "prior_participation", code: "participated_before" }]);
  });

  it("not allowed, first time (false) → met", () => {
    expect(check({ priorParticipantsAllowed: false }, { priorParticipant: false }).unmet).toEqual([]);
  });

  it.each([null, true, false])("allowed → ignored whatever the answer (%s)", (answer) => {
    expect(check({ priorParticipantsAllowed: true }, { priorParticipant: answer }).unmet).toEqual([]);
  });
});

describe("checkEligibility: consents", () => {
  it("only the program-purpose consent → privacy consent missing", () => {
    expect(check({}, { consents: new Set(["program_purpose"] as const) }).unmet).toEqual([{ rule: "consent_privacy", code: "missing" }]);
  });

  it("only the privacy (APPI) consent → purpose consent missing", () => {
    expect(check({}, { consents: new Set(["privacy_appi"] as const) }).unmet).toEqual([{ rule: "consent_purpose", code: "missing" }]);
  });

  it("no consents → both missing, purpose first", () => {
    const result = check({}, { consents: new Set() });
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([
      { rule: "consent_purpose", code: "missing" },
      { rule: "consent_privacy", code: "missing" },
    ]);
  });
});

describe("checkEligibility: every unmet rule at once", () => {
  it("reports all eight rules together, in a stable order, not only the first", () => {
    const result = checkEligibility(
      rules(),
      facts({
        dateOfBirth: null,
        nationality: null,
        residenceCountry: "JP",
        priorParticipant: null,
        jlptLevel: null,
        englishTest: null,
        englishSelfLevel: null,
        documents: new Set(),
        consents: new Set(),
      }),
    );
    expect(result).toEqual({
      eligible: false,
      unmet: [
        { rule: "nationality", code: "missing" },
        { rule: "age", code: "missing" },
        { rule: "language", code: "missing" },
        { rule: "document", code: "missing" },
        { rule: "residence", code: "lives_in_japan" },
        { rule: "prior_participation", code: "missing" },
        { rule: "consent_purpose", code: "missing" },
        { rule: "consent_privacy", code: "missing" },
      ],
    });
  });

  it("reports non-missing codes together too", () => {
    const result = checkEligibility(
      rules({ excludedCountries: new Set(["MM"]) }),
      facts({
        nationality: "MM",
        dateOfBirth: "1970-01-01",
        jlptLevel: "N5",
        priorParticipant: true,
        documents: new Set<DocumentKind>(["passport"]),
      }),
    );
    expect(result.eligible).toBe(false);
    expect(result.unmet).toEqual([
      { rule: "nationality", code: "excluded", country: "MM" },
      { rule: "age", code: "too_old", age: 49, min: 20, max: 40, referenceDate: REFERENCE_DATE },
      { rule: "language", code: "insufficient", minJlpt: "N3" },
      { rule: "document", code: "missing" },
      { rule: "prior_participation", code: "participated_before" },
    ]);
  });

  it("property: eligible ⇔ unmet is empty, and each rule appears at most once", () => {
    const factsArb = fc.record({
      dateOfBirth: fc.option(fc.oneof(dayArb.map(isoOfDay), fc.constantFrom("2001-02-29", "2000-13-01", "")), { nil: null }),
      nationality: fc.option(fc.constantFrom("VN", "ID", "US", "JP", "MM", ""), { nil: null }),
      residenceCountry: fc.option(fc.constantFrom("VN", "JP"), { nil: null }),
      priorParticipant: fc.option(fc.boolean(), { nil: null }),
      jlptLevel: fc.option(fc.constantFrom("N1", "N2", "N3", "N4", "N5", "N6"), { nil: null }),
      englishTest: fc.option(fc.record({ test: fc.constantFrom("TOEIC", "IELTS", "TOEFL"), score: fc.integer({ min: 0, max: 990 }) }), { nil: null }),
      englishSelfLevel: fc.option(fc.constantFrom<ApplicantFacts["englishSelfLevel"] & string>("basic", "conversational", "business", "fluent"), { nil: null }),
      documents: fc
        .subarray([
          "graduation_certificate",
          "university_recommendation",
          "employer_recommendation",
          "jlpt_certificate",
          "english_certificate",
          "passport",
          "other",
        ] as DocumentKind[])
        .map((a) => new Set<DocumentKind>(a)),
      consents: fc.subarray(["program_purpose", "privacy_appi"] as const).map((a) => new Set(a)),
    });
    const rulesArb = fc.record({
      excludedCountries: fc.subarray(["VN", "MM"]).map((a) => new Set(a)),
      selfDeclaredEnglishAccepted: fc.boolean(),
      residenceInJapanAllowed: fc.boolean(),
      priorParticipantsAllowed: fc.boolean(),
      englishTests: fc.constantFrom([], [{ test: "TOEIC", min: 600 }]),
    });
    fc.assert(
      fc.property(rulesArb, factsArb, (r, f) => {
        const result = checkEligibility(rules(r), facts(f));
        expect(result.eligible).toBe(result.unmet.length === 0);
        const seen = result.unmet.map((u) => u.rule);
        expect(new Set(seen).size).toBe(seen.length);
        // Reported in the fixed rule order.
        const order = seen.map((rule) => ALL_RULES.indexOf(rule));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });
});

describe("applyOverrides", () => {
  const allUnmet = (): EligibilityResult =>
    checkEligibility(
      rules(),
      facts({
        dateOfBirth: null,
        nationality: "US",
        residenceCountry: "JP",
        priorParticipant: true,
        jlptLevel: "N5",
        documents: new Set(),
        consents: new Set(),
      }),
    );

  it("removes exactly the overridden rules and keeps the rest in order", () => {
    const result = applyOverrides(allUnmet(), new Set<EligibilityRule>(["age", "residence"]));
    expect(result).toEqual({
      eligible: false,
      unmet: [
        { rule: "nationality", code: "not_on_dac_list", country: "US" },
        { rule: "language", code: "insufficient", minJlpt: "N3" },
        { rule: "document", code: "missing" },
        { rule: "prior_participation", code: "participated_before" },
        { rule: "consent_purpose", code: "missing" },
        { rule: "consent_privacy", code: "missing" },
      ],
    });
  });

  it("overriding every unmet rule makes the applicant eligible", () => {
    expect(applyOverrides(allUnmet(), new Set(ALL_RULES))).toEqual({ eligible: true, unmet: [] });
  });

  it("overriding the single unmet rule recomputes eligible = true", () => {
    const before = check({}, { priorParticipant: true });
    expect(before.eligible).toBe(false);
    expect(applyOverrides(before, new Set<EligibilityRule>(["prior_participation"]))).toEqual({ eligible: true, unmet: [] });
  });

  it("no overrides → the same result", () => {
    const before = allUnmet();
    expect(applyOverrides(before, new Set())).toEqual(before);
  });

  it("overriding a rule that is met changes nothing", () => {
    const before = check({}, { documents: new Set() });
    expect(applyOverrides(before, new Set<EligibilityRule>(["age", "nationality"]))).toEqual(before);
  });

  it("keeps an eligible result eligible", () => {
    expect(applyOverrides(check(), new Set<EligibilityRule>(["age"]))).toEqual({ eligible: true, unmet: [] });
  });

  it("recomputes eligible from the remaining unmet, even if the input's flag was inconsistent", () => {
    expect(applyOverrides({ eligible: false, unmet: [] }, new Set())).toEqual({ eligible: true, unmet: [] });
    expect(applyOverrides({ eligible: true, unmet: [{ rule: "document", code: "missing" }] }, new Set())).toEqual({
      eligible: false,
      unmet: [{ rule: "document", code: "missing" }],
    });
  });

  it("does not mutate its input", () => {
    const before = allUnmet();
    const snapshot = structuredClone(before);
    applyOverrides(before, new Set(ALL_RULES));
    expect(before).toEqual(snapshot);
  });

  it("property: the result is the input's unmet minus the overridden rules", () => {
    const before = allUnmet();
    fc.assert(
      fc.property(fc.subarray([...ALL_RULES]), (overridden) => {
        const set = new Set(overridden);
        const after = applyOverrides(before, set);
        expect(after.unmet).toEqual(before.unmet.filter((u) => !set.has(u.rule)));
        expect(after.unmet.some((u) => set.has(u.rule))).toBe(false);
        expect(after.eligible).toBe(after.unmet.length === 0);
      }),
    );
  });
});
