/**
 * Applicant eligibility: a pure function of the round's rules (every rule is
 * a round parameter, never a constant) and what the applicant has declared.
 * Returns every unmet rule, each as a code with parameters for a localized
 * message; "missing" means the applicant has not answered yet (shown as a
 * to-do while filling in, and blocking at submission).
 */

import { type DocumentKind, isQualifyingDocument } from "./document-type.ts";
import { type EnglishSelfLevel, jlptMeets } from "./languages.ts";

export interface EnglishRequirement {
  test: string;
  min: number;
}

export interface EligibilityRules {
  /** YYYY-MM-DD: age is computed on this date. */
  referenceDate: string;
  ageMin: number;
  ageMax: number;
  /** ISO 3166-1 alpha-2 codes on the round's pinned DAC list version. */
  dacCountries: ReadonlySet<string>;
  excludedCountries: ReadonlySet<string>;
  /** Lowest accepted JLPT level, e.g. "N3" (N1–N3 accepted). */
  minJlptLevel: string;
  /** Accepted English tests and minimum scores; an empty list accepts any test result. */
  englishTests: readonly EnglishRequirement[];
  /** Self-declared English (business or fluent), verified at interview. */
  selfDeclaredEnglishAccepted: boolean;
  residenceInJapanAllowed: boolean;
  priorParticipantsAllowed: boolean;
}

export interface ApplicantFacts {
  dateOfBirth: string | null;
  nationality: string | null;
  residenceCountry: string | null;
  priorParticipant: boolean | null;
  /** The platform's own records show a past placement of this person (another round): counts whatever they declared. */
  participationOnRecord?: boolean;
  jlptLevel: string | null;
  englishTest: { test: string; score: number } | null;
  englishSelfLevel: EnglishSelfLevel | null;
  documents: ReadonlySet<DocumentKind>;
  /** Documents uploaded but still being checked for malware (ADR 0041): not counted, but not "missing" either. */
  documentsBeingChecked?: ReadonlySet<DocumentKind>;
  consents: ReadonlySet<"program_purpose" | "privacy_appi">;
}

/** The rules an operator may let an application pass, with a written reason. */
export const OVERRIDABLE_RULES = ["nationality", "age", "language", "document", "residence", "prior_participation"] as const;
/** Consents only the applicant can give: never overridden. */
export const CONSENT_RULES = ["consent_purpose", "consent_privacy"] as const;
export const ELIGIBILITY_RULES = [...OVERRIDABLE_RULES, ...CONSENT_RULES] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

export type Unmet =
  | { rule: "nationality"; code: "missing" }
  | { rule: "nationality"; code: "not_on_dac_list"; country: string }
  | { rule: "nationality"; code: "excluded"; country: string }
  | { rule: "age"; code: "missing" }
  | { rule: "age"; code: "too_young" | "too_old"; age: number; min: number; max: number; referenceDate: string }
  | { rule: "language"; code: "missing" }
  | { rule: "language"; code: "insufficient"; minJlpt: string }
  | { rule: "document"; code: "missing" | "being_checked" }
  | { rule: "residence"; code: "lives_in_japan" }
  | { rule: "prior_participation"; code: "missing" | "participated_before" }
  | { rule: "consent_purpose"; code: "missing" }
  | { rule: "consent_privacy"; code: "missing" };

export interface EligibilityResult {
  eligible: boolean;
  unmet: Unmet[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, m, d };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Completed years on `on`. A person is a year older from their birthday on;
 * someone born on 29 February is a year older from 1 March in common years
 * (under Japan's 年齢計算ニ関スル法律 they age at the end of 28 February, so
 * on 1 March they are older — the same on a date granularity).
 * Returns null for an impossible date or a birth after `on`.
 */
export function ageOn(dateOfBirth: string, on: string): number | null {
  const b = parseDate(dateOfBirth);
  const o = parseDate(on);
  if (!b || !o) return null;
  let age = o.y - b.y;
  let anniversary = { m: b.m, d: b.d };
  if (b.m === 2 && b.d === 29 && !isLeapYear(o.y)) anniversary = { m: 3, d: 1 };
  if (o.m < anniversary.m || (o.m === anniversary.m && o.d < anniversary.d)) age -= 1;
  return age < 0 ? null : age;
}

function languageMet(rules: EligibilityRules, f: ApplicantFacts): boolean {
  const jlptOk = f.jlptLevel !== null && jlptMeets(f.jlptLevel, rules.minJlptLevel);
  const testOk =
    f.englishTest !== null &&
    (rules.englishTests.length === 0 || rules.englishTests.some((r) => r.test === f.englishTest!.test && f.englishTest!.score >= r.min));
  const selfOk = rules.selfDeclaredEnglishAccepted && (f.englishSelfLevel === "business" || f.englishSelfLevel === "fluent");
  return jlptOk || testOk || selfOk;
}

export function checkEligibility(rules: EligibilityRules, f: ApplicantFacts): EligibilityResult {
  const unmet: Unmet[] = [];

  if (!f.nationality) unmet.push({ rule: "nationality", code: "missing" });
  else if (rules.excludedCountries.has(f.nationality)) unmet.push({ rule: "nationality", code: "excluded", country: f.nationality });
  else if (!rules.dacCountries.has(f.nationality)) unmet.push({ rule: "nationality", code: "not_on_dac_list", country: f.nationality });

  const age = f.dateOfBirth ? ageOn(f.dateOfBirth, rules.referenceDate) : null;
  if (age === null) unmet.push({ rule: "age", code: "missing" });
  else if (age < rules.ageMin || age > rules.ageMax) {
    unmet.push({
      rule: "age",
      code: age < rules.ageMin ? "too_young" : "too_old",
      age,
      min: rules.ageMin,
      max: rules.ageMax,
      referenceDate: rules.referenceDate,
    });
  }

  const anyLanguage = f.jlptLevel !== null || f.englishTest !== null || f.englishSelfLevel !== null;
  if (!anyLanguage) unmet.push({ rule: "language", code: "missing" });
  else if (!languageMet(rules, f)) unmet.push({ rule: "language", code: "insufficient", minJlpt: rules.minJlptLevel });

  const hasDocument = [...f.documents].some(isQualifyingDocument);
  if (!hasDocument) {
    // A qualifying document whose malware check has not finished yet counts only once it is found clean;
    // until then the applicant is told to wait a moment, not to upload it again (ADR 0041).
    const beingChecked = [...(f.documentsBeingChecked ?? [])].some(isQualifyingDocument);
    unmet.push({ rule: "document", code: beingChecked ? "being_checked" : "missing" });
  }

  if (!rules.residenceInJapanAllowed && f.residenceCountry === "JP") unmet.push({ rule: "residence", code: "lives_in_japan" });

  if (!rules.priorParticipantsAllowed) {
    if (f.priorParticipant === true || f.participationOnRecord === true) unmet.push({ rule: "prior_participation", code: "participated_before" });
    else if (f.priorParticipant === null) unmet.push({ rule: "prior_participation", code: "missing" });
  }

  if (!f.consents.has("program_purpose")) unmet.push({ rule: "consent_purpose", code: "missing" });
  if (!f.consents.has("privacy_appi")) unmet.push({ rule: "consent_privacy", code: "missing" });

  return { eligible: unmet.length === 0, unmet };
}

/**
 * Unmet rules the applicant cannot change by editing the application: their
 * age on the reference date, their nationality, a past participation. Shown
 * right after the step that decides them, and Submit is not offered (an
 * operator may still let one pass with a written reason).
 */
export function blockingUnmet(unmet: readonly Unmet[]): Unmet[] {
  return unmet.filter(
    (u) =>
      (u.rule === "age" && u.code !== "missing") ||
      (u.rule === "nationality" && u.code !== "missing") ||
      (u.rule === "prior_participation" && u.code === "participated_before"),
  );
}

/** The rules still unmet once an operator's overrides (by rule, with a written reason) are applied. */
export function applyOverrides(result: EligibilityResult, overridden: ReadonlySet<EligibilityRule>): EligibilityResult {
  const unmet = result.unmet.filter((u) => !overridden.has(u.rule));
  return { eligible: unmet.length === 0, unmet };
}
