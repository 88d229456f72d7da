/**
 * Wall-clock times in a venue's IANA time zone. An information session is
 * entered as "2027-06-10T18:30" in, say, Asia/Ho_Chi_Minh and stored as a UTC
 * instant; these helpers convert both ways (daylight saving time included).
 */

/** The offset (ms) of a zone from UTC at an instant. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * "YYYY-MM-DDTHH:MM" in the zone → the instant, or null when the text is not a
 * real date-time or the zone is unknown. A time skipped by a DST change is refused.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
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
