import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityRules, type ApplicantFacts } from "#src/domain/eligibility.ts";
import { DEADLINE_KINDS } from "#src/domain/round-phases.ts";
import { announcesDeadlineChanges, audiencesOf, deadlineChanges, rulesLocked, scoreOnScale } from "#src/domain/round-rules.ts";

describe("round rules", () => {
  it("locks the eligibility rules from the first submitted application", () => {
    expect(rulesLocked(0)).toBe(false);
    expect(rulesLocked(1)).toBe(true);
  });

  it("announces deadline changes once the round has left the draft phase", () => {
    expect(announcesDeadlineChanges("draft")).toBe(false);
    expect(announcesDeadlineChanges("information_sessions")).toBe(true);
    expect(announcesDeadlineChanges("recruitment")).toBe(true);
  });

  it("lists set, moved and cleared deadlines, not unchanged ones, in the kinds' order", () => {
    const a = new Date("2027-05-31T14:59:00Z");
    const b = new Date("2027-06-15T08:00:00Z");
    const changes = deadlineChanges(
      DEADLINE_KINDS,
      { application_close: a, screening_end: a, host_application_close: a },
      { application_close: b, screening_end: null, host_application_close: new Date(a.getTime()), selection_announce: b },
    );
    expect(changes).toEqual([
      { kind: "application_close", from: a, to: b },
      { kind: "screening_end", from: a, to: null },
      { kind: "selection_announce", from: null, to: b },
    ]);
  });

  it("tells applicants about the application deadline, hosts about theirs, both about the internship", () => {
    const at = new Date();
    expect(audiencesOf([{ kind: "application_close", from: at, to: at }])).toEqual(["applicants"]);
    expect(audiencesOf([{ kind: "host_application_close", from: at, to: at }])).toEqual(["hosts"]);
    expect(audiencesOf([{ kind: "internship_start", from: at, to: at }])).toEqual(["applicants", "hosts"]);
  });

  it.each([
    [785, { min: 0, max: 9 }, false],
    [9, { min: 0, max: 9 }, true],
    [5.5, { min: 0, max: 9 }, true],
    [-1, { min: 0, max: 120 }, false],
    [5, { min: 10, max: 990 }, false],
    [Number.NaN, { min: 0, max: 9 }, false],
  ])("score %s on %o is possible: %s", (score, scale, ok) => {
    expect(scoreOnScale(score, scale)).toBe(ok);
  });
});

describe("prior participation from the platform's records", () => {
  const rules: EligibilityRules = {
    referenceDate: "2027-04-01",
    ageMin: 20,
    ageMax: 40,
    dacCountries: new Set(["VN"]),
    excludedCountries: new Set(),
    minJlptLevel: "N3",
    englishTests: [],
    selfDeclaredEnglishAccepted: true,
    residenceInJapanAllowed: true,
    priorParticipantsAllowed: false,
  };
  const facts: ApplicantFacts = {
    dateOfBirth: "2000-01-01",
    nationality: "VN",
    residenceCountry: "VN",
    priorParticipant: false,
    jlptLevel: "N2",
    englishTest: null,
    englishSelfLevel: null,
    documents: new Set(["graduation_certificate"]),
    consents: new Set(["program_purpose", "privacy_appi"]),
  };

  it("counts a recorded placement whatever the applicant declared", () => {
    expect(checkEligibility(rules, facts).eligible).toBe(true);
    expect(checkEligibility(rules, { ...facts, participationOnRecord: true }).unmet).toEqual([{ rule: "prior_participation", code: "participated_before" }]);
    expect(checkEligibility(rules, { ...facts, priorParticipant: null, participationOnRecord: true }).unmet).toEqual([
      { rule: "prior_participation", code: "participated_before" },
    ]);
  });

  it("ignores the records when the round lets past participants apply", () => {
    expect(checkEligibility({ ...rules, priorParticipantsAllowed: true }, { ...facts, participationOnRecord: true }).eligible).toBe(true);
  });
});
