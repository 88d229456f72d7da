/**
 * What an interviewer scores at a selection interview (issue 14): each
 * criterion from 1 (weak) to 5 (excellent). The interview's score is the mean
 * of its criteria; the committee's ranking reads it on the scale 1–5
 * (src/domain/selection/ranking.ts). Attendance: held, no-show, cancelled.
 */
export const INTERVIEW_CRITERIA = ["motivation", "communication", "japanese", "fit"] as const;
export type InterviewCriterion = (typeof INTERVIEW_CRITERIA)[number];

export const INTERVIEW_SCORE = { min: 1, max: 5 } as const;

/** The interview stages of the selection (hosts' interviews are "host", issue 15). */
export const SELECTION_STAGES = ["first", "second"] as const;
export type SelectionStage = (typeof SELECTION_STAGES)[number];
/** Stages an interview slot may have: the selection's, and `host` for a host's interview in matching (ADR 0037). */
export const SLOT_STAGES = [...SELECTION_STAGES, "host"] as const;

/** What the interviewer records: held (with scores), no-show, cancelled. Stored in interviews.status as done / no_show / cancelled. */
export const INTERVIEW_ATTENDANCE = ["done", "no_show", "cancelled"] as const;
export type InterviewAttendance = (typeof INTERVIEW_ATTENDANCE)[number];

/** The mean of the criteria's scores, or null when none is recorded. */
export function interviewScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** The decisions the committee takes (selection_decisions.decision). */
export const SELECTION_DECISIONS = ["selected", "waitlisted", "rejected"] as const;
export type SelectionDecision = (typeof SELECTION_DECISIONS)[number];
