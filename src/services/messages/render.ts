/**
 * Group messages are plain text written by the operator: the only
 * placeholder is {name}; nothing else is interpreted or escaped.
 */
import { LOCALES, type Locale } from "../../i18n/locales.ts";

export type Versions = Partial<Record<Locale, string>>;

/** Where a message's e-mails stand, counted. */
export interface DeliveryCounts {
  pending: number;
  sent: number;
  failed: number;
}

/** A stored message's text (JSON of versions) in a language, else English, else Japanese. */
export function pickVersion(v: unknown, locale: string): string {
  const versions = (v ?? {}) as Versions;
  return versions[locale as Locale] ?? versions.en ?? versions.ja ?? "";
}

export function renderText(template: string, values: { name: string }): string {
  return template.replaceAll("{name}", values.name);
}

/** Which version a recipient gets: hosts Japanese; others their language if written, else English. */
export function versionFor(available: Versions, recipientLocale: string | null, audience: "host" | "person"): Locale {
  if (audience === "host") return "ja";
  const wanted = LOCALES.find((l) => l === recipientLocale);
  return wanted && available[wanted] ? wanted : "en";
}
