/**
 * The round's allowance rules (ADR 0014): rates with effective dates, which
 * day statuses are paid, how an online day is paid, and travel items.
 *
 * Which rate applies to an attendance day: among the changes to the day's
 * item that were *recorded* no later than the day's confirmation and take
 * effect on or before the day, the one with the latest effective date (then
 * the latest recorded). So a rate change applies from its effective date on,
 * and days already confirmed when it was recorded keep the rate they were
 * confirmed with; correcting those is a correction entry, never a silent
 * recomputation.
 */
import { dayNumber, dayString } from "./calendar.ts";

export type Mode = "in_person" | "online";
export type DayStatus = "present" | "absent" | "leave" | "holiday";
export type Party = "intern" | "host";
export const DAY_STATUSES: readonly DayStatus[] = ["present", "absent", "leave", "holiday"];
export const MODES: readonly Mode[] = ["in_person", "online"];

/** Per-day rate items: the intern's allowance and the host's subsidy per intern-day, by mode. */
export type DailyItem = "intern_allowance_in_person" | "intern_allowance_online" | "host_subsidy_in_person" | "host_subsidy_online";
export const DAILY_ITEMS: readonly DailyItem[] = ["intern_allowance_in_person", "intern_allowance_online", "host_subsidy_in_person", "host_subsidy_online"];

const DAILY_ITEM: { readonly [P in Party]: { readonly [M in Mode]: DailyItem } } = {
  intern: { in_person: "intern_allowance_in_person", online: "intern_allowance_online" },
  host: { in_person: "host_subsidy_in_person", online: "host_subsidy_online" },
};

export function dailyItem(party: Party, mode: Mode): DailyItem {
  return DAILY_ITEM[party][mode];
}

/** A fixed amount per placement (e.g. return airfare, insurance) or per month of placement (e.g. phone rental, prorated by days). */
export interface TravelItemRule {
  /** e.g. "airfare", "insurance", "phone_rental"; also its rate item */
  readonly code: string;
  readonly basis: "per_placement" | "per_month";
  /** whose statement carries it */
  readonly payee: Party;
  /** the placement modes it applies to (e.g. in person only for airfare) */
  readonly modes: readonly Mode[];
}

/**
 * The travel items a round can give rates to (ADR 0040): the return airfare
 * allowance, once per in-person placement (in the month it starts), and the
 * phone rental, per month of an in-person placement prorated by the days it
 * covers. Both are paid to the intern; an item without a rate is not paid.
 */
export const ROUND_TRAVEL_ITEMS: readonly TravelItemRule[] = [
  { code: "airfare", basis: "per_placement", payee: "intern", modes: ["in_person"] },
  { code: "phone_rental", basis: "per_month", payee: "intern", modes: ["in_person"] },
];
export type TravelItemCode = "airfare" | "phone_rental";
export const TRAVEL_ITEMS: readonly TravelItemCode[] = ["airfare", "phone_rental"];
/** every item a round's rate can be recorded for: the daily items, then the travel items */
export const RATE_ITEMS: readonly string[] = [...DAILY_ITEMS, ...TRAVEL_ITEMS];

export interface RateChange {
  /** a DailyItem or a travel item's code */
  readonly item: string;
  /** YYYY-MM-DD: applies to days from this date on */
  readonly effectiveFrom: string;
  /** per day (daily items), per placement or per full month (travel items): a non-negative integer */
  readonly amountYen: number;
  /** when the operator entered it */
  readonly recordedAt: Date;
}

export type OnlineDayRule =
  /** an online day is paid in full when at least `minMinutes` were worked */
  | { readonly basis: "per_day"; readonly minMinutes: number }
  /** paid ⌊rate × min(minutes, fullDayMinutes) / fullDayMinutes⌋ (rounded down to the yen) */
  | { readonly basis: "per_minute_prorated"; readonly fullDayMinutes: number };

export interface AllowanceRules {
  /** which day statuses are paid, per party and mode */
  readonly paid: { readonly [P in Party]: { readonly [M in Mode]: readonly DayStatus[] } };
  readonly onlineDay: OnlineDayRule;
  readonly travelItems: readonly TravelItemRule[];
  readonly rates: readonly RateChange[];
}

export type RulesIssue =
  | { readonly code: "invalid_amount"; readonly rate: number; readonly amountYen: number }
  | { readonly code: "invalid_date"; readonly rate: number; readonly effectiveFrom: string }
  | { readonly code: "unknown_item"; readonly rate: number; readonly item: string }
  /** two changes to one item with the same effective date recorded at the same instant: which one applies is undefined */
  | { readonly code: "ambiguous_rate"; readonly rate: number; readonly item: string; readonly effectiveFrom: string }
  | { readonly code: "invalid_travel_item"; readonly item: string; readonly reason: "duplicate" | "no_modes" | "reserved" | "bad_code" }
  | { readonly code: "invalid_online_rule"; readonly field: "minMinutes" | "fullDayMinutes" };

export function validateAllowanceRules(rules: AllowanceRules): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const codes = new Set<string>();
  for (const t of rules.travelItems) {
    if (!/^[a-z][a-z0-9_]*$/.test(t.code)) issues.push({ code: "invalid_travel_item", item: t.code, reason: "bad_code" });
    else if ((DAILY_ITEMS as readonly string[]).includes(t.code)) issues.push({ code: "invalid_travel_item", item: t.code, reason: "reserved" });
    else if (codes.has(t.code)) issues.push({ code: "invalid_travel_item", item: t.code, reason: "duplicate" });
    if (t.modes.length === 0) issues.push({ code: "invalid_travel_item", item: t.code, reason: "no_modes" });
    codes.add(t.code);
  }
  const o = rules.onlineDay;
  if (o.basis === "per_day" && !(Number.isSafeInteger(o.minMinutes) && o.minMinutes >= 0 && o.minMinutes <= 1440)) {
    issues.push({ code: "invalid_online_rule", field: "minMinutes" });
  }
  if (o.basis === "per_minute_prorated" && !(Number.isSafeInteger(o.fullDayMinutes) && o.fullDayMinutes >= 1 && o.fullDayMinutes <= 1440)) {
    issues.push({ code: "invalid_online_rule", field: "fullDayMinutes" });
  }
  const seen = new Set<string>();
  rules.rates.forEach((r, rate) => {
    if (!Number.isSafeInteger(r.amountYen) || r.amountYen < 0) issues.push({ code: "invalid_amount", rate, amountYen: r.amountYen });
    if (dayNumber(r.effectiveFrom) === null) issues.push({ code: "invalid_date", rate, effectiveFrom: r.effectiveFrom });
    if (!(DAILY_ITEMS as readonly string[]).includes(r.item) && !codes.has(r.item)) issues.push({ code: "unknown_item", rate, item: r.item });
    const key = `${r.item}|${r.effectiveFrom}|${r.recordedAt.getTime()}`;
    if (seen.has(key)) issues.push({ code: "ambiguous_rate", rate, item: r.item, effectiveFrom: r.effectiveFrom });
    seen.add(key);
  });
  return issues;
}

/** The rate in force, with where it came from. */
export interface AppliedRate {
  /** the change's position in `rules.rates` */
  readonly index: number;
  readonly amountYen: number;
  readonly effectiveFrom: string;
  readonly recordedAt: Date;
}

/** Rate changes indexed per item, each list sorted by (effective day, recorded instant). */
export class RateBook {
  private readonly byItem = new Map<string, { day: number; at: number; rate: AppliedRate }[]>();

  /** Precondition: `validateAllowanceRules` found no issue with the rates. */
  constructor(rates: readonly RateChange[]) {
    rates.forEach((r, index) => {
      let list = this.byItem.get(r.item);
      if (!list) this.byItem.set(r.item, (list = []));
      list.push({
        day: dayNumber(r.effectiveFrom)!,
        at: r.recordedAt.getTime(),
        rate: { index, amountYen: r.amountYen, effectiveFrom: r.effectiveFrom, recordedAt: r.recordedAt },
      });
    });
    for (const list of this.byItem.values()) list.sort((a, b) => a.day - b.day || a.at - b.at);
  }

  /** whether the round has any rate for the item */
  has(item: string): boolean {
    return this.byItem.has(item);
  }

  /** when the first rate for the item was recorded (ms since epoch), or Infinity */
  firstRecorded(item: string): number {
    const list = this.byItem.get(item);
    return list ? Math.min(...list.map((x) => x.at)) : Infinity;
  }

  /**
   * The rate for `item` on day number `day`, using only changes recorded at or before `knownAt`
   * (a day's confirmation instant), or null when none is in force.
   */
  rateOn(item: string, day: number, knownAt: Date | number): AppliedRate | null {
    const list = this.byItem.get(item);
    if (!list) return null;
    const at = typeof knownAt === "number" ? knownAt : knownAt.getTime();
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i]!;
      if (x.day <= day && x.at <= at) return x.rate;
    }
    return null;
  }
}

/** What recording a rate change would mean for days already confirmed (they keep their rates). */
export type RateChangeNotice =
  | { readonly code: "invalid"; readonly issues: readonly RulesIssue[] }
  | {
      readonly code: "applies_to_later_days_only";
      readonly item: string;
      readonly effectiveFrom: string;
      /** confirmed days on or after the effective date that keep the rate they were confirmed with */
      readonly keptDays: number;
      readonly firstKept: string;
      readonly lastKept: string;
    };

/**
 * Checks a rate change before it is recorded. Returns the problems, or a
 * notice when confirmed days on or after its effective date keep their rate
 * (a correction entry is the way to change what they were paid), or null.
 * `confirmedDays`: the dates of days confirmed so far that use the item.
 */
export function checkRateChange(change: RateChange, rules: AllowanceRules, confirmedDays: readonly string[]): RateChangeNotice | null {
  const issues = validateAllowanceRules({ ...rules, rates: [...rules.rates, change] }).filter((i) => "rate" in i && i.rate === rules.rates.length);
  if (issues.length > 0) return { code: "invalid", issues };
  const from = dayNumber(change.effectiveFrom)!;
  const kept = confirmedDays.map(dayNumber).filter((d): d is number => d !== null && d >= from);
  if (kept.length === 0) return null;
  return {
    code: "applies_to_later_days_only",
    item: change.item,
    effectiveFrom: change.effectiveFrom,
    keptDays: kept.length,
    firstKept: dayString(Math.min(...kept)),
    lastKept: dayString(Math.max(...kept)),
  };
}

/**
 * FY2019 defaults (ADR 0014): ¥4,000 a day to the intern, ¥2,000 per intern-day
 * to the host, in person only. The allowance is a living allowance for every
 * day of the stay the intern is not absent without leave (present, leave,
 * holiday); the host subsidy pays days worked (present).
 */
export function fy2019Rules(effectiveFrom: string, recordedAt: Date): AllowanceRules {
  return {
    paid: {
      intern: { in_person: ["present", "leave", "holiday"], online: ["present"] },
      host: { in_person: ["present"], online: ["present"] },
    },
    onlineDay: { basis: "per_day", minMinutes: 1 },
    travelItems: [],
    rates: [
      { item: "intern_allowance_in_person", effectiveFrom, amountYen: 4_000, recordedAt },
      { item: "host_subsidy_in_person", effectiveFrom, amountYen: 2_000, recordedAt },
    ],
  };
}

/**
 * FY2025 defaults (ADR 0014): ¥3,000 a day in person, ¥1,000 a day online, to
 * the intern; no host subsidy rate is known for FY2025, so none is set (the
 * operator adds one if the round has it). In person as FY2019; online, only
 * days worked are paid (there is no stay to pay for).
 */
export function fy2025Rules(effectiveFrom: string, recordedAt: Date): AllowanceRules {
  return {
    paid: {
      intern: { in_person: ["present", "leave", "holiday"], online: ["present"] },
      host: { in_person: ["present"], online: ["present"] },
    },
    onlineDay: { basis: "per_day", minMinutes: 1 },
    travelItems: [],
    rates: [
      { item: "intern_allowance_in_person", effectiveFrom, amountYen: 3_000, recordedAt },
      { item: "intern_allowance_online", effectiveFrom, amountYen: 1_000, recordedAt },
    ],
  };
}
