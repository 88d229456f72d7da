/**
 * The office-shortlist mode of the matching (issue 15, ADR 0037), as pure rules.
 *
 * - A round's matching mode: `open_ranking` (an applicant ranks any position; a position's
 *   shortlist is who listed it) or `office_shortlist` (the program office records a shortlist per
 *   position; both sides rank within it only).
 * - The mode is chosen before ranking opens: once any rank list of the round is saved, or the
 *   round is past the matching phase, it is locked.
 * - The shortlist form starts from the fit suggestion: the best-fitting candidates, as many as
 *   `suggestedShortlistSize` for the position's places.
 */

import type { Phase } from "../round-phases.ts";

export const MATCHING_MODES = ["open_ranking", "office_shortlist"] as const;
export type MatchingMode = (typeof MATCHING_MODES)[number];

export function isMatchingMode(x: unknown): x is MatchingMode {
  return typeof x === "string" && (MATCHING_MODES as readonly string[]).includes(x);
}

/** Phases in which the mode may still be chosen (before and during matching, while no list is saved). */
export const MODE_SETTABLE_PHASES = ["draft", "information_sessions", "recruitment", "screening", "selection", "matching"] as const satisfies readonly Phase[];

export type ModeLock = { readonly code: "mode_locked"; readonly rankLists: number } | { readonly code: "mode_phase_over"; readonly phase: string };

/** Why the mode cannot change now (null = it can). */
export function modeLock(round: { readonly phase: string; readonly rankListsSaved: number }): ModeLock | null {
  if (!(MODE_SETTABLE_PHASES as readonly string[]).includes(round.phase)) return { code: "mode_phase_over", phase: round.phase };
  if (round.rankListsSaved > 0) return { code: "mode_locked", rankLists: round.rankListsSaved };
  return null;
}

/** How many candidates the shortlist form ticks from the suggestion: three per place, at least five. */
export function suggestedShortlistSize(capacity: number): number {
  return Math.max(5, 3 * Math.max(1, capacity));
}

/**
 * The candidates ticked when the operator opens the shortlist form: the saved shortlist if there
 * is one, else the top of the fit ranking, in its order.
 */
export function prefilledShortlist(ranked: readonly { readonly id: string }[], saved: readonly string[], capacity: number): string[] {
  if (saved.length > 0) return [...saved];
  return ranked.slice(0, suggestedShortlistSize(capacity)).map((c) => c.id);
}

/** Entries of a list that are not on the allowed set (the pairs a shortlist rules out). */
export function outsideShortlist(ranked: readonly string[], allowed: readonly string[]): string[] {
  const ok = new Set(allowed);
  return ranked.filter((x) => !ok.has(x));
}
