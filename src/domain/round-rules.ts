/**
 * Editing a round (issue 19, ADR 0025): when its eligibility rules are locked,
 * which deadline changes are announced and to whom, and the score scales of
 * the accepted language tests. Pure; the use cases in src/services/rounds/
 * apply these.
 */
import type { DeadlineKind, Phase } from "./round-phases.ts";

/**
 * The eligibility rules are locked from the first submitted application on
 * (withdrawn ones count: they were judged under those rules). Deadlines stay editable.
 */
export function rulesLocked(everSubmitted: number): boolean {
  return everSubmitted > 0;
}

/** A round is "open" (public) from the information-session phase on: deadline changes from then on are announced. */
export function announcesDeadlineChanges(phase: Phase): boolean {
  return phase !== "draft";
}

export type Audience = "applicants" | "hosts";

/** Who is affected by a change of each deadline. */
export const DEADLINE_AUDIENCES: Record<DeadlineKind, readonly Audience[]> = {
  information_sessions_end: ["applicants", "hosts"],
  application_close: ["applicants"],
  host_application_close: ["hosts"],
  screening_end: ["applicants"],
  selection_announce: ["applicants"],
  matching_close: ["applicants", "hosts"],
  internship_start: ["applicants", "hosts"],
  internship_end: ["applicants", "hosts"],
  reporting_close: ["applicants", "hosts"],
};

export interface DeadlineChange {
  kind: DeadlineKind;
  from: Date | null;
  to: Date | null;
}

/** The deadlines whose instant differs between `before` and `after` (set, moved or cleared), in `kinds` order. */
export function deadlineChanges(
  kinds: readonly DeadlineKind[],
  before: Partial<Record<DeadlineKind, Date | null>>,
  after: Partial<Record<DeadlineKind, Date | null>>,
): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  for (const kind of kinds) {
    const from = before[kind] ?? null;
    const to = after[kind] ?? null;
    if ((from?.getTime() ?? null) !== (to?.getTime() ?? null)) changes.push({ kind, from, to });
  }
  return changes;
}

/** The audiences to tell about a set of changes. */
export function audiencesOf(changes: readonly DeadlineChange[]): Audience[] {
  const out = new Set<Audience>();
  for (const c of changes) for (const a of DEADLINE_AUDIENCES[c.kind]) out.add(a);
  return [...out].sort();
}

export interface ScoreScale {
  min: number;
  max: number;
}

/** A score is possible on its test's scale (an IELTS band of 785 is not). */
export function scoreOnScale(score: number, scale: ScoreScale): boolean {
  return Number.isFinite(score) && score >= scale.min && score <= scale.max;
}
