/**
 * Committee selection (issue #14, ADR 0013). Pure: no I/O.
 *
 *   rankCandidates(rules, scored)        combined score from document and interview scores, deterministic order
 *   parseQuotas(text) / formatQuotas     the quota language ("max 66 per nationality", "min 5 region = africa")
 *   selectWithQuotas({ candidates, places, quotas })
 *                                        fill the places in rank order subject to the quotas; why each candidate is not selected;
 *                                        which minimums cannot be met and by how much
 *   suggestWaitingList(selection, n)     the candidates not selected, in rank order
 *   nextOffer({ holders, waiting, places, quotas })
 *                                        who on the waiting list is offered a freed place
 *
 * Interview slots, booking rules and calendar files are in ../interviews/.
 */
export { rankCandidates, validateRankingRules } from "./ranking.ts";
export type {
  ComponentScore,
  MissingScoreRule,
  RankedCandidate,
  RankingExclusion,
  RankingResult,
  RankingRules,
  RankingRulesIssue,
  ScoreComponent,
  ScoredCandidate,
  TieBreakRule,
} from "./ranking.ts";
export { formatQuotaRule, formatQuotas, parseQuotas, validateQuotaRules } from "./quota-language.ts";
export type { QuotaParseIssue, QuotaParseResult, QuotaRule, QuotaRuleIssue } from "./quota-language.ts";
export { expandQuotas, inGroup } from "./quota-groups.ts";
export type { Candidate, QuotaRef } from "./quota-groups.ts";
export { selectWithQuotas } from "./select.ts";
export type {
  HeldMaximum,
  HeldMinimum,
  NotSelectedCandidate,
  QuotaOutcome,
  SelectedCandidate,
  Selection,
  SelectionInput,
  SelectionIssue,
  SelectionResult,
  Shortfall,
  SkipReason,
} from "./select.ts";
export { nextOffer, suggestWaitingList } from "./waiting-list.ts";
export type { NextOffer, NextOfferInput, PassedOver, PassOverReason } from "./waiting-list.ts";
