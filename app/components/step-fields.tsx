/**
 * One application step's fields from their specification
 * (src/services/applications/application-steps.ts), each drawn by the form
 * component of its kind (app/components/forms/), with what was saved or typed.
 */
import type { FieldSpec } from "#src/services/applications/application-steps.ts";
import { countryOptions } from "../lib/countries.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Checkbox, CheckboxGroup, DateInput, Field, type FormState, RadioGroup, Select, TextArea } from "./forms/index.ts";

const HINTS = new Set(["givenName", "dateOfBirth", "phone"]);
const AUTOCOMPLETE: Record<string, string> = { familyName: "family-name", givenName: "given-name", phone: "tel", contactEmail: "email" };

function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

export function StepFields({ fields, saved, state }: { fields: FieldSpec[]; saved: Record<string, unknown>; state: FormState | undefined }) {
  const { t, locale } = useI18n();
  return (
    <>
      {fields.map((spec) => {
        const label = t(`application.fields.${spec.name}`);
        const hint = HINTS.has(spec.name) ? t(`application.fields.${spec.name}Hint`) : undefined;
        const common = { name: spec.name, state, required: spec.required, hint };
        const optionLabel = (o: string) => (spec.name === "preferredJsic" ? t(`jsic.${o}`) : t(`application.options.${spec.name}.${o}`));
        switch (spec.kind) {
          case "checkboxes":
            return (
              <CheckboxGroup
                key={spec.name}
                {...common}
                required={false}
                legend={label}
                options={(spec.options ?? []).map((o) => ({ value: o, label: optionLabel(o) }))}
                checked={(saved[spec.name] as string[] | null) ?? []}
              />
            );
          case "checkbox":
            return (
              <Checkbox
                key={spec.name}
                name={spec.name}
                label={label}
                state={state}
                checked={saved[spec.name] === true}
                hint={
                  spec.name === "consentPrivacy" ? (
                    <a href={`/${locale}/privacy`} target="_blank" rel="noopener">
                      {t("privacy.readNotice")}
                    </a>
                  ) : undefined
                }
              />
            );
          case "yesno":
            return (
              <RadioGroup
                key={spec.name}
                {...common}
                legend={label}
                inline
                options={(["yes", "no"] as const).map((o) => ({ value: o, label: t(`application.${o}`) }))}
                defaultValue={asText(saved[spec.name])}
              />
            );
          case "date":
            return <DateInput key={spec.name} {...common} legend={label} defaultValue={asText(saved[spec.name])} autoComplete="bday" />;
          case "select":
          case "country":
            return (
              <Select
                key={spec.name}
                {...common}
                label={label}
                placeholder={t("application.notSelected")}
                options={spec.kind === "country" ? countryOptions(locale) : (spec.options ?? []).map((o) => ({ value: o, label: optionLabel(o) }))}
                defaultValue={asText(saved[spec.name])}
              />
            );
          case "textarea":
            return (
              <TextArea
                key={spec.name}
                {...common}
                label={label}
                rows={spec.max && spec.max > 1000 ? 8 : 3}
                maxLength={spec.max}
                characterCount={spec.max}
                defaultValue={asText(saved[spec.name])}
              />
            );
          default:
            return (
              <Field
                key={spec.name}
                {...common}
                label={label}
                type={spec.kind}
                width={spec.kind === "number" ? "short" : undefined}
                defaultValue={asText(saved[spec.name])}
                autoComplete={AUTOCOMPLETE[spec.name]}
              />
            );
        }
      })}
    </>
  );
}
