import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { HOST_KINDS, LEGAL_FORMS, OVERSEAS_STATUSES } from "#src/domain/host-organization.ts";
import { authorize } from "#src/services/authorize.ts";
import { WORK_LANGUAGES } from "#src/domain/languages.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { requestToJoin } from "#src/services/hosts/request-to-join.ts";
import { CheckboxGroup, ErrorSummary, Field, Select, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/organization-new";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

const MULTI = ["workLanguages"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  await run(request, locale, async () => authorize(actor, "organization.manage"));
  return getHostReferenceLists(rt);
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  if (form.get("intent") === "requestJoin") {
    const out = await runForm(request, locale, form, () => requestToJoin(rt, actor, readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`/${locale}/host?joinRequested=1`);
  }
  const out = await runForm(request, locale, form, () => registerOrganization(rt, actor, readForm(form, { multi: MULTI })));
  if (!out.ok) return out.response;
  if (out.result.kind === "created") return redirect(`/${locale}/host?registered=1`);
  return { ok: true as const, exists: out.result };
}

export default function OrganizationNew() {
  const { t, locale } = useI18n();
  const ref = useLoaderData<typeof loader>();
  const formState = useFormState();
  const result = useActionData<typeof action>();
  const exists = result && "exists" in result ? result.exists : null;
  const L = (k: string) => t(`hostOrg.${k}`);
  const labels: Record<string, string> = Object.fromEntries(
    [
      "corporateNumber",
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
    ].map((k) => [k, L(k === "prefectureCode" ? "prefecture" : k)]),
  );
  const nameOf = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa : x.nameEn);
  if (exists) {
    return (
      <>
        <PageTitle title={t("hostOrg.existsTitle")} />
        <h1>{t("hostOrg.existsTitle")}</h1>
        <p>{t("hostOrg.existsBody", { name: exists.nameJa, number: exists.corporateNumber })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="requestJoin" />
          <input type="hidden" name="corporateNumber" value={exists.corporateNumber} />
          <button type="submit">{t("hostOrg.requestJoin")}</button>
        </Form>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t("hostOrg.registerTitle")} />
      <h1>{t("hostOrg.registerTitle")}</h1>
      <p>{t("hostOrg.registerLead")}</p>
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field
          name="corporateNumber"
          label={labels.corporateNumber!}
          hint={t("hostOrg.corporateNumberHint")}
          state={formState}
          required
          type="number"
          width="medium"
        />
        <Select
          name="legalForm"
          label={labels.legalForm!}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={LEGAL_FORMS.map((f) => ({ value: f, label: f }))}
        />
        <Select
          name="kind"
          label={labels.kind!}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={HOST_KINDS.map((k) => ({ value: k, label: t(`hostOrg.kinds.${k}`) }))}
        />
        <Field name="nameJa" label={labels.nameJa!} state={formState} required autoComplete="organization" />
        <Field name="nameEn" label={labels.nameEn!} state={formState} required />
        <Field name="postalCode" label={labels.postalCode!} hint={t("hostOrg.postalCodeHint")} state={formState} autoComplete="postal-code" width="short" />
        <Select
          name="prefectureCode"
          label={labels.prefectureCode!}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={ref.prefectures.map((p) => ({ value: p.code, label: nameOf(p) }))}
        />
        <Field name="addressJa" label={labels.addressJa!} state={formState} required />
        <Select
          name="jsicDivision"
          label={labels.jsicDivision!}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={ref.jsicDivisions.map((j) => ({ value: j.code, label: `${j.code} ${nameOf(j)}` }))}
        />
        <Field name="employees" label={labels.employees!} hint={t("hostOrg.employeesHint")} state={formState} required type="number" width="short" />
        <Field name="capitalYen" label={labels.capitalYen!} hint={t("hostOrg.capitalYenHint")} state={formState} type="number" width="medium" />
        <Select
          name="overseasStatus"
          label={labels.overseasStatus!}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={OVERSEAS_STATUSES.map((s) => ({ value: s, label: t(`hostOrg.overseas.${s}`) }))}
        />
        <Field name="overseasCountries" label={labels.overseasCountries!} hint={t("hostOrg.overseasCountriesHint")} state={formState} />
        <CheckboxGroup
          name="workLanguages"
          legend={labels.workLanguages!}
          state={formState}
          required
          checked={["ja"]}
          options={WORK_LANGUAGES.map((l) => ({ value: l, label: t(`hostOrg.languages.${l}`) }))}
        />
        <Field name="website" label={labels.website!} hint={t("hostOrg.websiteHint")} type="url" state={formState} autoComplete="url" />
        <button type="submit">{t("hostOrg.registerSubmit")}</button>
      </Form>
    </>
  );
}
