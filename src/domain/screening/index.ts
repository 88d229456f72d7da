/**
 * Document screening, pure domain (no I/O). The public API, in the order a
 * screening round uses it:
 *
 * Conflicts of interest (affiliation-normalize.ts, affiliation-conflicts.ts)
 *   buildAffiliationMatcher(aliases: AffiliationAlias[]): AffiliationMatcher
 *   affiliationConflicts(reviewers: {id, affiliations}[], applications: {id, organizations}[], matcher): AffiliationConflict[]
 *   affiliationMatches(reviewerAffiliations, applicationOrganizations, matcher): AffiliationMatch[]   (one pair, with evidence)
 *   normalizeAffiliation(name): string, affiliationKeys(name): string[]   (the keys compared)
 *
 * Review assignment (ADR 0011)
 *   validateAssignmentInstance(input: unknown): {ok: true, instance} | {ok: false, error}
 *   assignReviewers(instance: AssignmentInstance): AssignmentResult
 *     → {status: "assigned", assignments, released, loads, objective, summary, check}
 *     | {status: "infeasible", infeasibility, released}   (no assignment: write nothing)
 *   checkAssignment(instance, pairs: {application, reviewer}[]): AssignmentCheck   (independent of the solver)
 *
 * Rubric scoring
 *   validateRubric(rubric): RubricProblem[]
 *   validateScores(rubric, scores, {complete?}): ScoreProblem[]   (complete: false for drafts)
 *   rubricTotal(rubric, scores): {ok: true, total, mean, minTotal, maxTotal} | {ok: false, problems}
 *
 * Severity normalization and ranking (ADR 0012)
 *   validateNormalizationInput(scores: ScoreInput[], {disagreementThreshold}): NormalizationInputProblem[]
 *   normalizeSeverity(scores, {disagreementThreshold}): NormalizationResult
 *     → reviewers (count, mean, sd, severity, standardError), applications (scores, normalizedScore,
 *       disagreement, flagged), components, residualSd, needsAnotherRead
 *   rankApplications(entries: {application, normalizedScore, rawMean, reads}[]): RankedApplication[]
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
