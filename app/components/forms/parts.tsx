/** The small pieces every form component shares: the required mark, the hint, the error message. */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import type { FieldError } from "./form-state.ts";

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
