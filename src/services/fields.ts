/**
 * Zod field helpers shared by every input schema (applications, hosts,
 * rounds, sessions, messages, accounts). Error messages are i18n keys
 * (src/services/validation.ts turns Zod's own into generic keys with their
 * parameters, e.g. errors.tooLong with {max}).
 */
import { z } from "zod";
import { isCalendarDate } from "../domain/time.ts";
import { looksLikeHtml } from "../domain/host-organization.ts";
import { stripControlChars } from "../domain/text-hygiene.ts";
import { LOCALES } from "../i18n/locales.ts";

interface TextOptions {
  /** `false` refuses anything that looks like an HTML tag. */
  markup?: boolean;
  /** `false` for one-line values (names, addresses, titles): line breaks and tabs become spaces. Default: line breaks kept. */
  lines?: boolean;
}

/** Text as typed, without control characters (src/domain/text-hygiene.ts, issue 11 item 9). */
function cleanString(options: TextOptions, error?: string) {
  return z.string(error ? { error } : undefined).transform((v) => stripControlChars(v, { lines: options.lines ?? true }));
}

/** Trimmed text of at most `max` characters that must not be empty, without control characters. */
export function requiredText(max: number, options: TextOptions = {}) {
  const base = cleanString(options, "errors.required").pipe(z.string().trim().min(1, { error: "errors.required" }).max(max));
  return options.markup === false ? base.refine((v) => !looksLikeHtml(v), { error: "hostForm.errors.html" }) : base;
}

/** Trimmed text of at most `max` characters, without control characters; empty or missing becomes null. */
export function optionalText(max: number, options: TextOptions = {}) {
  const base = cleanString(options).pipe(z.string().trim().max(max));
  const checked = options.markup === false ? base.refine((v) => !looksLikeHtml(v), { error: "hostForm.errors.html" }) : base;
  return checked.optional().transform((v) => (v ? v : null));
}

/** One optional text per language (`titles.ja`, `titles.en`, …); which ones are required is the schema's business. */
export function perLanguage(max: number, options: TextOptions = {}) {
  return z.object(Object.fromEntries(LOCALES.map((l) => [l, optionalText(max, options)])) as Record<(typeof LOCALES)[number], ReturnType<typeof optionalText>>);
}

/** An e-mail address, trimmed and lower-cased. */
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "errors.required" })
  .max(254)
  .pipe(z.email({ error: "errors.email" }));

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one); the rule lives in the domain. */
export const isRealDate = isCalendarDate;

export const isoDate = z.string().trim().refine(isRealDate, { error: "errors.date" });

/** An optional date: empty or missing becomes null. */
export const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isRealDate(v), { error: "errors.date" });

/** A whole number from a number or numeric text (forms of staff pages). */
export function wholeNumber(min: number, max: number) {
  return z.coerce
    .number({ error: "errors.wholeNumber" })
    .int({ error: "errors.wholeNumber" })
    .min(min, { error: "errors.tooSmall" })
    .max(max, { error: "errors.tooBig" });
}

/** Full-width digits (common in Japanese input) as ASCII, and thousands separators dropped. */
export function plainDigits(value: string): string {
  return value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, "");
}

/** A whole number as people type it (full-width digits and separators accepted); empty is "required". */
export function typedWholeNumber(min: number, max: number) {
  return z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .transform(plainDigits)
    .refine((v) => /^[0-9]+$/.test(v), { error: "errors.wholeNumber" })
    .transform(Number)
    .refine((n) => n >= min, { error: "errors.tooSmall" })
    .refine((n) => n <= max, { error: "errors.tooBig" });
}

/** A checkbox group's values (none, one or several), empty entries dropped. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));
