/**
 * A round's eligibility rules as the pages show them (the operator's round
 * page and edit form, the public program page). Internal to the round use cases.
 */
import type { Selectable } from "kysely";
import type { RoundsTable } from "../../db/schema.ts";

export interface RoundRulesView {
  eligibilityReferenceDate: string;
  ageMin: number;
  ageMax: number;
  dacListVersion: string;
  excludedCountries: string[];
  minJlptLevel: string;
  englishTests: { test: string; min: number }[];
  selfDeclaredEnglishAccepted: boolean;
  residenceInJapanAllowed: boolean;
  priorParticipantsAllowed: boolean;
}

/** The default JLPT minimum of a round created before the rule was set (the program's long-standing N3). */
export const DEFAULT_MIN_JLPT = "N3";

export function rulesOf(round: Selectable<RoundsTable>): RoundRulesView {
  const tests = Array.isArray(round.accepted_english_tests) ? (round.accepted_english_tests as { test: string; min: number }[]) : [];
  return {
    eligibilityReferenceDate: round.eligibility_reference_date,
    ageMin: round.age_min,
    ageMax: round.age_max,
    dacListVersion: round.dac_list_version,
    excludedCountries: [...round.excluded_countries].sort(),
    minJlptLevel: round.min_jlpt_level ?? DEFAULT_MIN_JLPT,
    englishTests: tests.map((t) => ({ test: t.test, min: Number(t.min) })),
    selfDeclaredEnglishAccepted: round.self_declared_english_accepted,
    residenceInJapanAllowed: round.residence_in_japan_allowed,
    priorParticipantsAllowed: round.prior_participants_allowed,
  };
}
