/** A Japan-time "YYYY-MM-DDTHH:MM" as the pages show it: the localized date and the time (the column says Japan time). */
import type { Locale } from "#src/i18n/locales.ts";
import { formatDate } from "./i18n.tsx";

export function tokyoWhen(local: string, locale: Locale): string {
  return `${formatDate(local.slice(0, 10), locale)} ${local.slice(11, 16)}`;
}
