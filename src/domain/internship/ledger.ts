/**
 * The allowance ledger's arithmetic (ADR 0014): from placements, attendance
 * and the round's rules, each intern's allowance and each host's subsidy per
 * month, plus travel items, in exact integer yen, each amount with the steps
 * that explain it ("22 days × ¥3,000 = ¥66,000; rate from 2025-07-01").
 *
 * - Only confirmed days are paid; each at the rate in force for its date as
 *   known when it was confirmed (rules.ts). Unconfirmed days are counted, not paid.
 * - A day is paid to a party when its status is in the round's paid list for
 *   that party and the placement's mode on that day. Online "present" days
 *   need minutes; per the round's rule they are paid in full from a minimum,
 *   or prorated ⌊rate × min(minutes, full day) / full day⌋.
 * - A party is paid for a day only if the round had a rate for one of its
 *   items when the day was confirmed (a round without a host subsidy pays
 *   hosts nothing, without an issue); a paid day whose item has no rate in
 *   force is an issue (`no_rate`).
 * - Travel items: per placement in the month it starts; per month for each
 *   month the placement covers, ⌊rate × covered days / days in month⌋ —
 *   covered days counted in the modes the item applies to. Only months (and
 *   starts) up to `today`. Their rates are those known at `asOf`.
 * - Days with an issue (outside the placement, in the future, impossible
 *   minutes, …) are not paid and are listed in `issues`.
 */
import { dayNumber, dayString, daysInMonth, monthOf } from "./calendar.ts";
import { addYen, floorDiv, mulYen } from "./yen.ts";
import { dailyItem, RateBook, validateAllowanceRules, type AllowanceRules, type DayStatus, type Mode, type Party, type RulesIssue } from "./rules.ts";

export interface Placement {
  readonly id: string;
  readonly internId: string;
  readonly hostId: string;
  /** YYYY-MM-DD, first day */
  readonly startsOn: string;
  /** YYYY-MM-DD, planned last day */
  readonly endsOn: string;
  /** YYYY-MM-DD, the last day when the placement ended early */
  readonly terminatedOn?: string | null;
  /** the mode from each date on; the first must be on startsOn */
  readonly modes: readonly { readonly from: string; readonly mode: Mode }[];
}

export interface AttendanceDay {
  readonly placementId: string;
  /** YYYY-MM-DD (Asia/Tokyo) */
  readonly day: string;
  readonly status: DayStatus;
  /** minutes worked: required for an online day marked present, at most 1,440 */
  readonly minutes?: number | null;
  /** when the supervisor first confirmed the day; null = not confirmed (not paid) */
  readonly confirmedAt: Date | null;
}

export interface LedgerInput {
  readonly rules: AllowanceRules;
  readonly placements: readonly Placement[];
  readonly attendance: readonly AttendanceDay[];
  /** today in Asia/Tokyo, YYYY-MM-DD: later days are refused, later months get no travel items */
  readonly today: string;
  /** the instant of the computation: travel item rates recorded by then apply */
  readonly asOf: Date;
}

export type LedgerIssue =
  | RulesIssue
  | { readonly code: "invalid_today"; readonly today: string }
  | {
      readonly code: "invalid_placement";
      readonly placementId: string;
      readonly reason: "dates" | "ends_before_start" | "terminated_outside" | "no_mode_at_start" | "mode_outside" | "duplicate";
    }
  | { readonly code: "unknown_placement"; readonly placementId: string; readonly day: string }
  | { readonly code: "invalid_day"; readonly placementId: string; readonly day: string }
  | { readonly code: "duplicate_day"; readonly placementId: string; readonly day: string }
  | { readonly code: "outside_placement"; readonly placementId: string; readonly day: string; readonly startsOn: string; readonly lastDay: string }
  | { readonly code: "future_day"; readonly placementId: string; readonly day: string; readonly today: string }
  | { readonly code: "invalid_minutes"; readonly placementId: string; readonly day: string; readonly minutes: number }
  | { readonly code: "minutes_beyond_day"; readonly placementId: string; readonly day: string; readonly minutes: number }
  | { readonly code: "online_minutes_missing"; readonly placementId: string; readonly day: string }
  | { readonly code: "no_rate"; readonly placementId: string; readonly day: string; readonly item: string };

interface RateSource {
  /** the rate as entered (before proration) */
  readonly rateYen: number;
  readonly rateFrom: string;
  readonly rateRecordedAt: Date;
}

export type DerivationStep =
  /** `days` days × `unitYen` = `amountYen`; unit = the rate, or the prorated amount for `minutes` of `fullDayMinutes` */
  | (RateSource & {
      readonly kind: "days";
      readonly mode: Mode;
      readonly days: number;
      readonly unitYen: number;
      readonly amountYen: number;
      readonly minutes?: number;
      readonly fullDayMinutes?: number;
    })
  /** days counted but not paid: their status is not paid, or an online day below the minimum minutes */
  | {
      readonly kind: "unpaid";
      readonly mode: Mode;
      readonly status: DayStatus;
      readonly reason: "status_not_paid" | "below_min_minutes";
      readonly days: number;
      readonly amountYen: 0;
    }
  | (RateSource & { readonly kind: "per_placement"; readonly amountYen: number })
  /** ⌊rate × coveredDays / daysInMonth⌋ */
  | (RateSource & { readonly kind: "per_month"; readonly coveredDays: number; readonly daysInMonth: number; readonly amountYen: number });

/** "intern_allowance", "host_subsidy", or a travel item's code */
export type LedgerItem = string;

export interface LedgerLine {
  readonly placementId: string;
  readonly internId: string;
  readonly hostId: string;
  readonly party: Party;
  readonly item: LedgerItem;
  /** YYYY-MM */
  readonly month: string;
  readonly amountYen: number;
  readonly derivation: readonly DerivationStep[];
}

export interface DayAmount {
  readonly placementId: string;
  readonly day: string;
  readonly party: Party;
  readonly amountYen: number;
}

export interface LedgerResult {
  /** sorted by placement id, month, party (intern first), item */
  readonly lines: readonly LedgerLine[];
  readonly issues: readonly LedgerIssue[];
  /** per placement with any: attendance days recorded but not yet confirmed */
  readonly unconfirmedDays: readonly { readonly placementId: string; readonly days: number }[];
  /** every paid day's amount, when asked for (`perDay: true`) */
  readonly days?: readonly DayAmount[];
}

const PARTIES: readonly Party[] = ["intern", "host"];
const DAILY_LINE_ITEM: Record<Party, LedgerItem> = { intern: "intern_allowance", host: "host_subsidy" };

interface CheckedPlacement {
  readonly p: Placement;
  readonly start: number;
  readonly last: number;
  /** mode changes as (day number, mode), ascending */
  readonly modes: readonly (readonly [number, Mode])[];
}

function modeOn(cp: CheckedPlacement, day: number): Mode {
  let mode = cp.modes[0]![1];
  for (const [from, m] of cp.modes) if (from <= day) mode = m;
  return mode;
}

function checkPlacement(p: Placement, issues: LedgerIssue[]): CheckedPlacement | null {
  const start = dayNumber(p.startsOn);
  const end = dayNumber(p.endsOn);
  const terminated = p.terminatedOn ? dayNumber(p.terminatedOn) : null;
  const bad = (reason: Extract<LedgerIssue, { code: "invalid_placement" }>["reason"]) => {
    issues.push({ code: "invalid_placement", placementId: p.id, reason });
    return null;
  };
  if (start === null || end === null || (p.terminatedOn && terminated === null)) return bad("dates");
  if (end < start) return bad("ends_before_start");
  if (terminated !== null && (terminated < start || terminated > end)) return bad("terminated_outside");
  const modes = p.modes.map((m) => [dayNumber(m.from), m.mode] as const).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  if (modes.some(([d]) => d === null)) return bad("dates");
  if (modes.length === 0 || modes[0]![0] !== start) return bad("no_mode_at_start");
  const last = terminated ?? end;
  if (modes.some(([d]) => d! > last)) return bad("mode_outside");
  return { p, start, last, modes: modes as (readonly [number, Mode])[] };
}

/** Accumulates one line's steps. */
class LineBuilder {
  amountYen = 0;
  private readonly steps = new Map<string, DerivationStep>();
  private readonly order: string[] = [];

  constructor(readonly key: { placementId: string; internId: string; hostId: string; party: Party; item: LedgerItem; month: string }) {}

  add(stepKey: string, make: () => DerivationStep, days: number, amountYen: number): void {
    const existing = this.steps.get(stepKey);
    if (!existing) {
      this.steps.set(stepKey, make());
      this.order.push(stepKey);
    } else if (existing.kind === "days" || existing.kind === "unpaid") {
      const merged = { ...existing, days: existing.days + days, amountYen: addYen(existing.amountYen, amountYen) };
      this.steps.set(stepKey, merged as DerivationStep);
    }
    this.amountYen = addYen(this.amountYen, amountYen);
  }

  build(): LedgerLine {
    const derivation = this.order.map((k) => this.steps.get(k)!);
    return { ...this.key, amountYen: this.amountYen, derivation: sortSteps(derivation) };
  }
}

/** paid steps by mode, rate date and unit; unpaid steps last */
function sortSteps(steps: DerivationStep[]): DerivationStep[] {
  const rank = (s: DerivationStep) => (s.kind === "unpaid" ? 1 : 0);
  return steps.sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.kind === "days" && b.kind === "days") {
      return (
        a.mode.localeCompare(b.mode) || a.rateFrom.localeCompare(b.rateFrom) || a.rateRecordedAt.getTime() - b.rateRecordedAt.getTime() || b.unitYen - a.unitYen
      );
    }
    if (a.kind === "unpaid" && b.kind === "unpaid") return a.mode.localeCompare(b.mode) || a.status.localeCompare(b.status) || a.reason.localeCompare(b.reason);
    return 0;
  });
}

export function computeLedger(input: LedgerInput, options: { readonly perDay?: boolean } = {}): LedgerResult {
  const issues: LedgerIssue[] = [...validateAllowanceRules(input.rules)];
  const today = dayNumber(input.today);
  if (today === null) issues.push({ code: "invalid_today", today: input.today });
  if (issues.length > 0) return { lines: [], issues, unconfirmedDays: [] };
  const { rules } = input;
  const book = new RateBook(rules.rates);
  // a party is paid for a day when the round had a rate for one of its items by the day's confirmation
  const enabledFrom: Record<Party, number> = {
    intern: Math.min(book.firstRecorded(dailyItem("intern", "in_person")), book.firstRecorded(dailyItem("intern", "online"))),
    host: Math.min(book.firstRecorded(dailyItem("host", "in_person")), book.firstRecorded(dailyItem("host", "online"))),
  };
  const paid: Record<Party, Record<Mode, ReadonlySet<DayStatus>>> = {
    intern: { in_person: new Set(rules.paid.intern.in_person), online: new Set(rules.paid.intern.online) },
    host: { in_person: new Set(rules.paid.host.in_person), online: new Set(rules.paid.host.online) },
  };

  const placements = new Map<string, CheckedPlacement>();
  const sortedPlacements = [...input.placements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sortedPlacements) {
    if (placements.has(p.id)) {
      issues.push({ code: "invalid_placement", placementId: p.id, reason: "duplicate" });
      continue;
    }
    const cp = checkPlacement(p, issues);
    if (cp) placements.set(p.id, cp);
  }

  const lines = new Map<string, LineBuilder>();
  const line = (cp: CheckedPlacement, party: Party, item: LedgerItem, month: string): LineBuilder => {
    const key = `${cp.p.id}\u0000${month}\u0000${party}\u0000${item}`;
    let b = lines.get(key);
    if (!b) lines.set(key, (b = new LineBuilder({ placementId: cp.p.id, internId: cp.p.internId, hostId: cp.p.hostId, party, item, month })));
    return b;
  };
  const days: DayAmount[] | undefined = options.perDay ? [] : undefined;
  const unconfirmed = new Map<string, number>();
  const seenDays = new Set<string>();

  const attendance = [...input.attendance].sort((a, b) =>
    a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  );
  for (const a of attendance) {
    const cp = placements.get(a.placementId);
    const ref = { placementId: a.placementId, day: a.day };
    if (!cp) {
      if (!input.placements.some((p) => p.id === a.placementId)) issues.push({ code: "unknown_placement", ...ref });
      continue;
    }
    const d = dayNumber(a.day);
    if (d === null) {
      issues.push({ code: "invalid_day", ...ref });
      continue;
    }
    const dayKey = `${a.placementId}\u0000${a.day}`;
    if (seenDays.has(dayKey)) {
      issues.push({ code: "duplicate_day", ...ref });
      continue;
    }
    seenDays.add(dayKey);
    if (d < cp.start || d > cp.last) {
      issues.push({ code: "outside_placement", ...ref, startsOn: cp.p.startsOn, lastDay: dayString(cp.last) });
      continue;
    }
    if (d > today!) {
      issues.push({ code: "future_day", ...ref, today: input.today });
      continue;
    }
    const mode = modeOn(cp, d);
    const minutes = a.minutes ?? null;
    if (minutes !== null && (!Number.isSafeInteger(minutes) || minutes < 0)) {
      issues.push({ code: "invalid_minutes", ...ref, minutes });
      continue;
    }
    if (minutes !== null && minutes > 1440) {
      issues.push({ code: "minutes_beyond_day", ...ref, minutes });
      continue;
    }
    if (mode === "online" && a.status === "present" && minutes === null) {
      issues.push({ code: "online_minutes_missing", ...ref });
      continue;
    }
    if (!a.confirmedAt) {
      unconfirmed.set(a.placementId, (unconfirmed.get(a.placementId) ?? 0) + 1);
      continue;
    }
    const month = monthOf(d);
    for (const party of PARTIES) {
      if (enabledFrom[party] > a.confirmedAt.getTime()) continue;
      const b = line(cp, party, DAILY_LINE_ITEM[party], month);
      if (!paid[party][mode].has(a.status)) {
        b.add(`u|${mode}|${a.status}|s`, () => ({ kind: "unpaid", mode, status: a.status, reason: "status_not_paid", days: 1, amountYen: 0 }), 1, 0);
        continue;
      }
      const o = rules.onlineDay;
      if (mode === "online" && o.basis === "per_day" && (minutes ?? 0) < o.minMinutes) {
        b.add(`u|${mode}|${a.status}|m`, () => ({ kind: "unpaid", mode, status: a.status, reason: "below_min_minutes", days: 1, amountYen: 0 }), 1, 0);
        continue;
      }
      const item = dailyItem(party, mode);
      const rate = book.rateOn(item, d, a.confirmedAt);
      if (!rate) {
        issues.push({ code: "no_rate", ...ref, item });
        continue;
      }
      const source = { rateYen: rate.amountYen, rateFrom: rate.effectiveFrom, rateRecordedAt: rate.recordedAt };
      let step: () => DerivationStep;
      let amount: number;
      let stepKey: string;
      if (mode === "online" && o.basis === "per_minute_prorated") {
        const counted = Math.min(minutes!, o.fullDayMinutes);
        amount = floorDiv(mulYen(rate.amountYen, counted), o.fullDayMinutes);
        const unit = amount;
        step = () => ({ kind: "days", mode, days: 1, unitYen: unit, amountYen: unit, minutes: counted, fullDayMinutes: o.fullDayMinutes, ...source });
        stepKey = `d|${mode}|${rate.effectiveFrom}|${rate.recordedAt.getTime()}|${counted}`;
      } else {
        amount = rate.amountYen;
        step = () => ({ kind: "days", mode, days: 1, unitYen: amount, amountYen: amount, ...source });
        stepKey = `d|${mode}|${rate.effectiveFrom}|${rate.recordedAt.getTime()}`;
      }
      b.add(stepKey, step, 1, amount);
      days?.push({ placementId: a.placementId, day: a.day, party, amountYen: amount });
    }
  }

  // travel items
  for (const cp of placements.values()) {
    for (const t of rules.travelItems) {
      if (!book.has(t.code)) continue;
      if (t.basis === "per_placement") {
        if (cp.start > today! || !t.modes.includes(modeOn(cp, cp.start))) continue;
        const rate = book.rateOn(t.code, cp.start, input.asOf);
        if (!rate) {
          issues.push({ code: "no_rate", placementId: cp.p.id, day: cp.p.startsOn, item: t.code });
          continue;
        }
        const source = { rateYen: rate.amountYen, rateFrom: rate.effectiveFrom, rateRecordedAt: rate.recordedAt };
        line(cp, t.payee, t.code, monthOf(cp.start)).add("p", () => ({ kind: "per_placement", amountYen: rate.amountYen, ...source }), 1, rate.amountYen);
        continue;
      }
      // per month: walk the placement's months up to today
      let first = cp.start;
      while (first <= cp.last && first <= today!) {
        const month = monthOf(first);
        const [y, m] = month.split("-").map(Number) as [number, number];
        const dim = daysInMonth(y, m);
        const monthStart = first - (Number(dayString(first).slice(8, 10)) - 1);
        const stop = Math.min(monthStart + dim - 1, cp.last);
        let covered = 0;
        let firstCovered = -1;
        for (let d = first; d <= stop; d++) {
          if (t.modes.includes(modeOn(cp, d))) {
            covered++;
            if (firstCovered < 0) firstCovered = d;
          }
        }
        if (covered > 0 && firstCovered <= today!) {
          const rate = book.rateOn(t.code, firstCovered, input.asOf);
          if (!rate) {
            issues.push({ code: "no_rate", placementId: cp.p.id, day: dayString(firstCovered), item: t.code });
          } else {
            const amount = floorDiv(mulYen(rate.amountYen, covered), dim);
            const source = { rateYen: rate.amountYen, rateFrom: rate.effectiveFrom, rateRecordedAt: rate.recordedAt };
            line(cp, t.payee, t.code, month).add(
              "m",
              () => ({ kind: "per_month", coveredDays: covered, daysInMonth: dim, amountYen: amount, ...source }),
              covered,
              amount,
            );
          }
        }
        first = monthStart + dim;
      }
    }
  }

  const partyRank = (p: Party) => (p === "intern" ? 0 : 1);
  const built = [...lines.values()].map((b) => b.build());
  built.sort(
    (a, b) =>
      (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0) ||
      a.month.localeCompare(b.month) ||
      partyRank(a.party) - partyRank(b.party) ||
      a.item.localeCompare(b.item),
  );
  const unconfirmedDays = [...unconfirmed].map(([placementId, n]) => ({ placementId, days: n })).sort((a, b) => (a.placementId < b.placementId ? -1 : 1));
  return { lines: built, issues, unconfirmedDays, ...(days ? { days } : {}) };
}
