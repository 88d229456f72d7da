/** A reviewer's overall recommendation on an application (review_assignments.recommendation). */
export const RECOMMENDATIONS = ["strongly_recommend", "recommend", "neutral", "not_recommend"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Languages a reviewer may declare reading (the platform's six). */
export const REVIEW_LANGUAGES = ["ja", "en", "vi", "id", "zh", "th"] as const;

/** Reads per application when the round sets none. */
export const DEFAULT_READS = 2;
