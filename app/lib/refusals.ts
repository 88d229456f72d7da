/**
 * A refusal's reasons as sentences in the reader's language. Each reason is
 * the catalogue message `<messages>.<code>`; its parameters are filled in as
 * the reader reads them: instants in Japan time with the zone named (every
 * program deadline is set in Asia/Tokyo), phases and deadline kinds by their
 * label, numbers and text as they are. Lists and objects (e.g. the unmet
 * eligibility rules) are not part of the sentence; the page shows them itself.
 */
import type { Locale } from "#src/i18n/locales.ts";
import type { Translate, TranslateParams } from "#src/i18n/translator.ts";
import type { Refusal, RefusedError } from "#src/services/errors.ts";
import { PROGRAM_TIME_ZONE, formatInstant } from "./i18n.tsx";

/** Parameters that name a value of an enumeration, and the catalogue namespace of that enumeration's labels. */
const LABELLED: Record<string, string> = { from: "phases", to: "phases", next: "phases", deadline: "deadlines" };

export function describeRefusal(reason: Refusal, messages: string, t: Translate, locale: Locale): string {
  const params: TranslateParams = {};
  for (const [name, value] of Object.entries(reason)) {
    if (name === "code") continue;
    if (value instanceof Date) params[name] = formatInstant(value, locale, PROGRAM_TIME_ZONE);
    else if (typeof value === "string" && LABELLED[name]) params[name] = t(`${LABELLED[name]}.${value}`);
    else if (typeof value === "string" || typeof value === "number") params[name] = value;
    else if (value === null) params[name] = "—";
  }
  return t(`${messages}.${reason.code}`, params);
}

export function describeRefusals(err: RefusedError, t: Translate, locale: Locale): string[] {
  return err.refusals.map((r) => describeRefusal(r, err.messages, t, locale));
}
