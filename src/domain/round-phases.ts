/**
 * The program cycle of a round, as a state machine with explicit
 * preconditions per transition. Pure: the caller gathers the facts.
 *
 * draft → information_sessions → recruitment → screening → selection →
 * matching → internship → reporting → closed
 *
 * Only the next phase may be entered. A refusal lists every unmet
 * precondition as a code with parameters, to be localized by the caller.
 */

export const PHASES = ["draft", "information_sessions", "recruitment", "screening", "selection", "matching", "internship", "reporting", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const DEADLINE_KINDS = [
  "information_sessions_end",
  "application_close",
  "host_application_close",
  "screening_end",
  "selection_announce",
  "matching_close",
  "internship_start",
  "internship_end",
  "reporting_close",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface RoundFacts {
  phase: Phase;
  now: Date;
  deadlines: Partial<Record<DeadlineKind, Date>>;
  submittedApplications: number;
  acceptedHostApplications: number;
  selectionResultsFinal: boolean;
  matchingPublished: boolean;
  placements: number;
  /** Screening: reads each eligible application needs (the round's `k`) and how many applications have fewer submitted reads. */
  screeningReads: number;
  screeningShort: number;
}

export type Refusal =
  | { code: "not_next_phase"; from: Phase; to: Phase; next: Phase | null }
  | { code: "deadline_missing"; deadline: DeadlineKind }
  | { code: "deadline_not_passed"; deadline: DeadlineKind; at: Date }
  | { code: "deadline_passed"; deadline: DeadlineKind; at: Date }
  | { code: "no_submitted_applications" }
  | { code: "no_accepted_hosts" }
  | { code: "selection_not_final" }
  | { code: "matching_not_published" }
  | { code: "no_placements" }
  | { code: "screening_reads_missing"; applications: number; reads: number };

/** Refusals an operator may waive with a written reason (the transition's audit entry keeps the reason). */
export const WAIVABLE_REFUSALS = ["screening_reads_missing"] as const satisfies readonly Refusal["code"][];
export type WaivableRefusal = (typeof WAIVABLE_REFUSALS)[number];

export function isWaivable(refusal: Refusal): boolean {
  return (WAIVABLE_REFUSALS as readonly string[]).includes(refusal.code);
}

export type TransitionCheck = { ok: true } | { ok: false; refusals: Refusal[] };

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return PHASES[i + 1] ?? null;
}

/**
 * The one deadline boundary of the program: a deadline has passed from its
 * own instant on. Before it, what it closes is open; at it and after, closed.
 * (A deadline entered as 2027-05-31 23:59 Asia/Tokyo takes changes until
 * 23:58:59.999.) Every deadline uses it: applications, host applications,
 * a session's registration (closing when it starts), phase transitions.
 */
export function deadlinePassed(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

/** The phase in which a round takes applicants' applications (until application_close). */
export const APPLICATION_PHASE = "recruitment" satisfies Phase;

/** The phases in which a round takes host organizations' applications (until host_application_close). */
export const HOST_APPLICATION_PHASES = ["information_sessions", "recruitment"] as const satisfies readonly Phase[];

/** Whether a round takes applications now: in recruitment and before application_close (none set: open). */
export function takesApplications(round: { phase: string; applicationClose: Date | null }, now: Date): boolean {
  return round.phase === APPLICATION_PHASE && (round.applicationClose === null || !deadlinePassed(round.applicationClose, now));
}

/** Whether a round is in a phase that takes host applications (the deadline is checked per application: hostApplicationEditable). */
export function inHostApplicationPhase(phase: string): boolean {
  return (HOST_APPLICATION_PHASES as readonly string[]).includes(phase);
}

/** Precondition checks for entering each phase, given the round's facts. */
const ENTRY_RULES: Record<Phase, (f: RoundFacts) => Refusal[]> = {
  draft: () => [],
  information_sessions: (f) => [...required(f, "application_close"), ...required(f, "host_application_close")],
  recruitment: (f) => [...required(f, "application_close"), ...notPassed(f, "application_close")],
  screening: (f) => [...passed(f, "application_close"), ...(f.submittedApplications > 0 ? [] : [{ code: "no_submitted_applications" } as const])],
  selection: (f) => [
    ...required(f, "selection_announce"),
    ...(f.screeningShort > 0 ? [{ code: "screening_reads_missing", applications: f.screeningShort, reads: f.screeningReads } as const] : []),
  ],
  matching: (f) => [
    ...(f.selectionResultsFinal ? [] : [{ code: "selection_not_final" } as const]),
    ...(f.acceptedHostApplications > 0 ? [] : [{ code: "no_accepted_hosts" } as const]),
  ],
  internship: (f) => [
    ...(f.matchingPublished ? [] : [{ code: "matching_not_published" } as const]),
    ...(f.placements > 0 ? [] : [{ code: "no_placements" } as const]),
  ],
  reporting: (f) => passed(f, "internship_end"),
  closed: (f) => passed(f, "reporting_close"),
};

/**
 * Whether the round may enter `to`. With `waive` (the operator's override,
 * given with a reason) the waivable refusals (WAIVABLE_REFUSALS) no longer
 * block; every other one still does.
 */
export function checkTransition(facts: RoundFacts, to: Phase, waive = false): TransitionCheck {
  const next = nextPhase(facts.phase);
  if (to !== next) return { ok: false, refusals: [{ code: "not_next_phase", from: facts.phase, to, next }] };
  const refusals = ENTRY_RULES[to](facts).filter((r) => !waive || !isWaivable(r));
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}

function required(f: RoundFacts, deadline: DeadlineKind): Refusal[] {
  return f.deadlines[deadline] ? [] : [{ code: "deadline_missing", deadline }];
}

function passed(f: RoundFacts, deadline: DeadlineKind): Refusal[] {
  const at = f.deadlines[deadline];
  if (!at) return [{ code: "deadline_missing", deadline }];
  return deadlinePassed(at, f.now) ? [] : [{ code: "deadline_not_passed", deadline, at }];
}

function notPassed(f: RoundFacts, deadline: DeadlineKind): Refusal[] {
  const at = f.deadlines[deadline];
  if (!at) return [];
  return deadlinePassed(at, f.now) ? [{ code: "deadline_passed", deadline, at }] : [];
}
