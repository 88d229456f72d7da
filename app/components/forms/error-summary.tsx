/**
 * The box at the top of a form that failed: every form-level message, then
 * one link per field in error that jumps to the field's control. A field
 * whose first control is not fieldId(name) (a date input) names its target
 * in `targets`. Pages put "Error: " before their title when hasErrors(state)
 * (errorTitle below).
 */
import type { ReactNode } from "react";
import type { Translate } from "#src/i18n/translator.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type FormState, fieldId, hasErrors } from "./form-state.ts";

export interface ErrorSummaryProps {
  state: FormState | undefined;
  /** Each field's label, by field name, as the link text. */
  labels: Record<string, ReactNode>;
  /** The id a field's link jumps to, when it is not fieldId(name). */
  targets?: Record<string, string>;
  title?: string;
}

export function ErrorSummary({ state, labels, targets, title }: ErrorSummaryProps) {
  const { t } = useI18n();
  if (!hasErrors(state)) return null;
  const fieldErrors = Object.entries(state?.fieldErrors ?? {}).filter(([, errs]) => errs.length > 0);
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title ?? t("form.errorSummaryTitle")}</h2>
      <ul>
        {(state?.formErrors ?? []).map((e) => (
          <li key={e.key}>{t(e.key, e.params)}</li>
        ))}
        {fieldErrors.map(([name, errs]) => (
          <li key={name}>
            <a href={`#${targets?.[name] ?? fieldId(name)}`}>
              {labels[name] ?? name}: {errs.map((e) => t(e.key, e.params)).join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A page title with "Error: " first when the form on the page has errors (WCAG 3.3.1; GOV.UK pattern). */
export function errorTitle(t: Translate, title: string, state: FormState | undefined): string {
  return hasErrors(state) ? t("form.errorTitle", { title }) : title;
}
