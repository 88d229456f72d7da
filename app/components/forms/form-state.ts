/**
 * What every form component reads from a failed submission: the field
 * errors (i18n keys), the form-level errors and what was typed. One helper
 * per question so that each component answers it the same way.
 */
import { useActionData } from "react-router";
import type { FieldError } from "#src/services/errors.ts";

export type { FieldError };

export interface FormState {
  fieldErrors?: Record<string, FieldError[]>;
  formErrors?: FieldError[];
  /** What was typed, by field name. A multi-valued field (checkbox group) is best sent as an array. */
  values?: Record<string, string | string[]>;
}

/** The id of a field's control (names with dots or brackets become dashes). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function errorsFor(state: FormState | undefined, name: string): FieldError[] {
  return state?.fieldErrors?.[name] ?? [];
}

/** True when the submission failed with any message: the page title starts with "Error:" then (form.errorTitle). */
export function hasErrors(state: FormState | undefined): boolean {
  return Boolean(state && ((state.formErrors?.length ?? 0) > 0 || Object.values(state.fieldErrors ?? {}).some((e) => e.length > 0)));
}

/** The value typed into a single-valued field, if the form was submitted. */
export function typedValue(state: FormState | undefined, name: string): string | undefined {
  const v = state?.values?.[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/**
 * The options ticked in a multi-valued field when the form was submitted
 * (undefined when it was not: show the saved ones). Reads an array, a
 * "name[]" entry joined by U+001F, or a comma-joined string, the three ways
 * the actions send them back; nothing sent means nothing ticked.
 */
export function typedList(state: FormState | undefined, name: string): string[] | undefined {
  if (!state?.values) return undefined;
  const v = state.values[name];
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return v.split(",").filter(Boolean);
  const joined = state.values[`${name}[]`];
  if (Array.isArray(joined)) return joined;
  if (typeof joined === "string") return joined.split("\u001f").filter(Boolean);
  return [];
}

/** The ids a control is described by (hint, error…), or undefined when none; falsy entries are skipped. */
export function describedBy(...ids: unknown[]): string | undefined {
  return ids.filter((id): id is string => typeof id === "string" && id !== "").join(" ") || undefined;
}

/** The last failed submission of this page's form (errors and what was typed), if any. */
export function useFormState(): FormState | undefined {
  const data = useActionData() as { ok?: boolean } | undefined;
  return data && data.ok === false ? (data as FormState) : undefined;
}
