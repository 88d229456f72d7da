/** Small form parts of the host pages: a textarea and a checkbox group that behave like Field. */
import { Field, type FormState, fieldId } from "../../components/form.tsx";
import { useI18n } from "../../lib/i18n.tsx";

export function TextArea({
  name,
  label,
  state,
  defaultValue,
  required,
  hint,
  rows = 4,
}: {
  name: string;
  label: string;
  state: FormState | undefined;
  defaultValue?: string | null;
  required?: boolean;
  hint?: string;
  rows?: number;
}) {
  const id = fieldId(name);
  const errors = state?.fieldErrors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Field name={name} label={label} hint={hint} state={state} required={required}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        defaultValue={state?.values?.[name] ?? defaultValue ?? ""}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy}
      />
    </Field>
  );
}

export function CheckboxGroup({
  name,
  legend,
  state,
  options,
  checked,
  required,
}: {
  name: string;
  legend: string;
  state: FormState | undefined;
  options: { value: string; label: string }[];
  checked: readonly string[];
  required?: boolean;
}) {
  const { t } = useI18n();
  const id = fieldId(name);
  const errors = state?.fieldErrors?.[name] ?? [];
  const current = state?.values ? (state.values[name] ?? "").split(",").filter(Boolean) : checked;
  return (
    <fieldset id={id} className={errors.length ? "field field-error" : "field"} aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend>
        {legend}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </legend>
      {errors.length ? (
        <p className="error-message" id={`${id}-error`}>
          {errors.map((e) => t(e.key, e.params)).join(" ")}
        </p>
      ) : null}
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={current.includes(o.value)} />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="notice" role="status">
      {text}
    </p>
  ) : null;
}
