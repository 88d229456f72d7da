/**
 * One i18next instance per locale, with ICU message format (plurals, select,
 * numbers). Missing keys are never silently shown as English: a test checks
 * every catalogue is complete for its audience (tests/unit/i18n-catalogues.test.ts).
 */
import i18next, { type i18n } from "i18next";
import ICU from "i18next-icu";
import { type Locale, LOCALE_TAGS } from "./locales.ts";
import en from "./messages/en.json" with { type: "json" };
import id from "./messages/id.json" with { type: "json" };
import ja from "./messages/ja.json" with { type: "json" };
import th from "./messages/th.json" with { type: "json" };
import vi from "./messages/vi.json" with { type: "json" };
import zh from "./messages/zh.json" with { type: "json" };

export const CATALOGUES: Record<Locale, Record<string, unknown>> = { ja, en, vi, id, zh, th };

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
