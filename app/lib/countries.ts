/** Country choices in the page's language (names from the browser-independent CLDR data in Node's ICU). */
import countries from "#src/db/reference/countries.json" with { type: "json" };
import { regionName } from "#src/i18n/format.ts";
import { type Locale, LOCALE_TAGS } from "#src/i18n/locales.ts";

const cache = new Map<Locale, { value: string; label: string }[]>();

export function countryOptions(locale: Locale): { value: string; label: string }[] {
  let options = cache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([LOCALE_TAGS[locale]], { type: "region", fallback: "code" });
    const collator = new Intl.Collator(LOCALE_TAGS[locale]);
    options = countries.countries.map((c) => ({ value: c.code, label: names.of(c.code) ?? c.name_en })).sort((a, b) => collator.compare(a.label, b.label));
    cache.set(locale, options);
  }
  return options;
}

export function countryName(code: string | null | undefined, locale: Locale): string {
  return code ? regionName(code, locale) : "";
}
