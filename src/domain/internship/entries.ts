/**
 * Ledger entries and monthly statements (ADR 0014). Entries are never edited:
 * confirming a month writes its base entries; any later change — an
 * attendance day corrected, a retroactive rate, a manual adjustment — is a
 * new correction entry with a reason. A statement for a month sums base
 * entries and corrections per payee.
 *
 * A line of the ledger is identified by (placement, party, item, month); the
 * amount owed on a line is the sum of its entries.
 */
import { dayNumber, monthRange } from "./calendar.ts";
import type { DerivationStep, LedgerItem, LedgerLine } from "./ledger.ts";
import type { Party } from "./rules.ts";
import { addYen } from "./yen.ts";

export interface LedgerKey {
  readonly placementId: string;
  readonly internId: string;
  readonly hostId: string;
  readonly party: Party;
  readonly item: LedgerItem;
  /** YYYY-MM */
  readonly month: string;
}

export interface LedgerEntry extends LedgerKey {
  readonly kind: "base" | "correction";
  /** integer yen; a correction may be negative */
  readonly amountYen: number;
  /** base: how the amount was computed; a recomputed correction: how the new total is computed; manual: empty */
  readonly derivation: readonly DerivationStep[];
  /** required for corrections, null for base entries */
  readonly reason: string | null;
  readonly recordedAt: Date;
  /** for a correction from a recomputation: the line's total before and after */
  readonly recomputed?: { readonly beforeYen: number; readonly afterYen: number };
  /** a correction the operator typed (a refund, a deduction): it stands on top of what the inputs give */
  readonly manual?: boolean;
}

export type EntryIssue =
  | { readonly code: "invalid_month"; readonly month: string }
  | { readonly code: "invalid_today"; readonly today: string }
  | { readonly code: "month_not_over"; readonly month: string; readonly today: string }
  | { readonly code: "month_already_confirmed"; readonly month: string }
  | { readonly code: "month_not_confirmed"; readonly month: string }
  | { readonly code: "reason_required" }
  | { readonly code: "reason_too_long"; readonly max: number }
  | { readonly code: "invalid_amount"; readonly amountYen: number };

export type EntriesResult = { readonly ok: true; readonly entries: readonly LedgerEntry[] } | { readonly ok: false; readonly issues: readonly EntryIssue[] };

export const MAX_REASON_LENGTH = 1000;

function keyOf(k: LedgerKey): string {
  return `${k.placementId}\u0000${k.party}\u0000${k.item}\u0000${k.month}`;
}
function keyFields(k: LedgerKey): LedgerKey {
  return { placementId: k.placementId, internId: k.internId, hostId: k.hostId, party: k.party, item: k.item, month: k.month };
}

function reasonIssues(reason: string): EntryIssue[] {
  if (reason.trim().length === 0) return [{ code: "reason_required" }];
  if (reason.length > MAX_REASON_LENGTH) return [{ code: "reason_too_long", max: MAX_REASON_LENGTH }];
  return [];
}

/**
 * Whether the month is confirmed: as the caller knows it (e.g. the month's
 * confirmation row: a month confirmed with no line has no base entry, ADR
 * 0040), or else from a base entry of the month.
 */
function isConfirmed(entries: readonly LedgerEntry[], month: string, known?: boolean): boolean {
  return known ?? entries.some((e) => e.kind === "base" && e.month === month);
}

/**
 * Confirms a month: one base entry per ledger line of that month (zero
 * amounts included, so the month is visibly confirmed). Refused when the
 * month is not over yet (by `today`, Asia/Tokyo) or already confirmed.
 */
export function confirmMonth(input: {
  readonly lines: readonly LedgerLine[];
  readonly month: string;
  readonly existing: readonly LedgerEntry[];
  readonly today: string;
  readonly recordedAt: Date;
}): EntriesResult {
  const range = monthRange(input.month);
  if (!range) return { ok: false, issues: [{ code: "invalid_month", month: input.month }] };
  const today = dayNumber(input.today);
  if (today === null) return { ok: false, issues: [{ code: "invalid_today", today: input.today }] };
  if (today <= range.last) return { ok: false, issues: [{ code: "month_not_over", month: input.month, today: input.today }] };
  if (isConfirmed(input.existing, input.month)) return { ok: false, issues: [{ code: "month_already_confirmed", month: input.month }] };
  const entries = input.lines
    .filter((l) => l.month === input.month)
    .map((l): LedgerEntry => ({ ...keyFields(l), kind: "base", amountYen: l.amountYen, derivation: l.derivation, reason: null, recordedAt: input.recordedAt }));
  return { ok: true, entries };
}

/**
 * After a confirmed month's inputs changed (an attendance day corrected, a
 * rate fixed): one correction per line whose recomputed amount differs from
 * the sum of its entries, for the difference. Lines that disappeared are
 * corrected to zero. Nothing when nothing changed. Manual corrections are not
 * part of that sum: a recomputation never reverses what the operator booked by
 * hand.
 */
export function correctionsFor(input: {
  readonly existing: readonly LedgerEntry[];
  readonly recomputed: readonly LedgerLine[];
  readonly month: string;
  readonly reason: string;
  readonly recordedAt: Date;
  /** whether the month was confirmed, when the caller records it apart from the entries (a month confirmed with no line) */
  readonly monthConfirmed?: boolean;
}): EntriesResult {
  const issues = reasonIssues(input.reason);
  if (!monthRange(input.month)) issues.push({ code: "invalid_month", month: input.month });
  else if (!isConfirmed(input.existing, input.month, input.monthConfirmed)) issues.push({ code: "month_not_confirmed", month: input.month });
  if (issues.length > 0) return { ok: false, issues };

  const owed = new Map<string, { key: LedgerKey; sum: number }>();
  for (const e of input.existing) {
    if (e.month !== input.month || e.manual) continue;
    const k = keyOf(e);
    const cur = owed.get(k) ?? { key: keyFields(e), sum: 0 };
    owed.set(k, { key: cur.key, sum: addYen(cur.sum, e.amountYen) });
  }
  const entries: LedgerEntry[] = [];
  const seen = new Set<string>();
  for (const l of input.recomputed) {
    if (l.month !== input.month) continue;
    const k = keyOf(l);
    seen.add(k);
    const before = owed.get(k)?.sum ?? 0;
    if (l.amountYen !== before) {
      entries.push({
        ...keyFields(l),
        kind: "correction",
        amountYen: l.amountYen - before,
        derivation: l.derivation,
        reason: input.reason,
        recordedAt: input.recordedAt,
        recomputed: { beforeYen: before, afterYen: l.amountYen },
      });
    }
  }
  for (const [k, { key, sum }] of owed) {
    if (seen.has(k) || sum === 0) continue;
    entries.push({
      ...key,
      kind: "correction",
      amountYen: -sum,
      derivation: [],
      reason: input.reason,
      recordedAt: input.recordedAt,
      recomputed: { beforeYen: sum, afterYen: 0 },
    });
  }
  return { ok: true, entries };
}

/** A correction typed by the operator (e.g. a refund), on a confirmed month. */
export function manualCorrection(input: {
  readonly key: LedgerKey;
  readonly amountYen: number;
  readonly reason: string;
  readonly existing: readonly LedgerEntry[];
  readonly recordedAt: Date;
  /** as in `correctionsFor` */
  readonly monthConfirmed?: boolean;
}): EntriesResult {
  const issues = reasonIssues(input.reason);
  if (!Number.isSafeInteger(input.amountYen) || input.amountYen === 0) issues.push({ code: "invalid_amount", amountYen: input.amountYen });
  if (!monthRange(input.key.month)) issues.push({ code: "invalid_month", month: input.key.month });
  else if (!isConfirmed(input.existing, input.key.month, input.monthConfirmed)) issues.push({ code: "month_not_confirmed", month: input.key.month });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    entries: [
      {
        ...keyFields(input.key),
        kind: "correction",
        amountYen: input.amountYen,
        derivation: [],
        reason: input.reason,
        recordedAt: input.recordedAt,
        manual: true,
      },
    ],
  };
}

export interface StatementLine {
  readonly placementId: string;
  readonly internId: string;
  readonly hostId: string;
  readonly item: LedgerItem;
  readonly baseYen: number;
  readonly correctionsYen: number;
  readonly totalYen: number;
  /** the base entry's derivation */
  readonly derivation: readonly DerivationStep[];
  readonly corrections: readonly { readonly amountYen: number; readonly reason: string; readonly recordedAt: Date }[];
}

export interface Statement {
  readonly party: Party;
  /** the intern's or the host's id */
  readonly payeeId: string;
  readonly month: string;
  /** by placement, then item */
  readonly lines: readonly StatementLine[];
  readonly baseYen: number;
  readonly correctionsYen: number;
  readonly totalYen: number;
}

export interface MonthlyStatements {
  readonly month: string;
  /** by intern id */
  readonly interns: readonly Statement[];
  /** by host id */
  readonly hosts: readonly Statement[];
  readonly totalYen: number;
}

/** The month's statements from its entries (base and corrections), per intern and per host. */
export function monthlyStatements(entries: readonly LedgerEntry[], month: string): MonthlyStatements {
  const lines = new Map<
    string,
    { key: LedgerKey; base: number; corr: number; derivation: readonly DerivationStep[]; corrections: StatementLine["corrections"][number][] }
  >();
  for (const e of entries) {
    if (e.month !== month) continue;
    const k = keyOf(e);
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { key: keyFields(e), base: 0, corr: 0, derivation: [], corrections: [] }));
    if (e.kind === "base") {
      l.base = addYen(l.base, e.amountYen);
      l.derivation = e.derivation;
    } else {
      l.corr = addYen(l.corr, e.amountYen);
      l.corrections.push({ amountYen: e.amountYen, reason: e.reason ?? "", recordedAt: e.recordedAt });
    }
  }
  const byPayee = new Map<string, { party: Party; payeeId: string; lines: StatementLine[] }>();
  for (const l of lines.values()) {
    const payeeId = l.key.party === "intern" ? l.key.internId : l.key.hostId;
    const k = `${l.key.party}\u0000${payeeId}`;
    let s = byPayee.get(k);
    if (!s) byPayee.set(k, (s = { party: l.key.party, payeeId, lines: [] }));
    s.lines.push({
      placementId: l.key.placementId,
      internId: l.key.internId,
      hostId: l.key.hostId,
      item: l.key.item,
      baseYen: l.base,
      correctionsYen: l.corr,
      totalYen: addYen(l.base, l.corr),
      derivation: l.derivation,
      corrections: l.corrections.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime()),
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const statements = [...byPayee.values()].map((s): Statement => {
    const sorted = s.lines.sort((a, b) => cmp(a.placementId, b.placementId) || cmp(a.item, b.item));
    const baseYen = sorted.reduce((t, l) => addYen(t, l.baseYen), 0);
    const correctionsYen = sorted.reduce((t, l) => addYen(t, l.correctionsYen), 0);
    return { party: s.party, payeeId: s.payeeId, month, lines: sorted, baseYen, correctionsYen, totalYen: addYen(baseYen, correctionsYen) };
  });
  const interns = statements.filter((s) => s.party === "intern").sort((a, b) => cmp(a.payeeId, b.payeeId));
  const hosts = statements.filter((s) => s.party === "host").sort((a, b) => cmp(a.payeeId, b.payeeId));
  return { month, interns, hosts, totalYen: statements.reduce((t, s) => addYen(t, s.totalYen), 0) };
}
