/** The page's language and the translate/format helpers, provided by the locale layout. */
import { createContext, useContext } from "react";
import { type Locale, LOCALE_TAGS } from "#src/i18n/locales.ts";
import { type Translate, translator } from "#src/i18n/translator.ts";
import { PROGRAM_TIME_ZONE } from "#src/domain/time.ts";

export interface I18n {
  locale: Locale;
  t: Translate;
  /** The viewer's time zone (account setting or browser cookie), if known. */
  timeZone: string | null;
}

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = I18nContext.Provider;

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside the locale layout");
  return value;
}

export function makeI18n(locale: Locale, timeZone: string | null): I18n {
  return { locale, t: translator(locale), timeZone };
}

/** Built once per language and zone (a new Intl.DateTimeFormat per call was 22 % of a page's CPU). */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(at: Date | string, locale: Locale, timeZone: string): string {
  const key = `${locale} ${timeZone}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    instantFormats.set(key, format);
  }
  return format.format(new Date(at));
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale]).format(n);
}

export { PROGRAM_TIME_ZONE };
