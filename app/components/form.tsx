/**
 * Form building blocks: every field has a visible label, its errors next to
 * it (linked by aria-describedby), and keeps what was typed; the summary at
 * the top links to each field in error.
 */
import type { ReactNode } from "react";
import { useActionData } from "react-router";
import type { FieldError } from "#src/services/errors.ts";
import { useI18n } from "../lib/i18n.tsx";

export interface FormState {
  fieldErrors?: Record<string, FieldError[]>;
  formErrors?: FieldError[];
  values?: Record<string, string>;
}

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function ErrorSummary({ state, labels }: { state: FormState | undefined; labels: Record<string, string> }) {
  const { t } = useI18n();
  const fieldErrors = Object.entries(state?.fieldErrors ?? {});
  const formErrors = state?.formErrors ?? [];
  if (fieldErrors.length === 0 && formErrors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("form.errorSummaryTitle")}</h2>
      <ul>
        {formErrors.map((e) => (
          <li key={e.key}>{t(e.key, e.params)}</li>
        ))}
        {fieldErrors.map(([name, errs]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {labels[name] ?? name}: {errs.map((e) => t(e.key, e.params)).join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  state: FormState | undefined;
  type?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: "numeric" | "email" | "text";
  children?: ReactNode;
}

export function Field({ name, label, state, type = "text", hint, required, autoComplete, defaultValue, inputMode, children }: FieldProps) {
  const { t } = useI18n();
  const id = fieldId(name);
  const errors = state?.fieldErrors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = type === "password" ? undefined : (state?.values?.[name] ?? defaultValue);
  return (
    <div className={errors.length ? "field field-error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p className="error-message" id={`${id}-error`}>
          {errors.map((e) => t(e.key, e.params)).join(" ")}
        </p>
      ) : null}
      {children ?? (
        <input
          id={id}
          name={name}
          type={type}
          required={required}
          autoComplete={autoComplete}
          defaultValue={value}
          inputMode={inputMode}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}

export function SelectField({
  name,
  label,
  state,
  options,
  defaultValue,
  required,
}: {
  name: string;
  label: string;
  state: FormState | undefined;
  options: { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
}) {
  const id = fieldId(name);
  const errors = state?.fieldErrors?.[name] ?? [];
  return (
    <Field name={name} label={label} state={state} required={required}>
      <select
        id={id}
        name={name}
        defaultValue={state?.values?.[name] ?? defaultValue}
        required={required}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The last failed submission of this page's form (errors and what was typed), if any. */
export function useFormState(): FormState | undefined {
  const data = useActionData() as { ok?: boolean } | undefined;
  return data && data.ok === false ? (data as FormState) : undefined;
}
