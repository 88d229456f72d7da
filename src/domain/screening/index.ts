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
