import { z } from "zod";
import {
  type DerivationStep,
  type LedgerIssue,
  correctionsFor,
  dayNumber,
  describeStep,
  monthlyStatements,
  monthRange,
} from "../../domain/internship/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { type CorrectionLine, correctionLines } from "./add-allowance-correction.ts";
import { type LedgerPlacement, loadLedgerEntries, loadRoundLedger } from "./allowance-data.ts";

export { roundAllowanceRules } from "./allowance-data.ts";

const schema = z.object({
  roundId: z.string(),
  month: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { error: "errors.date" }),
});

export interface LedgerRow {
  placementId: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  cohort: string | null;
  mode: string;
  party: "intern" | "host";
  item: string;
  /** the line's total: computed, or (a confirmed month) its base entry plus corrections */
  amountYen: number;
  derivation: { ja: string[]; en: string[] };
  /** a confirmed month: the corrections on the line, with their reasons */
  corrections: { amountYen: number; reason: string; recordedAt: Date }[];
}

export interface AllowanceLedgerView {
  round: { id: string; nameJa: string; nameEn: string };
  month: string;
  months: string[];
  rates: { internInPerson: number | null; internOnline: number | null; hostSubsidy: number | null };
  /** rate changes recorded for the round (round_rates), oldest effective date first */
  rateChanges: { item: string; effectiveFrom: string; amountYen: number; recordedAt: Date }[];
  rows: LedgerRow[];
  internTotalYen: number;
  hostTotalYen: number;
  unconfirmedDays: number;
  issues: LedgerIssue[];
  /** when the month was confirmed (its amounts are then the entries), or null */
  confirmedAt: Date | null;
  /** whether the month is over (Japan time) and can be confirmed */
  canConfirm: boolean;
  /** a confirmed month: lines whose recomputation differs from their entries (to correct with a reason) */
  pendingCorrections: { lines: number; deltaYen: number };
  /** a confirmed month: the lines an operator's correction can go to (ADR 0040) */
  correctionLines: CorrectionLine[];
}

function texts(steps: readonly DerivationStep[]): { ja: string[]; en: string[] } {
  return { ja: steps.map((s) => describeStep(s, "ja")), en: steps.map((s) => describeStep(s, "en")) };
}

/**
 * The allowance ledger of a round for one month (default: this month in
 * Japan time). Before the month is confirmed, computed by the domain (ADR
 * 0014) from the placements, the confirmed attendance and the round's rates;
 * once confirmed, the month's entries (base and corrections, ADR 0035) —
 * never recomputed — with how many lines a recomputation would correct.
 */
export async function computeAllowanceLedger(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<AllowanceLedgerView> {
  authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  const data = await loadRoundLedger(ctx.db, input.roundId, now);
  const { round, result, today } = data;
  const month = input.month || today.slice(0, 7);
  const confirmed = await ctx.db
    .selectFrom("allowance_months")
    .select("confirmed_at")
    .where("round_id", "=", round.id)
    .where("month", "=", month)
    .executeTakeFirst();
  const months = new Set(result.lines.map((l) => l.month));
  months.add(month);
  for (const m of await ctx.db.selectFrom("allowance_months").select("month").where("round_id", "=", round.id).execute()) months.add(m.month);

  const computed = result.lines.filter((l) => l.month === month);
  const describe = (placementId: string): LedgerPlacement => data.placements.get(placementId)!;
  let rows: LedgerRow[];
  let pendingCorrections = { lines: 0, deltaYen: 0 };
  if (confirmed) {
    const entries = await loadLedgerEntries(ctx.db, round.id, month);
    const statements = monthlyStatements(entries, month);
    rows = [...statements.interns, ...statements.hosts].flatMap((s) =>
      s.lines.map((l): LedgerRow => {
        const p = describe(l.placementId);
        return {
          placementId: l.placementId,
          internName: p.internName,
          organizationNameJa: p.organizationNameJa,
          organizationNameEn: p.organizationNameEn,
          cohort: p.cohort,
          mode: p.mode,
          party: s.party,
          item: l.item,
          amountYen: l.totalYen,
          derivation: texts(l.derivation),
          corrections: l.corrections.map((c) => ({ amountYen: c.amountYen, reason: c.reason, recordedAt: c.recordedAt })),
        };
      }),
    );
    const pending = correctionsFor({ existing: entries, recomputed: computed, month, reason: "-", recordedAt: now, monthConfirmed: true });
    if (pending.ok) pendingCorrections = { lines: pending.entries.length, deltaYen: pending.entries.reduce((t, e) => t + e.amountYen, 0) };
  } else {
    rows = computed.map((l): LedgerRow => {
      const p = describe(l.placementId);
      return {
        placementId: l.placementId,
        internName: p.internName,
        organizationNameJa: p.organizationNameJa,
        organizationNameEn: p.organizationNameEn,
        cohort: p.cohort,
        mode: p.mode,
        party: l.party,
        item: l.item,
        amountYen: l.amountYen,
        derivation: texts(l.derivation),
        corrections: [],
      };
    });
  }
  rows.sort((a, b) => (a.cohort ?? "").localeCompare(b.cohort ?? "") || a.internName.localeCompare(b.internName) || a.party.localeCompare(b.party));
  const sum = (party: string) => rows.filter((r) => r.party === party).reduce((t, r) => t + r.amountYen, 0);
  const range = monthRange(month);
  return {
    round: { id: round.id, nameJa: round.nameJa, nameEn: round.nameEn },
    month,
    months: [...months].sort(),
    rates: { internInPerson: round.intern_daily_allowance_yen, internOnline: round.online_daily_allowance_yen, hostSubsidy: round.host_daily_subsidy_yen },
    rateChanges: data.changes.map((c) => ({ item: c.item, effectiveFrom: c.effectiveFrom, amountYen: c.amountYen, recordedAt: c.recordedAt })),
    rows,
    internTotalYen: sum("intern"),
    hostTotalYen: sum("host"),
    unconfirmedDays: result.unconfirmedDays.filter((u) => u.month === month).reduce((t, u) => t + u.days, 0),
    issues: [...result.issues],
    confirmedAt: confirmed?.confirmed_at ?? null,
    canConfirm: !confirmed && range !== null && (dayNumber(today) ?? 0) > range.last,
    pendingCorrections,
    correctionLines: confirmed ? correctionLines(data.placements.values()) : [],
  };
}
