/**
 * A selected applicant declines their place before matching (issue 14). Their
 * application is withdrawn (status history), and the place goes to the first
 * person on the waiting list who fits the quotas (src/domain/selection/
 * waiting-list.ts `nextOffer`): their status becomes "selected", their
 * decision records the promotion, and they are told in their language. Who
 * was passed over, and why, is in the audit entry.
 */
import { z } from "zod";
import { nextOffer } from "../../domain/selection/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { optionalText } from "../fields.ts";
import { applicantOf } from "../interviews/interview-mail.ts";
import { parseInput } from "../validation.ts";
import { loadCandidates, roundSettings } from "./selection-board-data.ts";
import { promotedMail } from "./selection-mail.ts";

const schema = z.object({ reason: optionalText(1000) });

export async function declineSelectedPlace(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ promoted: string | null }> {
  const who = authorize(actor, "application.manage");
  const input = parseInput(schema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("applications")
      .select(["id", "round_id", "status"])
      .where("applicant_user_id", "=", who.userId)
      .where("status", "=", "selected")
      .orderBy("created_at", "desc")
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw new RefusedError("interviews.refusals", [{ code: "not_selected" }]);
    const round = await roundSettings(trx, app.round_id, true);
    if (!round || !round.selection_results_final || round.phase !== "selection") throw new RefusedError("interviews.refusals", [{ code: "decline_closed" }]);
    const now = ctx.clock();
    await trx.updateTable("applications").set({ status: "withdrawn", withdrawn_reason: input.reason, updated_at: now }).where("id", "=", app.id).execute();
    await trx
      .insertInto("application_status_history")
      .values({ application_id: app.id, from_status: "selected", to_status: "withdrawn", reason: "declined_place", changed_by: who.userId, changed_at: now })
      .execute();
    await writeAudit(trx, who, { action: "selection.place_declined", entityType: "application", entityId: app.id, after: { reason: input.reason } });

    const candidates = await loadCandidates(trx, app.round_id);
    const attrs = (c: (typeof candidates)[number]) => ({ id: c.id, attributes: { nationality: c.nationality, field: c.field } });
    const holders = candidates.filter((c) => c.status === "selected").map(attrs);
    const waiting = candidates
      .filter((c) => c.status === "waitlisted")
      .sort((a, b) => (a.waitlistRank ?? 1e9) - (b.waitlistRank ?? 1e9))
      .map(attrs);
    const offer = nextOffer({ holders, waiting, places: round.intern_capacity, quotas: round.quotas });
    if (!offer.ok || !offer.offer) {
      await writeAudit(trx, null, {
        action: "selection.no_promotion",
        entityType: "round",
        entityId: app.round_id,
        after: offer.ok ? { freePlaces: offer.freePlaces, passedOver: offer.passedOver } : { issues: offer.issues },
      });
      return { promoted: null };
    }
    const promoted = offer.offer.id;
    await trx.updateTable("applications").set({ status: "selected", updated_at: now }).where("id", "=", promoted).execute();
    await trx
      .insertInto("application_status_history")
      .values({
        application_id: promoted,
        from_status: "waitlisted",
        to_status: "selected",
        reason: "promoted_from_waiting_list",
        changed_by: null,
        changed_at: now,
      })
      .execute();
    await trx
      .updateTable("selection_decisions")
      .set({ decision: "selected", reason: "promoted_from_waiting_list", decided_at: now, notified_at: now })
      .where("application_id", "=", promoted)
      .execute();
    const person = await applicantOf(trx, promoted);
    if (person) await ctx.mailer.queue(promotedMail(ctx, person), trx);
    await writeAudit(trx, null, {
      action: "selection.promoted",
      entityType: "application",
      entityId: promoted,
      after: { freedBy: app.id, waitingListPosition: offer.offer.position, passedOver: offer.passedOver },
    });
    return { promoted };
  });
}
