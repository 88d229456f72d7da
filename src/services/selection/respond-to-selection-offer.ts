/**
 * The applicant answers the place offered to them from the waiting list
 * (issue 14, ADR 0033), before its deadline. Accepting makes them selected
 * (status history, their decision records the promotion, a confirmation
 * e-mail); declining withdraws their application and the place is offered to
 * the next person on the list (./offer-free-places.ts). After the deadline
 * the offer has lapsed (the expiry job passes the place on): refused.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { applicantOf } from "../interviews/interview-mail.ts";
import { parseInput } from "../validation.ts";
import { offerFreePlaces } from "./offer-free-places.ts";
import { promotedMail } from "./selection-mail.ts";

const schema = z.object({ answer: z.enum(["accept", "decline"], { error: "errors.required" }) });

export async function respondToSelectionOffer(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: unknown,
): Promise<{ answer: "accept" | "decline"; offeredNext: string | null }> {
  const who = authorize(actor, "application.manage");
  const { answer } = parseInput(schema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("applications")
      .select(["id", "round_id", "status"])
      .where("applicant_user_id", "=", who.userId)
      .where("status", "=", "waitlisted")
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    if (!app) throw new RefusedError("selectionOffers.refusals", [{ code: "no_offer" }]);
    // the round first, then the offer: the same order as the expiry job and a withdrawal, so they queue instead of deadlocking
    await trx.selectFrom("rounds").select("id").where("id", "=", app.round_id).forUpdate().executeTakeFirst();
    const offer = await trx
      .selectFrom("selection_offers")
      .selectAll()
      .where("application_id", "=", app.id)
      .orderBy("offered_at", "desc")
      .forUpdate()
      .executeTakeFirst();
    if (!offer || offer.status === "declined" || offer.status === "accepted") throw new RefusedError("selectionOffers.refusals", [{ code: "no_offer" }]);
    const now = ctx.clock();
    if (offer.status === "expired" || offer.expires_at.getTime() <= now.getTime())
      throw new RefusedError("selectionOffers.refusals", [{ code: "offer_expired", deadline: offer.expires_at }]);
    const round = await trx.selectFrom("rounds").select(["phase"]).where("id", "=", app.round_id).executeTakeFirstOrThrow();
    if (round.phase !== "selection") throw new RefusedError("selectionOffers.refusals", [{ code: "offer_closed" }]);

    await trx
      .updateTable("selection_offers")
      .set({ status: answer === "accept" ? "accepted" : "declined", responded_at: now })
      .where("id", "=", offer.id)
      .execute();
    if (answer === "accept") {
      await trx.updateTable("applications").set({ status: "selected", updated_at: now }).where("id", "=", app.id).execute();
      await trx
        .insertInto("application_status_history")
        .values({
          application_id: app.id,
          from_status: "waitlisted",
          to_status: "selected",
          reason: "promoted_from_waiting_list",
          changed_by: who.userId,
          changed_at: now,
        })
        .execute();
      await trx
        .updateTable("selection_decisions")
        .set({ decision: "selected", reason: "promoted_from_waiting_list", decided_at: now, notified_at: now })
        .where("application_id", "=", app.id)
        .execute();
      const person = await applicantOf(trx, app.id);
      if (person) await ctx.mailer.queue(promotedMail(ctx, person), trx);
      await writeAudit(trx, who, { action: "selection.offer_accepted", entityType: "application", entityId: app.id, after: { offerId: offer.id } });
      return { answer, offeredNext: null };
    }
    await trx.updateTable("applications").set({ status: "withdrawn", withdrawn_reason: "declined_offer", updated_at: now }).where("id", "=", app.id).execute();
    await trx
      .insertInto("application_status_history")
      .values({ application_id: app.id, from_status: "waitlisted", to_status: "withdrawn", reason: "declined_offer", changed_by: who.userId, changed_at: now })
      .execute();
    await writeAudit(trx, who, { action: "selection.offer_declined", entityType: "application", entityId: app.id, after: { offerId: offer.id } });
    const next = await offerFreePlaces(ctx, trx, null, app.round_id, app.id);
    return { answer, offeredNext: next[0] ?? null };
  });
}
