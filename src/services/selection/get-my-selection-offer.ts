/**
 * The place offered to the applicant from the waiting list (issue 14, ADR
 * 0033): its deadline and state (open, accepted, declined, lapsed), or null
 * when they were never offered one.
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export async function getMySelectionOffer(ctx: ServiceContext, actor: Actor | null) {
  const who = authorize(actor, "application.manage");
  const row = await ctx.db
    .selectFrom("selection_offers as o")
    .innerJoin("applications as a", "a.id", "o.application_id")
    .select(["o.id", "o.status", "o.offered_at", "o.expires_at", "o.responded_at"])
    .where("a.applicant_user_id", "=", who.userId)
    .orderBy("o.offered_at", "desc")
    .executeTakeFirst();
  if (!row) return null;
  const lapsed = row.status === "expired" || (row.status === "open" && row.expires_at.getTime() <= ctx.clock().getTime());
  return {
    status: (lapsed ? "expired" : row.status) as "open" | "accepted" | "declined" | "expired",
    offeredAt: row.offered_at,
    expiresAt: row.expires_at,
    respondedAt: row.responded_at,
  };
}
