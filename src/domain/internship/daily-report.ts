/**
 * Which days an intern may write a daily report for (issue 16): a day of the
 * placement (from its first day to its last, or the day it ended early), not
 * after today in Asia/Tokyo. Dates are calendar dates compared as day numbers.
 */
import { dayNumber } from "./calendar.ts";

export type ReportDayIssue =
  { readonly code: "outside_placement"; readonly startsOn: string; readonly endsOn: string } | { readonly code: "future_day"; readonly today: string };

export function reportDayIssue(day: string, placement: { readonly startsOn: string; readonly endsOn: string }, today: string): ReportDayIssue | null {
  const d = dayNumber(day);
  const start = dayNumber(placement.startsOn);
  const end = dayNumber(placement.endsOn);
  const now = dayNumber(today);
  if (d === null || start === null || end === null || now === null)
    return { code: "outside_placement", startsOn: placement.startsOn, endsOn: placement.endsOn };
  if (d < start || d > end) return { code: "outside_placement", startsOn: placement.startsOn, endsOn: placement.endsOn };
  if (d > now) return { code: "future_day", today };
  return null;
}
