/**
 * Where a case study stands and who may move it:
 *
 *   draft ──submit (host)──▶ in_review ──approve (operator)──▶ approved ──publish──▶ published ⇄ withdrawn
 *     ▲                        │  ▲                              │                     │
 *     └── changes_requested ◀──┘  └──────── submit (host) ───────┘◀── return ──────────┘ (operator)
 *
 * The host edits only a draft or a case returned for changes; the operator
 * edits at any time (after publication the public keeps the published copy
 * until the operator publishes again).
 */
export const CASE_STATUSES = ["draft", "in_review", "changes_requested", "approved", "published", "withdrawn"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function isCaseStatus(v: unknown): v is CaseStatus {
  return typeof v === "string" && (CASE_STATUSES as readonly string[]).includes(v);
}

export function hostMayEdit(status: string): boolean {
  return status === "draft" || status === "changes_requested";
}

export function hostMaySubmit(status: string): boolean {
  return hostMayEdit(status);
}

export function operatorMayReturn(status: string): boolean {
  return status === "in_review" || status === "approved";
}

export function operatorMayApprove(status: string): boolean {
  return status === "in_review";
}

export function operatorMayPublish(status: string): boolean {
  return status === "approved" || status === "published" || status === "withdrawn";
}

export function operatorMayWithdraw(status: string): boolean {
  return status === "published";
}

/** How the operator's dashboard groups statuses: being written, waiting for the office, public. */
export function dashboardGroup(status: string): "draft" | "inReview" | "published" | "withdrawn" {
  if (status === "draft" || status === "changes_requested") return "draft";
  if (status === "in_review" || status === "approved") return "inReview";
  if (status === "published") return "published";
  return "withdrawn";
}
