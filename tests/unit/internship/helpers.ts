/** Builders for ledger tests: rules, placements and attendance with weekday/weekend statuses. */
import { dayNumber, dayString, fy2025Rules, type AllowanceRules, type AttendanceDay, type DayStatus, type Placement } from "#src/domain/internship/index.ts";

export const RECORDED = new Date("2025-03-01T00:00:00Z");

export function rules(over: Partial<AllowanceRules> = {}): AllowanceRules {
  return { ...fy2025Rules("2025-04-01", RECORDED), ...over };
}

export function placement(over: Partial<Placement> & { mode?: "in_person" | "online" } = {}): Placement {
  const { mode = "in_person", ...rest } = over;
  const startsOn = rest.startsOn ?? "2025-07-01";
  return { id: "pl-1", internId: "intern-1", hostId: "host-1", startsOn, endsOn: "2025-09-30", modes: [{ from: startsOn, mode }], ...rest };
}

/** Confirmed at 18:00 JST on the day itself (09:00 UTC). */
export function confirmedOn(day: string): Date {
  return new Date(`${day}T09:00:00Z`);
}

/** Every day from `from` to `to`: weekdays `weekday` (default present), weekends holiday; online days 240 minutes. */
export function days(
  from: string,
  to: string,
  opts: { placementId?: string; weekday?: DayStatus; minutes?: number | null; confirmedAt?: (day: string) => Date | null } = {},
): AttendanceDay[] {
  const out: AttendanceDay[] = [];
  for (let d = dayNumber(from)!; d <= dayNumber(to)!; d++) {
    const day = dayString(d);
    const dow = new Date(d * 86_400_000).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    out.push({
      placementId: opts.placementId ?? "pl-1",
      day,
      status: weekend ? "holiday" : (opts.weekday ?? "present"),
      minutes: weekend ? null : opts.minutes === undefined ? null : opts.minutes,
      confirmedAt: opts.confirmedAt ? opts.confirmedAt(day) : confirmedOn(day),
    });
  }
  return out;
}

export function withStatus(list: AttendanceDay[], day: string, status: DayStatus, extra: Partial<AttendanceDay> = {}): AttendanceDay[] {
  return list.map((a) => (a.day === day ? { ...a, status, ...extra } : a));
}
