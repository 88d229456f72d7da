/**
 * One i18next instance per locale, with ICU message format (plurals, select,
 * numbers). Missing keys are never silently shown as English: a test checks
 * every catalogue is complete for its audience (tests/unit/i18n-catalogues.test.ts).
 */
import i18next, { type i18n } from "i18next";
import ICU from "i18next-icu";
import { CATALOGUES } from "./catalogues.ts";
import { type Locale, LOCALE_TAGS } from "./locales.ts";
export { CATALOGUES };

export type TranslateParams = Record<string, string | number | Date>;
export type Translate = (key: string, params?: TranslateParams) => string;

const instances = new Map<Locale, i18n>();

function instanceFor(locale: Locale): i18n {
  let inst = instances.get(locale);
  if (!inst) {
    inst = i18next.createInstance();
    inst.use(ICU).init({
      lng: locale,
      // Applicant languages fall back to English for staff-only keys (never shown to them).
      fallbackLng: locale === "ja" ? false : "en",
      resources: { [locale]: { translation: CATALOGUES[locale] }, en: { translation: CATALOGUES.en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      i18nFormat: { localeData: LOCALE_TAGS[locale] },
    });
    instances.set(locale, inst);
  }
  return inst;
}

export function translator(locale: Locale): Translate {
  const inst = instanceFor(locale);
  return (key, params) => inst.t(key, params ?? {}) as string;
}
