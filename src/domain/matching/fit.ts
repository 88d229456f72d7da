/**
 * How well a selected applicant fits a position (issue 15 item 1, ADR 0034): the suggestion the
 * operator starts a shortlist from. Pure. Each criterion the position sets is met or missed:
 * the Japanese level it requires (JLPT, N1 highest) and English when it asks for it (business or
 * fluent, or an English test); its fields among the applicant's preferred fields; its region
 * among the applicant's preferred regions; its company's industry (JSIC division) among the
 * applicant's preferred industries; the applicant's nationality among the company's target
 * countries. A requirement weighs 3, field and country 2, region and industry 1. Ties keep the
 * receipt number order, so the same input always gives the same order.
 */
import { JLPT_LEVELS } from "../languages.ts";

export const FIT_CRITERIA = ["japanese", "english", "field", "country", "region", "industry"] as const;
export type FitCriterion = (typeof FIT_CRITERIA)[number];

const WEIGHT: Record<FitCriterion, number> = { japanese: 3, english: 3, field: 2, country: 2, region: 1, industry: 1 };

export interface FitPosition {
  fields: readonly string[];
  regionCode: string;
  jsicDivision: string;
  requiredJlptLevel: string | null;
  englishRequired: boolean;
  targetCountries: readonly string[];
}

export interface FitCandidate {
  id: string;
  code: string;
  nationality: string | null;
  preferredFields: readonly string[];
  preferredRegions: readonly string[];
  preferredIndustries: readonly string[];
  /** the best JLPT level the applicant holds (N1 highest), or null */
  jlptLevel: string | null;
  englishSelfLevel: string | null;
  hasEnglishTest: boolean;
}

export interface Fit {
  id: string;
  code: string;
  score: number;
  /** the most the position's criteria allow */
  maxScore: number;
  met: FitCriterion[];
  missed: FitCriterion[];
}

const jlptRank = (level: string | null): number => (level ? JLPT_LEVELS.indexOf(level as (typeof JLPT_LEVELS)[number]) : -1);

/** Which of the position's criteria the candidate meets and misses (criteria the position does not set are neither). */
export function fitOf(position: FitPosition, c: FitCandidate): Fit {
  const met: FitCriterion[] = [];
  const missed: FitCriterion[] = [];
  const judge = (criterion: FitCriterion, applies: boolean, ok: boolean) => {
    if (applies) (ok ? met : missed).push(criterion);
  };
  const required = jlptRank(position.requiredJlptLevel);
  const held = jlptRank(c.jlptLevel);
  judge("japanese", required >= 0, held >= 0 && held <= required);
  judge("english", position.englishRequired, c.hasEnglishTest || c.englishSelfLevel === "business" || c.englishSelfLevel === "fluent");
  judge(
    "field",
    position.fields.length > 0,
    position.fields.some((f) => c.preferredFields.includes(f)),
  );
  judge("country", position.targetCountries.length > 0, c.nationality !== null && position.targetCountries.includes(c.nationality));
  judge("region", c.preferredRegions.length > 0, c.preferredRegions.includes(position.regionCode));
  judge("industry", c.preferredIndustries.length > 0, c.preferredIndustries.includes(position.jsicDivision));
  const sum = (xs: FitCriterion[]) => xs.reduce((s, x) => s + WEIGHT[x], 0);
  return { id: c.id, code: c.code, score: sum(met), maxScore: sum(met) + sum(missed), met, missed };
}

/** The candidates ranked on fit, best first (score, then fewer missed requirements, then receipt number). */
export function rankByFit(position: FitPosition, candidates: readonly FitCandidate[]): Fit[] {
  const missedRequirements = (f: Fit) => f.missed.filter((m) => m === "japanese" || m === "english").length;
  return candidates
    .map((c) => fitOf(position, c))
    .sort((a, b) => b.score - a.score || missedRequirements(a) - missedRequirements(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
