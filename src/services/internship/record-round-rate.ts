import { z } from "zod";
import { DAILY_ITEMS, RATE_ITEMS, type RateChange, checkRateChange } from "../../domain/internship/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { isoDate, requiredText, typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadRoundLedger } from "./allowance-data.ts";

const schema = z.object({
  roundId: requiredText(64),
  item: z.enum(RATE_ITEMS as [string, ...string[]], { error: "errors.chooseOne" }),
  effectiveFrom: isoDate,
  amountYen: typedWholeNumber(0, 1_000_000),
});

/** What recording the rate means for days already confirmed: they keep the rate they were confirmed with (ADR 0014). */
export interface RateRecorded {
  keptDays: number;
  firstKept: string | null;
  lastKept: string | null;
}

/**
 * The operator records a rate change of a round (an intern allowance or a
 * host subsidy, in person or online, per day in integer yen; or a travel
 * item: the airfare allowance per placement, the phone rental per month,
 * ADR 0040) from an effective date. It applies to days confirmed from now on; days already
 * confirmed keep their rate, and a confirmed month keeps its entries (a
 * correction changes them, with a reason). Audited.
 */
export async function recordRoundRate(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<RateRecorded> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const data = await loadRoundLedger(trx, input.roundId, now);
    const change: RateChange = { item: input.item, effectiveFrom: input.effectiveFrom, amountYen: input.amountYen, recordedAt: now };
    const mode = input.item.endsWith("_online") ? "online" : "in_person";
    // a travel item's rate is not tied to confirmed days: a confirmed month keeps its entries (ADR 0040)
    const daily = (DAILY_ITEMS as readonly string[]).includes(input.item);
    const notice = checkRateChange(change, data.rules, daily ? data.confirmedDays.filter((d) => d.mode === mode).map((d) => d.day) : []);
    if (notice?.code === "invalid")
      throw new RefusedError(
        "internshipPeriodStaff.refusals",
        notice.issues.map((i) => ({ ...i })),
      );
    const id = crypto.randomUUID();
    await trx
      .insertInto("round_rates")
      .values({
        id,
        round_id: data.round.id,
        item: input.item,
        effective_from: input.effectiveFrom,
        amount_yen: input.amountYen,
        recorded_at: now,
        recorded_by: who.userId,
      })
      .execute();
    const kept: RateRecorded = notice
      ? { keptDays: notice.keptDays, firstKept: notice.firstKept, lastKept: notice.lastKept }
      : { keptDays: 0, firstKept: null, lastKept: null };
    await writeAudit(trx, who, {
      action: "allowance.rate.record",
      entityType: "round",
      entityId: data.round.id,
      after: { id, item: input.item, effectiveFrom: input.effectiveFrom, amountYen: input.amountYen, keptDays: kept.keptDays },
    });
    return kept;
  });
}
