/** Languages of the platform. Locale is the first path segment: /ja/…, /en/… */
export const LOCALES = ["ja", "en", "vi", "id", "zh", "th"] as const;
export type Locale = (typeof LOCALES)[number];

/** Staff pages (operator, reviewer, ministry) and host pages: Japanese and English. */
export const STAFF_LOCALES = ["ja", "en"] as const satisfies readonly Locale[];

export const DEFAULT_LOCALE: Locale = "ja";

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ja: "日本語",
  en: "English",
  vi: "Tiếng Việt",
  id: "Bahasa Indonesia",
  zh: "中文",
  th: "ไทย",
};

/** BCP 47 tags for Intl formatting and the html lang attribute. */
export const LOCALE_TAGS: Record<Locale, string> = {
  ja: "ja-JP",
  en: "en",
  vi: "vi-VN",
  id: "id-ID",
  zh: "zh-Hans",
  th: "th-TH",
};

/**
 * Tags for formatting dates and numbers (Intl). Thai pages use the Gregorian
 * calendar, the one their forms ask for (ARCHITECTURE.md, Languages): "th-TH"
 * alone would show Buddhist-era years (2568) beside Gregorian inputs.
 */
export const FORMAT_TAGS: Record<Locale, string> = { ...LOCALE_TAGS, th: "th-TH-u-ca-gregory" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The value as a locale, or the default (ja) when it is none: a stored preference may be empty or out of date. */
export function localeOr(value: unknown, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

export function isStaffLocale(value: Locale): boolean {
  return (STAFF_LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null, allowed: readonly Locale[] = LOCALES): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.find((p) => /^q\s*=/.test(p));
      return { base: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.replace(/^q\s*=\s*/, "")) : 1 };
    })
    // q=0 means "not acceptable".
    .filter((x) => x.base && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of ranked) {
    if ((allowed as readonly string[]).includes(base)) return base as Locale;
  }
  return DEFAULT_LOCALE;
}
