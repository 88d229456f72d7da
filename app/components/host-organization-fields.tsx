/**
 * An organization's details as form controls: registering one and editing it
 * (with its saved details) ask the same questions the same way.
 */
import { HOST_KINDS, LEGAL_FORMS, OVERSEAS_STATUSES } from "#src/domain/host-organization.ts";
import { WORK_LANGUAGES } from "#src/domain/languages.ts";
import type { OrganizationAttributes } from "#src/services/hosts/organization-attributes.ts";
import type { CountryRegion } from "#src/services/hosts/country-choices.ts";
import { CountryPicker } from "./country-picker.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { CheckboxGroup, Field, Select } from "./forms/index.ts";
import type { FormState } from "./forms/form-state.ts";

interface Named {
  code: string;
  nameJa: string;
  nameEn: string;
}

/** The organization form's fields, in the order the form shows them (the corporate number only when registering). */
const ORGANIZATION_FIELDS = [
  "legalForm",
  "kind",
  "nameJa",
  "nameEn",
  "postalCode",
  "prefectureCode",
  "addressJa",
  "jsicDivision",
  "employees",
  "capitalYen",
  "overseasStatus",
  "overseasCountries",
  "workLanguages",
  "website",
] as const;

/** Each field's label, for the error summary of the organization form. */
export function organizationFieldLabels(t: (key: string) => string, options: { corporateNumber: boolean }): Record<string, string> {
  const keys: string[] = options.corporateNumber ? ["corporateNumber", ...ORGANIZATION_FIELDS] : [...ORGANIZATION_FIELDS];
  return Object.fromEntries(keys.map((k) => [k, t(`hostOrg.${k === "prefectureCode" ? "prefecture" : k}`)]));
}

export function OrganizationFields({
  reference,
  state,
  labels,
  saved,
}: {
  reference: { prefectures: Named[]; jsicDivisions: Named[]; countries: CountryRegion[] };
  state: FormState | undefined;
  labels: Record<string, string>;
  saved?: OrganizationAttributes;
}) {
  const { t, locale } = useI18n();
  const nameOf = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa : x.nameEn);
  return (
    <>
      <Select
        name="legalForm"
        defaultValue={saved?.legalForm}
        label={labels.legalForm!}
        state={state}
        required
        placeholder={t("hostOrg.choose")}
        options={LEGAL_FORMS.map((f) => ({ value: f, label: f }))}
      />
      <Select
        name="kind"
        defaultValue={saved?.kind}
        label={labels.kind!}
        state={state}
        required
        placeholder={t("hostOrg.choose")}
        options={HOST_KINDS.map((k) => ({ value: k, label: t(`hostOrg.kinds.${k}`) }))}
      />
      <Field name="nameJa" defaultValue={saved?.nameJa} label={labels.nameJa!} state={state} required autoComplete="organization" />
      <Field name="nameEn" defaultValue={saved?.nameEn} label={labels.nameEn!} state={state} required />
      <Field
        name="postalCode"
        defaultValue={saved?.postalCode}
        label={labels.postalCode!}
        hint={t("hostOrg.postalCodeHint")}
        state={state}
        autoComplete="postal-code"
        width="short"
      />
      <Select
        name="prefectureCode"
        defaultValue={saved?.prefectureCode}
        label={labels.prefectureCode!}
        state={state}
        required
        placeholder={t("hostOrg.choose")}
        options={reference.prefectures.map((p) => ({ value: p.code, label: nameOf(p) }))}
      />
      <Field name="addressJa" defaultValue={saved?.addressJa} label={labels.addressJa!} state={state} required />
      <Select
        name="jsicDivision"
        defaultValue={saved?.jsicDivision}
        label={labels.jsicDivision!}
        state={state}
        required
        placeholder={t("hostOrg.choose")}
        options={reference.jsicDivisions.map((j) => ({ value: j.code, label: `${j.code} ${nameOf(j)}` }))}
      />
      <Field
        name="employees"
        defaultValue={saved?.employees}
        label={labels.employees!}
        hint={t("hostOrg.employeesHint")}
        state={state}
        required
        type="number"
        width="short"
      />
      <Field
        name="capitalYen"
        defaultValue={saved?.capitalYen}
        label={labels.capitalYen!}
        hint={t("hostOrg.capitalYenHint")}
        state={state}
        type="number"
        width="medium"
      />
      <Select
        name="overseasStatus"
        defaultValue={saved?.overseasStatus}
        label={labels.overseasStatus!}
        state={state}
        required
        placeholder={t("hostOrg.choose")}
        options={OVERSEAS_STATUSES.map((s) => ({ value: s, label: t(`hostOrg.overseas.${s}`) }))}
      />
      <CountryPicker
        name="overseasCountries"
        legend={labels.overseasCountries!}
        regions={reference.countries}
        state={state}
        checked={saved?.overseasCountries}
      />
      <CheckboxGroup
        name="workLanguages"
        legend={labels.workLanguages!}
        state={state}
        required
        checked={saved?.workLanguages ?? ["ja"]}
        options={WORK_LANGUAGES.map((l) => ({ value: l, label: t(`hostOrg.languages.${l}`) }))}
      />
      <Field name="website" defaultValue={saved?.website} label={labels.website!} hint={t("hostOrg.websiteHint")} type="url" state={state} autoComplete="url" />
    </>
  );
}
