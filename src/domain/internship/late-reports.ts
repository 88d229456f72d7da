/**
 * Which daily reports are late (issue 16, ADR 0035). The intern writes one
 * per working day; a working day is one the supervisor recorded as present,
 * or a Monday to Friday without an attendance record (not yet recorded, so
 * presumed worked). Days recorded absent, on leave or as a holiday need no
 * report. A report is late from the day after: the days counted run from the
 * placement's first day to the day before today (Japan time), and no further
 * than its last day (the termination day when it ended early).
 */
import { dayNumber, dayString } from "./calendar.ts";
import type { DayStatus } from "./rules.ts";

export function lateReportDays(input: {
  readonly startsOn: string;
  readonly lastDay: string;
  readonly today: string;
  /** attendance by day (YYYY-MM-DD) */
  readonly attendance: ReadonlyMap<string, DayStatus>;
  /** days with a daily report */
  readonly reported: ReadonlySet<string>;
}): string[] {
  const start = dayNumber(input.startsOn);
  const last = dayNumber(input.lastDay);
  const today = dayNumber(input.today);
  if (start === null || last === null || today === null) return [];
  const out: string[] = [];
  for (let d = start; d <= Math.min(last, today - 1); d++) {
    const day = dayString(d);
    if (input.reported.has(day)) continue;
    const status = input.attendance.get(day);
    // 1970-01-01 (day 0) was a Thursday
    const weekday = (((d + 4) % 7) + 7) % 7;
    const working = status === "present" || (status === undefined && weekday !== 0 && weekday !== 6);
    if (working) out.push(day);
  }
  return out;
}
