/**
 * Languages in the program: JLPT levels (N1 highest), the English tests and
 * self-declared English levels an applicant may give, the languages a host
 * works in, and what a position requires (a JLPT level or English).
 */
export const JLPT_LEVELS = ["N1", "N2", "N3", "N4", "N5"] as const;
export type JlptLevel = (typeof JLPT_LEVELS)[number];

/** A JLPT level's rank: 1 for N1 (highest) … 5 for N5; unknown levels rank below every real one. */
export function jlptRank(level: string): number {
  const i = (JLPT_LEVELS as readonly string[]).indexOf(level);
  return i === -1 ? Number.POSITIVE_INFINITY : i + 1;
}

/** Whether `level` is at `min` or higher (N2 meets N3; N4 does not); an unknown level or minimum meets nothing. */
export function jlptMeets(level: string, min: string): boolean {
  const [l, m] = [jlptRank(level), jlptRank(min)];
  return Number.isFinite(l) && Number.isFinite(m) && l <= m;
}

export const ENGLISH_TESTS = ["toeic_lr", "ielts", "toefl_ibt", "cambridge", "other"] as const;

export const ENGLISH_SELF_LEVELS = ["basic", "conversational", "business", "fluent"] as const;
export type EnglishSelfLevel = (typeof ENGLISH_SELF_LEVELS)[number];

/** The languages a host organization works in. */
export const WORK_LANGUAGES = ["ja", "en", "zh", "ko", "vi", "id", "th", "es", "pt", "fr", "other"] as const;

/** What a position requires: a minimum JLPT level, or English. */
export const POSITION_LANGUAGES = [...JLPT_LEVELS, "english"] as const;
