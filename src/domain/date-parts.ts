/**
 * A calendar date typed as three separate boxes (day, month, year), as the
 * date input component sends it. Parsing never guesses: "14051996" typed into
 * one box is an error that says to use the three boxes, not a date the
 * browser made up. Errors are i18n keys under "errors." (no parameters, so
 * they survive every path a field error takes) plus the boxes to highlight.
 */
import { CALENDAR_YEARS, isCalendarDate } from "./time.ts";

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePartsResult = { ok: true; iso: string } | { ok: false; key: DateErrorKey; parts: DatePart[] };

export type DateErrorKey =
  | "errors.required"
  | "errors.dateMissingDay"
  | "errors.dateMissingMonth"
  | "errors.dateMissingYear"
  | "errors.dateIncomplete"
  | "errors.dateSeparateBoxes"
  | "errors.dateYearDigits"
  | "errors.dateNotReal";

const MISSING_ONE: Record<DatePart, DateErrorKey> = {
  day: "errors.dateMissingDay",
  month: "errors.dateMissingMonth",
  year: "errors.dateMissingYear",
};

/** Full-width digits (typed with a Japanese or Chinese input method) become ASCII; spaces are dropped. */
function normalize(raw: string): string {
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when every box is empty (the field was left blank). */
export function isBlankDate(parts: DateParts): boolean {
  return DATE_PARTS.every((p) => normalize(parts[p] ?? "") === "");
}

/** Day, month and year boxes → an ISO date (YYYY-MM-DD), or the error and the boxes it concerns. */
export function parseDateParts(input: Partial<DateParts>): DatePartsResult {
  const parts: DateParts = { day: normalize(input.day ?? ""), month: normalize(input.month ?? ""), year: normalize(input.year ?? "") };
  const missing = DATE_PARTS.filter((p) => parts[p] === "");
  if (missing.length === 3) return { ok: false, key: "errors.required", parts: [...DATE_PARTS] };
  // A whole date typed into one box (e.g. 14051996 or 1996-05-14): say so rather than guess its order.
  if (missing.length === 2) {
    const filled = DATE_PARTS.find((p) => parts[p] !== "")!;
    if (/^\d{5,}$/.test(parts[filled]) || /\d\D+\d/.test(parts[filled])) return { ok: false, key: "errors.dateSeparateBoxes", parts: [...DATE_PARTS] };
  }
  if (missing.length === 1) return { ok: false, key: MISSING_ONE[missing[0]!], parts: missing };
  if (missing.length === 2) return { ok: false, key: "errors.dateIncomplete", parts: missing };
  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(parts.day)) wrong.push("day");
  if (!/^\d{1,2}$/.test(parts.month)) wrong.push("month");
  if (!/^\d+$/.test(parts.year)) wrong.push("year");
  if (wrong.length) return { ok: false, key: "errors.dateNotReal", parts: wrong };
  if (parts.year.length !== 4) return { ok: false, key: "errors.dateYearDigits", parts: ["year"] };
  const day = Number(parts.day);
  const month = Number(parts.month);
  const year = Number(parts.year);
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) return { ok: false, key: "errors.dateNotReal", parts: ["year"] };
  if (month < 1 || month > 12) return { ok: false, key: "errors.dateNotReal", parts: day < 1 || day > 31 ? ["day", "month"] : ["month"] };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, key: "errors.dateNotReal", parts: ["day"] };
  return { ok: true, iso: `${parts.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** A saved ISO date split back into the three boxes (no leading zeros, as a person would type them). */
export function isoToDateParts(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return { day: "", month: "", year: "" };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

/** True for a real calendar date written YYYY-MM-DD (the one rule: isCalendarDate in time.ts). */
export function isRealIsoDate(iso: string): boolean {
  return isCalendarDate(iso);
}
