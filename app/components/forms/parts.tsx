/** The small pieces every form component shares: the required mark, the hint, the error message. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import { type FieldError, describedBy } from "./form-state.ts";

export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useI18n();
  return required ? <span className="required"> {t("form.required")}</span> : null;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <p className="hint" id={id}>
      {children}
    </p>
  ) : null;
}

/** The field's errors in the page's language; screen readers hear "Error:" first. */
export function ErrorMessage({ id, errors }: { id: string; errors: FieldError[] }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t("form.errorPrefix")} </span>
      {errors.map((e) => t(e.key, e.params)).join(" ")}
    </p>
  );
}

/** aria-invalid and aria-describedby of a field's control (the hint first, then the error). */
export function controlAria(id: string, hasHint: boolean, errors: FieldError[], ...more: unknown[]) {
  return {
    "aria-invalid": errors.length ? true : undefined,
    "aria-describedby": describedBy(hasHint && `${id}-hint`, ...more, errors.length > 0 && `${id}-error`),
  } as const;
}

/** The frame of a field with one control: label, hint and error above the control (children). */
export function FieldFrame({
  id,
  label,
  required,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  errors: FieldError[];
  children: ReactNode;
}) {
  return (
    <div className={errors.length ? "field field-error" : "field"}>
      <label htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} errors={errors} />
      {children}
    </div>
  );
}

/** The frame of a question with several controls (options, date boxes): a fieldset whose legend is the question. */
export function GroupFrame({
  id,
  legend,
  required,
  hint,
  errors,
  className,
  fieldsetId,
  children,
}: {
  id: string;
  legend: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  errors: FieldError[];
  className?: string;
  fieldsetId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={fieldsetId}
      className={["field", errors.length ? "field-error" : null, className].filter(Boolean).join(" ")}
      aria-describedby={describedBy(hint && `${id}-hint`, errors.length > 0 && `${id}-error`)}
    >
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} errors={errors} />
      {children}
    </fieldset>
  );
}
