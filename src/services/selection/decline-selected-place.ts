/**
 * A selected applicant declines their place before matching (issue 14). Their
 * application is withdrawn (status history), and the place is offered to the
 * first person on the waiting list who fits the quotas (./offer-free-places.ts,
 * ADR 0033): they accept or decline it by a deadline. Who was passed over, and
 * why, is in the audit entry. `promoted` is the application offered the place.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { optionalText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { offerFreePlaces } from "./offer-free-places.ts";
import { roundSettings } from "./selection-board-data.ts";

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

    const offered = await offerFreePlaces(ctx, trx, null, app.round_id, app.id);
    const promoted = offered[0] ?? null;
    return { promoted };
  });
}
