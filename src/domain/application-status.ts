/**
 * An application's statuses, from draft to the end of the internship, and
 * "anonymized" for what remains after the applicant deleted their account.
 */
export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "withdrawn",
  "under_review",
  "interview",
  "selected",
  "waitlisted",
  "rejected",
  "matched",
  "placed",
  "completed",
  "anonymized",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses from which an applicant may still withdraw: before the selection decision. */
export const WITHDRAWABLE_STATUSES = ["draft", "submitted", "under_review", "interview"] as const satisfies readonly ApplicationStatus[];

export function isWithdrawable(status: string): boolean {
  return (WITHDRAWABLE_STATUSES as readonly string[]).includes(status);
}
