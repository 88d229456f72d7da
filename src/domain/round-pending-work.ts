import type { Phase } from "./round-phases.ts";

/**
 * The work an operator still has to do in a round, by kind, and which kinds the round page
 * lists in each phase. Each kind is counted by src/services/rounds/pending-work.ts.
 */
export const PENDING_WORK_KINDS = [
  "hostApplicationsUndecided",
  "eligibilityUndecided",
  "readsUnassigned",
  "readsOutstanding",
  "selectionUndecided",
  "offersUnsettled",
  "incidentsOpen",
] as const;
export type PendingWorkKind = (typeof PENDING_WORK_KINDS)[number];

export const PENDING_WORK_BY_PHASE: Record<Phase, readonly PendingWorkKind[]> = {
  draft: [],
  information_sessions: ["hostApplicationsUndecided"],
  recruitment: ["hostApplicationsUndecided", "eligibilityUndecided"],
  screening: ["hostApplicationsUndecided", "eligibilityUndecided", "readsUnassigned", "readsOutstanding"],
  selection: ["selectionUndecided"],
  matching: ["offersUnsettled"],
  internship: ["incidentsOpen"],
  reporting: ["incidentsOpen"],
  closed: [],
};

export interface PendingWork {
  kind: PendingWorkKind;
  count: number;
}

/** The phase's kinds of work with something left to do, in their fixed order. */
export function pendingWorkOf(phase: Phase, counts: Partial<Record<PendingWorkKind, number>>): PendingWork[] {
  return PENDING_WORK_BY_PHASE[phase].map((kind) => ({ kind, count: counts[kind] ?? 0 })).filter((w) => w.count > 0);
}
