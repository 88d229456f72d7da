/** Form glue for the host pages: multi-valued fields (checkbox groups) and keeping them on a failed submission. */
import { data } from "react-router";
import type { Locale } from "#src/i18n/locales.ts";
import { ValidationError } from "#src/services/errors.ts";
import { type FormFailure, formValues, run } from "../../lib/request.server.ts";

/** The form as use-case input: single values as strings, the named multi-valued fields as arrays. */
export function formInput(form: FormData, multi: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !multi.includes(k)) out[k] = v;
  for (const m of multi) out[m] = form.getAll(m).map(String);
  return out;
}

/** Like runForm, and multi-valued fields come back joined by commas so checkboxes stay as they were. */
export async function runHostForm<T>(request: Request, locale: Locale, form: FormData, multi: readonly string[], fn: () => Promise<T>) {
  try {
    return { ok: true as const, result: await run(request, locale, fn) };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const values = formValues(form);
    for (const m of multi) values[m] = form.getAll(m).map(String).join(",");
    return {
      ok: false as const,
      response: data<FormFailure>({ ok: false, fieldErrors: err.fieldErrors, formErrors: err.formErrors, values }, { status: 400 }),
    };
  }
}
