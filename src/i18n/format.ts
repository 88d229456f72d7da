/**
 * Dates, times and numbers in the reader's language. Every formatter is built
 * once per locale, time zone and style and then reused: building an
 * Intl.DateTimeFormat costs about 50 times more than formatting with one
 * (bench/i18n/run.ts). Calendar dates ("2027-04-01", stored without a zone)
 * are formatted as that day, whatever the server's or the reader's zone.
 */
import { FORMAT_TAGS, type Locale } from "./locales.ts";

/** At most this many formatters are kept; zones come from cookies, so the key space is open. */
const MAX_CACHED = 1000;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const regionNames = new Map<Locale, Intl.DisplayNames>();

type Style = "instant" | "date" | "day" | "time" | "timeWithZone";

const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  /** 1 Apr 2027, 18:30 GMT+9 */
  instant: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  /** 1 April 2027: a calendar date in a sentence or a table. */
  date: { year: "numeric", month: "long", day: "numeric" },
  /** 1 Apr 2027: the day of a timed event. */
  day: { year: "numeric", month: "short", day: "numeric" },
  time: { hour: "2-digit", minute: "2-digit" },
  timeWithZone: { hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
};

function dateTimeFormat(locale: Locale, timeZone: string, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_TAGS[locale], { ...OPTIONS[style], timeZone });
    if (dateTimeFormats.size >= MAX_CACHED) dateTimeFormats.clear();
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** An instant with date, time and the zone's short name, in the given zone. */
export function formatInstant(at: Date | string, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, "instant").format(new Date(at));
}

/** The day of an instant in the given zone ("1 Apr 2027"). */
export function formatDay(at: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(locale, timeZone, "day").format(at);
}

/** The wall-clock time of an instant in the given zone, optionally with the zone's short name. */
export function formatTime(at: Date, locale: Locale, timeZone: string, withZone = false): string {
  return dateTimeFormat(locale, timeZone, withZone ? "timeWithZone" : "time").format(at);
}

/**
 * A calendar date: "2027-04-01" (or a Date at UTC midnight, as the database
 * driver returns a date column) → "1 April 2027" / "2027年4月1日". A value
 * that is not a date is returned unchanged rather than shown as "Invalid Date".
 */
export function formatDate(date: string | Date, locale: Locale): string {
  const day = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  if (Number.isNaN(day.getTime())) return String(date);
  return dateTimeFormat(locale, "UTC", "date").format(day);
}

/** A period between two calendar dates, either end possibly open: "1 May 2027 – 31 July 2027", "2027年5月1日～2027年7月31日". */
export function formatPeriod(start: string | null, end: string | null, locale: Locale): string {
  if (!start && !end) return "—";
  const dash = locale === "ja" ? "～" : " – ";
  return `${start ? formatDate(start, locale) : ""}${dash}${end ? formatDate(end, locale) : ""}`.trim();
}

export function formatNumber(n: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(FORMAT_TAGS[locale]);
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

/** A country's name in the reader's language (ISO 3166-1 alpha-2 code in, the code itself if unknown). */
export function regionName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([FORMAT_TAGS[locale]], { type: "region", fallback: "code" });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
