/**
 * The operator sets how many days a waiting-list offer stays open (issue 14,
 * ADR 0033): `rounds.selection_offer_days`, 1 to 60. Allowed after the
 * results are final, since offers are made then; an offer already made keeps
 * its deadline. Audited as `selection.offer_days_updated`.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";

export const OFFER_DAYS = { min: 1, max: 60 } as const;

const schema = z.object({ offerDays: typedWholeNumber(OFFER_DAYS.min, OFFER_DAYS.max) });

export async function updateSelectionOfferDays(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "selection.decide");
  const input = parseInput(schema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select(["id", "selection_offer_days"]).where("id", "=", roundId).forUpdate().executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    if (round.selection_offer_days === input.offerDays) return;
    await trx.updateTable("rounds").set({ selection_offer_days: input.offerDays, updated_at: ctx.clock() }).where("id", "=", roundId).execute();
    await writeAudit(trx, who, {
      action: "selection.offer_days_updated",
      entityType: "round",
      entityId: roundId,
      before: { offerDays: round.selection_offer_days },
      after: { offerDays: input.offerDays },
    });
  });
}
