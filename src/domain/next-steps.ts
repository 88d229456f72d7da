/**
 * What comes next for an applicant, and when (issue 19 item 10): shown on the
 * receipt page, in the receipt e-mail and on the status page. The date is the
 * round's own deadline for that step, or none when the round has not set it.
 */
import type { DeadlineKind } from "./round-phases.ts";

export const NEXT_STEPS = ["screening", "selection", "matching", "waitlist", "internship_start", "internship_end"] as const;
export type NextStepCode = (typeof NEXT_STEPS)[number];

export interface NextStep {
  code: NextStepCode;
  /** The deadline the step ends (or starts) by; null when the round has not set it. */
  at: Date | null;
}

const BY_STATUS: Partial<Record<string, { code: NextStepCode; deadline: DeadlineKind }>> = {
  submitted: { code: "screening", deadline: "screening_end" },
  under_review: { code: "screening", deadline: "screening_end" },
  interview: { code: "selection", deadline: "selection_announce" },
  selected: { code: "matching", deadline: "matching_close" },
  waitlisted: { code: "waitlist", deadline: "matching_close" },
  matched: { code: "internship_start", deadline: "internship_start" },
  placed: { code: "internship_end", deadline: "internship_end" },
};

/** The next step for an application in `status`, or null when nothing more comes (draft, withdrawn, not selected, completed). */
export function nextStepFor(status: string, deadlines: Partial<Record<DeadlineKind, Date>>): NextStep | null {
  const step = BY_STATUS[status];
  if (!step) return null;
  return { code: step.code, at: deadlines[step.deadline] ?? null };
}
