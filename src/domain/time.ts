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
