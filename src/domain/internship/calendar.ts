/**
 * Calendar dates as integers: a date "YYYY-MM-DD" (a day in Asia/Tokyo, as
 * attendance is kept) ↔ its day number (days since 1970-01-01). All
 * arithmetic is on integers.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The day number of a real date, or null ("2025-02-30" is not one). */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "YYYY-MM" of a day number. */
export function monthOf(day: number): string {
  return dayString(day).slice(0, 7);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** First and last day numbers of a month "YYYY-MM", or null. */
export function monthRange(month: string): { first: number; last: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const first = Date.UTC(y, mo - 1, 1) / MS_PER_DAY;
  return { first, last: first + daysInMonth(y, mo) - 1 };
}
