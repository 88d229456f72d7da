/**
 * What the applicant's status page says about the selection (issue 14): once
 * the round's results are final, their decision (selected; on the waiting
 * list with their position; not selected) and whether they may still decline
 * a place, and a place offered to them from the waiting list. Nothing before
 * the results are final.
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { getMySelectionOffer } from "./get-my-selection-offer.ts";

export async function getMySelectionOutcome(ctx: ServiceContext, actor: Actor | null) {
  const who = authorize(actor, "application.manage");
  const row = await ctx.db
    .selectFrom("applications as a")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .leftJoin("selection_decisions as d", "d.application_id", "a.id")
    .select(["a.status", "r.selection_results_final", "r.phase", "d.decision", "d.waitlist_rank", "d.reason"])
    .where("a.applicant_user_id", "=", who.userId)
    .where("a.status", "!=", "draft")
    .orderBy("a.created_at", "desc")
    .executeTakeFirst();
  if (!row || !row.selection_results_final || !row.decision) return null;
  const promoted = row.reason === "promoted_from_waiting_list";
  const shown = row.status === "withdrawn" ? "withdrawn" : row.decision;
  // a place offered from the waiting list (ADR 0033): its deadline, or how it ended
  const offer = row.decision === "waitlisted" || promoted ? await getMySelectionOffer(ctx, actor) : null;
  return {
    outcome: shown as "selected" | "waitlisted" | "rejected" | "withdrawn",
    waitlistPosition: row.decision === "waitlisted" ? row.waitlist_rank : null,
    promoted,
    canDecline: row.status === "selected" && row.phase === "selection",
    offer: offer ? { status: offer.status, expiresAt: offer.expiresAt } : null,
  };
}
