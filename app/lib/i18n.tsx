/** The page's language and the translate/format helpers, provided by the locale layout. */
import { createContext, useContext } from "react";
import type { Locale } from "#src/i18n/locales.ts";
import { type Translate, type TranslateParams, translator } from "#src/i18n/translator.ts";
import { formatDate, formatInstant, formatNumber, formatPeriod } from "#src/i18n/format.ts";
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

/**
 * A Date passed as a message parameter is an instant (a deadline in an error,
 * say): it is shown in program time with its zone, in the page's language,
 * never as the Date's own English text.
 */
function localizeParams(params: TranslateParams, locale: Locale): TranslateParams {
  let out: TranslateParams | null = null;
  for (const [name, value] of Object.entries(params)) {
    if (value instanceof Date) {
      out ??= { ...params };
      out[name] = formatInstant(value, locale, PROGRAM_TIME_ZONE);
    }
  }
  return out ?? params;
}

export function makeI18n(locale: Locale, timeZone: string | null): I18n {
  const translate = translator(locale);
  return { locale, t: (key, params) => translate(key, params && localizeParams(params, locale)), timeZone };
}

export { formatDate, formatInstant, formatNumber, formatPeriod, PROGRAM_TIME_ZONE };
