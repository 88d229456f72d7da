/**
 * Renders one application step's fields from their specification
 * (src/services/applications/application-steps.ts): labels, hints, errors
 * next to each field, and what was saved or typed.
 */
import type { FieldSpec } from "#src/services/applications/application-steps.ts";
import { countryOptions } from "../lib/countries.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Field, type FormState, fieldId } from "./form.tsx";

const HINTS = new Set(["givenName", "dateOfBirth", "phone"]);

function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

export function StepFields({ fields, saved, state }: { fields: FieldSpec[]; saved: Record<string, unknown>; state: FormState | undefined }) {
  const { t, locale } = useI18n();
  const typed = state?.values ?? {};
  return (
    <>
      {fields.map((spec) => {
        const label = t(`application.fields.${spec.name}`);
        const hint = HINTS.has(spec.name) ? t(`application.fields.${spec.name}Hint`) : undefined;
        const errors = state?.fieldErrors?.[spec.name] ?? [];
        const id = fieldId(spec.name);
        const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        const value = spec.name in typed ? typed[spec.name] : asText(saved[spec.name]);
        const errorText = errors.length ? (
          <p className="error-message" id={`${id}-error`}>
            {errors.map((e) => t(e.key, e.params)).join(" ")}
          </p>
        ) : null;
        switch (spec.kind) {
          case "checkboxes": {
            const chosen = new Set(state ? (state.values?.[spec.name] ?? "").split(",").filter(Boolean) : ((saved[spec.name] as string[] | null) ?? []));
            return (
              <fieldset key={spec.name} className={errors.length ? "field field-error" : "field"} aria-describedby={describedBy}>
                <legend>{label}</legend>
                {errorText}
                <ul className="choices">
                  {(spec.options ?? []).map((o) => (
                    <li key={o}>
                      <input type="checkbox" id={`${id}-${o}`} name={spec.name} value={o} defaultChecked={chosen.has(o)} />
                      <label htmlFor={`${id}-${o}`}>{spec.name === "preferredJsic" ? t(`jsic.${o}`) : t(`application.options.${spec.name}.${o}`)}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          }
          case "checkbox": {
            const checked = state ? typed[spec.name] === "on" : saved[spec.name] === true;
            return (
              <div key={spec.name} className={errors.length ? "field field-error checkbox" : "field checkbox"}>
                {errorText}
                <input
                  type="checkbox"
                  id={id}
                  name={spec.name}
                  defaultChecked={checked}
                  aria-invalid={errors.length ? true : undefined}
                  aria-describedby={describedBy}
                />
                <label htmlFor={id}>{label}</label>
              </div>
            );
          }
          case "yesno":
            return (
              <fieldset key={spec.name} className={errors.length ? "field field-error" : "field"} aria-describedby={describedBy}>
                <legend>
                  {label}
                  {spec.required ? <span className="required"> {t("form.required")}</span> : null}
                </legend>
                {errorText}
                {(["yes", "no"] as const).map((o) => (
                  <div key={o} className="radio">
                    <input type="radio" id={`${id}-${o}`} name={spec.name} value={o} defaultChecked={value === o} />
                    <label htmlFor={`${id}-${o}`}>{t(`application.${o}`)}</label>
                  </div>
                ))}
              </fieldset>
            );
          case "select":
          case "country": {
            const options =
              spec.kind === "country"
                ? countryOptions(locale)
                : (spec.options ?? []).map((o) => ({ value: o, label: t(`application.options.${spec.name}.${o}`) }));
            return (
              <Field key={spec.name} name={spec.name} label={label} hint={hint} state={state} required={spec.required}>
                <select id={id} name={spec.name} defaultValue={value} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy}>
                  <option value="">{t("application.notSelected")}</option>
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </Field>
            );
          }
          case "textarea":
            return (
              <Field key={spec.name} name={spec.name} label={label} hint={hint} state={state} required={spec.required}>
                <textarea
                  id={id}
                  name={spec.name}
                  rows={spec.max && spec.max > 1000 ? 8 : 3}
                  maxLength={spec.max}
                  defaultValue={value}
                  data-counter={spec.max}
                  data-counter-label={t("application.charactersLeft", { count: 7 })}
                  aria-invalid={errors.length ? true : undefined}
                  aria-describedby={describedBy}
                />
              </Field>
            );
          default:
            return (
              <Field
                key={spec.name}
                name={spec.name}
                label={label}
                hint={hint}
                type={spec.kind === "number" ? "text" : spec.kind}
                inputMode={spec.kind === "number" ? "numeric" : undefined}
                state={state}
                required={spec.required}
                defaultValue={value}
                autoComplete={
                  spec.name === "familyName"
                    ? "family-name"
                    : spec.name === "givenName"
                      ? "given-name"
                      : spec.name === "phone"
                        ? "tel"
                        : spec.name === "contactEmail"
                          ? "email"
                          : undefined
                }
              />
            );
        }
      })}
    </>
  );
}
