/** The program's legal time zone: deadlines are set in Asia/Tokyo time. */
export const PROGRAM_TIME_ZONE = "Asia/Tokyo";

/**
 * Converts a wall-clock date-time in Asia/Tokyo ("2026-05-31T23:59") to an
 * instant. Japan has had no daylight saving time since 1951: UTC+9 always.
 */
export function tokyoLocalToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
  const back = instantToTokyoLocal(date);
  return back === local ? date : null;
}

/** The Asia/Tokyo wall-clock form of an instant, as used by <input type="datetime-local">. */
export function instantToTokyoLocal(at: Date): string {
  const shifted = new Date(at.getTime() + 9 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The years a calendar date entered anywhere in the program may have (PostgreSQL has no year 0; nothing here is outside them). */
export const CALENDAR_YEARS = { min: 1900, max: 2200 } as const;

/**
 * "YYYY-MM-DD" naming a day that exists (no 2027-13-45, no 0000-00-00, no
 * February 30th), within CALENDAR_YEARS. The one check every date input uses:
 * form schemas, filters, imports (issue 11 item 4).
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
