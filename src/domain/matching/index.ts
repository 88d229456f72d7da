/**
 * Matching engine entry point: solve(instance, { proposing, explain }) runs
 * deferred acceptance (or flexible deferred acceptance when regional caps are
 * given), verifies the result with the independent verifier and optionally
 * explains it. Pure: no I/O.
 */
import { applicantProposingDA, hostProposingDA } from "./deferred-acceptance.ts";
import { explainMatching } from "./explain.ts";
import { flexibleDeferredAcceptance } from "./flexible-deferred-acceptance.ts";
import { type InstanceIndex, buildInstanceIndex } from "./instance-index.ts";
import type { Assignment, MatchingInstance, MatchingResult, Proposing } from "./types.ts";
import { verifyMatching } from "./verify.ts";

export type * from "./types.ts";
export { validateInstance, type ValidationResult } from "./validate-instance.ts";
export { verifyMatching } from "./verify.ts";

export interface SolveOptions {
  /** default "applicants" */
  readonly proposing?: Proposing;
  /** include explanations (default false) */
  readonly explain?: boolean;
}

export class UnsupportedOptionError extends Error {}

/**
 * Precondition: `instance` is valid (see validateInstance). `index`: the instance's index, when
 * validateInstance already built it (it is built here otherwise).
 */
export function solve(instance: MatchingInstance, options: SolveOptions = {}, index?: InstanceIndex): MatchingResult {
  const proposing = options.proposing ?? "applicants";
  const ix = index ?? buildInstanceIndex(instance);
  let match: Int32Array;
  if (ix.hasCaps) {
    if (proposing === "hosts") {
      throw new UnsupportedOptionError('proposing: "hosts" is not supported together with regionCaps (see ADR 0005)');
    }
    match = flexibleDeferredAcceptance(ix);
  } else {
    match = proposing === "hosts" ? hostProposingDA(ix) : applicantProposingDA(ix);
  }
  const { assignments, unmatched } = toAssignments(ix.applicantIds, ix.hostIds, match);
  const verification = verifyMatching(instance, assignments, unmatched);
  const result: MatchingResult = { assignments, unmatched, verification };
  return options.explain ? { ...result, explanations: explainMatching(ix, match) } : result;
}

function toAssignments(applicantIds: readonly string[], hostIds: readonly string[], match: Int32Array): { assignments: Assignment[]; unmatched: string[] } {
  const order = Array.from(applicantIds.keys()).sort((x, y) => {
    const a = applicantIds[x]!;
    const b = applicantIds[y]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const assignments: Assignment[] = [];
  const unmatched: string[] = [];
  for (const a of order) {
    const h = match[a]!;
    if (h >= 0) assignments.push({ applicant: applicantIds[a]!, host: hostIds[h]! });
    else unmatched.push(applicantIds[a]!);
  }
  return { assignments, unmatched };
}
