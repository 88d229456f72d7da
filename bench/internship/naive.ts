/**
 * The baseline: the daily allowance and subsidy totals per (placement,
 * party, month) written the obvious way — for each attendance day, find its
 * placement and mode by searching the lists, filter and sort the round's rate
 * changes to find the rate, and add to a total keyed by a string. No
 * derivations, no travel items, valid input assumed (the generated round is).
 * The benchmark checks the totals against computeLedger's.
 */
import type { LedgerInput } from "#src/domain/internship/index.ts";

export function naiveDailyTotals(input: LedgerInput): Map<string, number> {
  const totals = new Map<string, number>();
  for (const a of input.attendance) {
    if (!a.confirmedAt) continue;
    const p = input.placements.find((x) => x.id === a.placementId)!;
    const last = p.terminatedOn ?? p.endsOn;
    if (a.day < p.startsOn || a.day > last || a.day > input.today) continue;
    const mode = [...p.modes]
      .filter((m) => m.from <= a.day)
      .sort((x, y) => (x.from < y.from ? -1 : 1))
      .pop()!.mode;
    for (const party of ["intern", "host"] as const) {
      const item = `${party === "intern" ? "intern_allowance" : "host_subsidy"}_${mode}`;
      if (!input.rules.paid[party][mode].includes(a.status)) continue;
      if (mode === "online" && input.rules.onlineDay.basis === "per_day" && (a.minutes ?? 0) < input.rules.onlineDay.minMinutes) continue;
      const rate = input.rules.rates
        .filter((r) => r.item === item && r.effectiveFrom <= a.day && r.recordedAt.getTime() <= a.confirmedAt!.getTime())
        .sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : x.effectiveFrom > y.effectiveFrom ? 1 : x.recordedAt.getTime() - y.recordedAt.getTime()))
        .pop();
      if (!rate) continue;
      const o = input.rules.onlineDay;
      const amount =
        mode === "online" && o.basis === "per_minute_prorated"
          ? Math.floor((rate.amountYen * Math.min(a.minutes!, o.fullDayMinutes)) / o.fullDayMinutes)
          : rate.amountYen;
      const key = `${a.placementId}|${party}|${a.day.slice(0, 7)}`;
      totals.set(key, (totals.get(key) ?? 0) + amount);
    }
  }
  return totals;
}
