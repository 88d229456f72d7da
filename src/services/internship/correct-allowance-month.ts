import { z } from "zod";
import { MAX_REASON_LENGTH, correctionsFor } from "../../domain/internship/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { insertLedgerEntries, loadLedgerEntries, loadRoundLedger } from "./allowance-data.ts";
import { monthSchema } from "./confirm-allowance-month.ts";

const schema = z.object({ roundId: requiredText(64), month: monthSchema, reason: requiredText(MAX_REASON_LENGTH) });

/**
 * After a confirmed month's inputs changed (an attendance day recorded again,
 * a rate recorded for days not yet confirmed at the time…), the operator
 * records the differences as correction entries with a reason: one per line
 * whose recomputed amount differs from the sum of its entries (ADR 0014).
 * The entries already there are never edited. Refused when the month is not
 * confirmed or nothing differs. Audited.
 */
export async function correctAllowanceMonth(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ lines: number; deltaYen: number }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const data = await loadRoundLedger(trx, input.roundId, now);
    // one correction at a time per month: the second waits, then finds nothing left to correct
    const month = await trx
      .selectFrom("allowance_months")
      .select("month")
      .where("round_id", "=", data.round.id)
      .where("month", "=", input.month)
      .forUpdate()
      .executeTakeFirst();
    if (!month) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "month_not_confirmed", month: input.month }]);
    const existing = await loadLedgerEntries(trx, data.round.id, input.month);
    // the month's row says it is confirmed, even with no entry (a month confirmed with no line: ADR 0040)
    const out = correctionsFor({ existing, recomputed: data.result.lines, month: input.month, reason: input.reason, recordedAt: now, monthConfirmed: true });
    if (!out.ok)
      throw new RefusedError(
        "internshipPeriodStaff.refusals",
        out.issues.map((i) => ({ ...i })),
      );
    if (out.entries.length === 0) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "nothing_to_correct", month: input.month }]);
    await insertLedgerEntries(trx, data.round.id, who.userId, out.entries);
    const deltaYen = out.entries.reduce((t, e) => t + e.amountYen, 0);
    await writeAudit(trx, who, {
      action: "allowance.month.correct",
      entityType: "round",
      entityId: data.round.id,
      after: {
        month: input.month,
        reason: input.reason,
        corrections: out.entries.map((e) => ({ placementId: e.placementId, party: e.party, item: e.item, amountYen: e.amountYen })),
      },
    });
    return { lines: out.entries.length, deltaYen };
  });
}
