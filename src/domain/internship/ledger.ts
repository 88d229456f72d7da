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
  /** per placement and month with any: attendance days recorded but not yet confirmed (not paid) */
  readonly unconfirmedDays: readonly { readonly placementId: string; readonly month: string; readonly days: number }[];
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

/** A step being summed: the step's fixed fields, and its days and amount so far. */
interface StepSum {
  readonly fixed: DerivationStep;
  days: number;
  amountYen: number;
}

/** Accumulates one line's steps (numbers keyed by small integers: no allocation per day). */
class LineBuilder {
  amountYen = 0;
  private readonly steps = new Map<number, StepSum>();

  readonly key: { placementId: string; internId: string; hostId: string; party: Party; item: LedgerItem; month: string };
  constructor(key: { placementId: string; internId: string; hostId: string; party: Party; item: LedgerItem; month: string }) {
    this.key = key;
  }

  add(stepKey: number, make: () => DerivationStep, days: number, amountYen: number): void {
    let sum = this.steps.get(stepKey);
    if (!sum) this.steps.set(stepKey, (sum = { fixed: make(), days: 0, amountYen: 0 }));
    sum.days += days;
    sum.amountYen = addYen(sum.amountYen, amountYen);
    this.amountYen = addYen(this.amountYen, amountYen);
  }

  build(): LedgerLine {
    const derivation = [...this.steps.values()].map(({ fixed, days, amountYen }): DerivationStep => {
      if (fixed.kind === "days") return { ...fixed, days, amountYen };
      if (fixed.kind === "unpaid") return { ...fixed, days };
      return fixed;
    });
    return { ...this.key, amountYen: this.amountYen, derivation: sortSteps(derivation) };
  }
}

/** step keys: paid days by (rate change, mode, minutes counted); unpaid days by (mode, status, reason) */
const MODE_INDEX: Record<Mode, number> = { in_person: 0, online: 1 };
const STATUS_INDEX: Record<DayStatus, number> = { present: 0, absent: 1, leave: 2, holiday: 3 };
const paidKey = (rateIndex: number, mode: Mode, counted: number) => ((rateIndex * 2 + MODE_INDEX[mode]) * 1442 + counted + 1) * 2;
const unpaidKey = (mode: Mode, status: DayStatus, belowMinimum: boolean) =>
  ((MODE_INDEX[mode] * 4 + STATUS_INDEX[status]) * 2 + (belowMinimum ? 1 : 0)) * 2 + 1;

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
  const o = rules.onlineDay;

  // attendance by placement, each in date order
  const byPlacement = new Map<string, AttendanceDay[]>();
  for (const a of input.attendance) {
    let list = byPlacement.get(a.placementId);
    if (!list) byPlacement.set(a.placementId, (list = []));
    list.push(a);
  }
  const knownIds = new Set(input.placements.map((p) => p.id));
  for (const placementId of [...byPlacement.keys()].sort()) {
    const rows = byPlacement.get(placementId)!.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const cp = placements.get(placementId);
    if (!cp) {
      if (!knownIds.has(placementId)) for (const a of rows) issues.push({ code: "unknown_placement", placementId, day: a.day });
      continue;
    }
    let previous = Number.NaN;
    // the month of the days being read, and its two daily lines
    let monthLast = Number.NEGATIVE_INFINITY;
    let month = "";
    const current: Record<Party, LineBuilder | null> = { intern: null, host: null };
    for (const a of rows) {
      const d = dayNumber(a.day);
      if (d === null) {
        issues.push({ code: "invalid_day", placementId, day: a.day });
        continue;
      }
      if (d === previous) {
        issues.push({ code: "duplicate_day", placementId, day: a.day });
        continue;
      }
      previous = d;
      if (d < cp.start || d > cp.last) {
        issues.push({ code: "outside_placement", placementId, day: a.day, startsOn: cp.p.startsOn, lastDay: dayString(cp.last) });
        continue;
      }
      if (d > today!) {
        issues.push({ code: "future_day", placementId, day: a.day, today: input.today });
        continue;
      }
      const mode = modeOn(cp, d);
      const minutes = a.minutes ?? null;
      if (minutes !== null && (!Number.isSafeInteger(minutes) || minutes < 0)) {
        issues.push({ code: "invalid_minutes", placementId, day: a.day, minutes });
        continue;
      }
      if (minutes !== null && minutes > 1440) {
        issues.push({ code: "minutes_beyond_day", placementId, day: a.day, minutes });
        continue;
      }
      if (mode === "online" && a.status === "present" && minutes === null) {
        issues.push({ code: "online_minutes_missing", placementId, day: a.day });
        continue;
      }
      if (!a.confirmedAt) {
        const key = `${placementId}\u0000${a.day.slice(0, 7)}`;
        unconfirmed.set(key, (unconfirmed.get(key) ?? 0) + 1);
        continue;
      }
      if (d > monthLast) {
        month = monthOf(d);
        const [y, m] = month.split("-").map(Number) as [number, number];
        monthLast = d - Number(a.day.slice(8, 10)) + daysInMonth(y, m);
        current.intern = current.host = null;
      }
      const confirmedAt = a.confirmedAt.getTime();
      for (const party of PARTIES) {
        if (enabledFrom[party] > confirmedAt) continue;
        const b = (current[party] ??= line(cp, party, DAILY_LINE_ITEM[party], month));
        const status = a.status;
        if (!paid[party][mode].has(status)) {
          b.add(unpaidKey(mode, status, false), () => ({ kind: "unpaid", mode, status, reason: "status_not_paid", days: 0, amountYen: 0 }), 1, 0);
          continue;
        }
        if (mode === "online" && o.basis === "per_day" && (minutes ?? 0) < o.minMinutes) {
          b.add(unpaidKey(mode, status, true), () => ({ kind: "unpaid", mode, status, reason: "below_min_minutes", days: 0, amountYen: 0 }), 1, 0);
          continue;
        }
        const item = dailyItem(party, mode);
        const rate = book.rateOn(item, d, confirmedAt);
        if (!rate) {
          issues.push({ code: "no_rate", placementId, day: a.day, item });
          continue;
        }
        const source = { rateYen: rate.amountYen, rateFrom: rate.effectiveFrom, rateRecordedAt: rate.recordedAt };
        if (mode === "online" && o.basis === "per_minute_prorated") {
          const counted = Math.min(minutes!, o.fullDayMinutes);
          const amount = floorDiv(mulYen(rate.amountYen, counted), o.fullDayMinutes);
          b.add(
            paidKey(rate.index, mode, counted),
            () => ({ kind: "days", mode, days: 0, unitYen: amount, amountYen: 0, minutes: counted, fullDayMinutes: o.fullDayMinutes, ...source }),
            1,
            amount,
          );
          days?.push({ placementId, day: a.day, party, amountYen: amount });
        } else {
          b.add(paidKey(rate.index, mode, -1), () => ({ kind: "days", mode, days: 0, unitYen: rate.amountYen, amountYen: 0, ...source }), 1, rate.amountYen);
          days?.push({ placementId, day: a.day, party, amountYen: rate.amountYen });
        }
      }
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
        line(cp, t.payee, t.code, monthOf(cp.start)).add(0, () => ({ kind: "per_placement", amountYen: rate.amountYen, ...source }), 1, rate.amountYen);
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
              0,
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
  const unconfirmedDays = [...unconfirmed]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => {
      const [placementId, month] = key.split("\u0000") as [string, string];
      return { placementId, month, days: n };
    });
  return { lines: built, issues, unconfirmedDays, ...(days ? { days } : {}) };
}
