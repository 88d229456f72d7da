/**
 * Document screening, pure domain (no I/O).
 */
export { affiliationKeys, normalizeAffiliation } from "./affiliation-normalize.ts";
export {
  affiliationConflicts,
  affiliationMatches,
  buildAffiliationMatcher,
  type AffiliationAlias,
  type AffiliationConflict,
  type AffiliationMatch,
  type AffiliationMatcher,
} from "./affiliation-conflicts.ts";
export type * from "./assignment-types.ts";
export { DEFAULT_ASSIGNMENT_WEIGHTS } from "./assignment-types.ts";
export { validateAssignmentInstance, MAX_READS, MAX_WEIGHT, type AssignmentValidation } from "./validate-assignment-instance.ts";
export { assignReviewers } from "./assign-reviewers.ts";
export { checkAssignment } from "./check-assignment.ts";
export {
  rubricTotal,
  scaleValues,
  validateRubric,
  validateScores,
  type CriterionScore,
  type Rubric,
  type RubricCriterion,
  type RubricProblem,
  type RubricScale,
  type RubricTotal,
  type ScoreProblem,
} from "./rubric.ts";
export {
  normalizeSeverity,
  validateNormalizationInput,
  type ApplicationNormalization,
  type DesignComponent,
  type NormalizationInputProblem,
  type NormalizationOptions,
  type NormalizationResult,
  type ReviewerStatistics,
  type ScoreInput,
} from "./severity-normalization.ts";
export { rankApplications, type RankedApplication, type RankingInput } from "./ranking.ts";
