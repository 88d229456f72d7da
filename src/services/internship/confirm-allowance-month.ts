import { z } from "zod";
import { confirmMonth } from "../../domain/internship/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { insertLedgerEntries, loadLedgerEntries, loadRoundLedger } from "./allowance-data.ts";

export const monthSchema = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { error: "errors.date" });

const schema = z.object({ roundId: requiredText(64), month: monthSchema });

/**
 * The operator confirms a finished month of a round's allowance ledger: each
 * line (placement × payee × item) becomes a base entry with its derivation,
 * in exact yen (ADR 0014, 0035). Refused before the month is over (Japan
 * time), twice, or while the month has attendance days the ledger refuses or
 * has not confirmed. From then on the month's amounts are its entries; a
 * later change is a correction. Audited.
 */
export async function confirmAllowanceMonth(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ lines: number; totalYen: number }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const data = await loadRoundLedger(trx, input.roundId, now);
    const monthIssues = data.result.issues.filter((i) => !("day" in i) || i.day.startsWith(input.month));
    if (monthIssues.length > 0) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "ledger_issues", count: monthIssues.length }]);
    const unconfirmed = data.result.unconfirmedDays.filter((u) => u.month === input.month).reduce((t, u) => t + u.days, 0);
    if (unconfirmed > 0) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "unconfirmed_days", days: unconfirmed }]);
    const existing = await loadLedgerEntries(trx, data.round.id, input.month);
    const already = await trx
      .selectFrom("allowance_months")
      .select("month")
      .where("round_id", "=", data.round.id)
      .where("month", "=", input.month)
      .executeTakeFirst();
    if (already) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "month_already_confirmed", month: input.month }]);
    const out = confirmMonth({ lines: data.result.lines, month: input.month, existing, today: data.today, recordedAt: now });
    if (!out.ok)
      throw new RefusedError(
        "internshipPeriodStaff.refusals",
        out.issues.map((i) => ({ ...i })),
      );
    const inserted = await trx
      .insertInto("allowance_months")
      .values({ round_id: data.round.id, month: input.month, confirmed_at: now, confirmed_by: who.userId })
      .onConflict((oc) => oc.columns(["round_id", "month"]).doNothing())
      .returning("month")
      .executeTakeFirst();
    if (!inserted) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "month_already_confirmed", month: input.month }]);
    await insertLedgerEntries(trx, data.round.id, who.userId, out.entries);
    const totalYen = out.entries.reduce((t, e) => t + e.amountYen, 0);
    await writeAudit(trx, who, {
      action: "allowance.month.confirm",
      entityType: "round",
      entityId: data.round.id,
      after: { month: input.month, lines: out.entries.length, totalYen },
    });
    return { lines: out.entries.length, totalYen };
  });
}
