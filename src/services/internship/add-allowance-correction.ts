import { z } from "zod";
import { MAX_REASON_LENGTH, ROUND_TRAVEL_ITEMS, manualCorrection } from "../../domain/internship/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { plainDigits, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { type LedgerPlacement, insertLedgerEntries, loadLedgerEntries, loadRoundLedger } from "./allowance-data.ts";
import { monthSchema } from "./confirm-allowance-month.ts";

/** A signed whole number of yen as people type it: "-5000", "−5,000", "－５０００", "+3000"; never zero. */
export const signedYen = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .transform((v) =>
    plainDigits(v)
      .replace(/^[−－]/, "-")
      .replace(/^＋/, "+"),
  )
  .refine((v) => /^[-+]?[0-9]+$/.test(v), { error: "allowanceLedger.errors.signedYen" })
  .transform(Number)
  .refine((n) => n !== 0, { error: "allowanceLedger.errors.zero" })
  .refine((n) => Math.abs(n) <= 10_000_000, { error: "errors.tooBig" });

const schema = z.object({
  roundId: requiredText(64),
  month: monthSchema,
  line: z.string({ error: "errors.chooseOne" }).trim().min(1, { error: "errors.chooseOne" }),
  // names of their own: the page also has the rate form's amount and the recomputed correction's reason
  correctionYen: signedYen,
  correctionReason: requiredText(MAX_REASON_LENGTH),
});

/** A line a correction can go to: a placement's payee and item. */
export interface CorrectionLine {
  /** "<placement id>:<party>:<item>" (the form's value) */
  value: string;
  placementId: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  party: "intern" | "host";
  item: string;
}

/** The lines of a round a correction can go to: each placement's allowance and subsidy, and an in-person placement's travel items. */
export function correctionLines(placements: Iterable<LedgerPlacement>): CorrectionLine[] {
  const out: CorrectionLine[] = [];
  for (const p of placements) {
    const base = { placementId: p.id, internName: p.internName, organizationNameJa: p.organizationNameJa, organizationNameEn: p.organizationNameEn };
    out.push({ ...base, value: `${p.id}:intern:intern_allowance`, party: "intern", item: "intern_allowance" });
    out.push({ ...base, value: `${p.id}:host:host_subsidy`, party: "host", item: "host_subsidy" });
    for (const t of ROUND_TRAVEL_ITEMS) {
      if (t.modes.includes(p.mode)) out.push({ ...base, value: `${p.id}:${t.payee}:${t.code}`, party: t.payee, item: t.code });
    }
  }
  return out.sort((a, b) => a.internName.localeCompare(b.internName) || a.party.localeCompare(b.party) || a.item.localeCompare(b.item));
}

/**
 * The operator adds a correction of a signed amount in integer yen (a
 * refund, a missed payment…) with a required reason to one line of a
 * confirmed month (ADR 0014's `manualCorrection`, ADR 0040): a new entry,
 * nothing edited. Works on a month confirmed with no line (the month's row
 * says it is confirmed). Refused when the month is not confirmed. Audited.
 */
export async function addAllowanceCorrection(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ amountYen: number }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const data = await loadRoundLedger(trx, input.roundId, now);
    const line = correctionLines(data.placements.values()).find((l) => l.value === input.line);
    if (!line) throw new ValidationError({ line: [{ key: "errors.chooseOne" }] });
    const placement = data.placements.get(line.placementId)!;
    const month = await trx
      .selectFrom("allowance_months")
      .select("month")
      .where("round_id", "=", data.round.id)
      .where("month", "=", input.month)
      .forUpdate()
      .executeTakeFirst();
    if (!month) throw new RefusedError("internshipPeriodStaff.refusals", [{ code: "month_not_confirmed", month: input.month }]);
    const existing = await loadLedgerEntries(trx, data.round.id, input.month);
    const out = manualCorrection({
      key: {
        placementId: placement.id,
        internId: placement.applicationId,
        hostId: placement.organizationId,
        party: line.party,
        item: line.item,
        month: input.month,
      },
      amountYen: input.correctionYen,
      reason: input.correctionReason,
      existing,
      recordedAt: now,
      monthConfirmed: true,
    });
    if (!out.ok)
      throw new RefusedError(
        "internshipPeriodStaff.refusals",
        out.issues.map((i) => ({ ...i })),
      );
    await insertLedgerEntries(trx, data.round.id, who.userId, out.entries);
    await writeAudit(trx, who, {
      action: "allowance.month.manual_correction",
      entityType: "round",
      entityId: data.round.id,
      after: {
        month: input.month,
        placementId: placement.id,
        party: line.party,
        item: line.item,
        amountYen: input.correctionYen,
        reason: input.correctionReason,
      },
    });
    return { amountYen: input.correctionYen };
  });
}
