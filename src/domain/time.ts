/**
 * Wall-clock times and instants: the one conversion path. Times are stored
 * as UTC instants; people enter them as a wall-clock time in a zone — program
 * deadlines in Asia/Tokyo, an information session in its venue's zone — and
 * these helpers convert both ways (daylight saving time included, where a zone
 * has it; Japan has had none since 1951).
 */

/** The program's legal time zone: deadlines are set in Asia/Tokyo time. */
export const PROGRAM_TIME_ZONE = "Asia/Tokyo";

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** One formatter per zone: building an Intl.DateTimeFormat costs ~65 µs, using a built one ~1 µs. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The offset (ms) of a zone from UTC at an instant. */
function offsetAt(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * "YYYY-MM-DDTHH:MM" in the zone → the instant, or null when the text is not a
 * real date-time or the zone is unknown. A time skipped by a DST change is refused.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = WALL_CLOCK.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    let guess = wall - offsetAt(wall, timeZone);
    guess = wall - offsetAt(guess, timeZone);
    return instantToZonedLocal(new Date(guess), timeZone) === local ? new Date(guess) : null;
  } catch {
    return null;
  }
}

/** The wall-clock form of an instant in a zone, as used by <input type="datetime-local">. */
export function instantToZonedLocal(at: Date, timeZone: string): string {
  const shifted = new Date(at.getTime() + offsetAt(at.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** A wall-clock date-time in Asia/Tokyo ("2026-05-31T23:59") as an instant: how program deadlines are entered. */
export function tokyoLocalToInstant(local: string): Date | null {
  return zonedLocalToInstant(local, PROGRAM_TIME_ZONE);
}

/** The Asia/Tokyo wall-clock form of an instant, as used by <input type="datetime-local">. */
export function instantToTokyoLocal(at: Date): string {
  return instantToZonedLocal(at, PROGRAM_TIME_ZONE);
}

/** Zones already found valid: checking builds an Intl.DateTimeFormat (~65 µs), and every page asks for the viewer's zone. */
const validZones = new Set<string>();

export function isValidTimeZone(tz: string): boolean {
  if (validZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    return false;
  }
  if (validZones.size >= 1000) validZones.clear();
  validZones.add(tz);
  return true;
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
