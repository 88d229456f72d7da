/**
 * The end-of-internship evaluation surveys (issue 16): fixed question codes
 * that the yearly report reads (src/domain/report/types.ts). Both sides
 * answer whether the match fit and their overall satisfaction; the host also
 * rates the intern's Japanese and English. Every question is a choice among
 * fixed answer codes; a free comment is optional.
 */
import { ENGLISH_LEVELS, JAPANESE_LEVELS, MATCH_FIT_ANSWERS, SATISFACTION_ANSWERS } from "../report/types.ts";

export type SurveyAudience = "intern" | "host";
export const SURVEY_AUDIENCES: readonly SurveyAudience[] = ["intern", "host"];

export interface SurveyQuestion {
  readonly code: "match_fit" | "overall_satisfaction" | "intern_japanese_level" | "intern_english_level";
  readonly answers: readonly string[];
}

const MATCH_FIT: SurveyQuestion = { code: "match_fit", answers: MATCH_FIT_ANSWERS };
const SATISFACTION: SurveyQuestion = { code: "overall_satisfaction", answers: SATISFACTION_ANSWERS };

export const SURVEY_QUESTIONS: { readonly [A in SurveyAudience]: readonly SurveyQuestion[] } = {
  intern: [MATCH_FIT, SATISFACTION],
  host: [MATCH_FIT, SATISFACTION, { code: "intern_japanese_level", answers: JAPANESE_LEVELS }, { code: "intern_english_level", answers: ENGLISH_LEVELS }],
};

/**
 * What of a survey response outlives the erasure of the respondent's personal data (ADR 0041): the
 * answers to the fixed questions, each one of its codes (the yearly report counts them). The free
 * comment and anything else go.
 */
export function codedSurveyAnswers(audience: SurveyAudience, answers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!answers || typeof answers !== "object") return out;
  const a = answers as Record<string, unknown>;
  for (const q of SURVEY_QUESTIONS[audience]) {
    const v = a[q.code];
    if (typeof v === "string" && q.answers.includes(v)) out[q.code] = v;
  }
  return out;
}

/** Longest free comment, in characters. */
export const SURVEY_COMMENT_MAX = 2000;

/** Incidents during the internship (issue 16): what kind, and how severe. */
export const INCIDENT_CATEGORIES = ["health", "safety", "conduct", "work", "housing"] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_SEVERITIES = ["low", "medium", "high"] as const;
