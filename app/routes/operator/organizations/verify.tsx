import { Form, data, redirect, useLoaderData } from "react-router";
import { listOrganizationVerifications } from "#src/services/hosts/list-organization-verifications.ts";
import { verifyOrganization } from "#src/services/hosts/verify-organization.ts";
import { ErrorSummary, Select, SummaryList, TextArea, useFormState } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/verify";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const { pending } = await run(request, locale, () => listOrganizationVerifications(rt, actor));
  const organization = pending.find((o) => o.id === params.id);
  if (!organization) throw data({ status: 404 }, { status: 404 });
  return { organization };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => verifyOrganization(rt, actor, params.id, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/organizations?verified=1`);
}

/** One pending organization: what the host typed, next to the corporate number, and the operator's decision with a reason. */
export default function VerifyOrganization() {
  const { t, locale } = useI18n();
  const { organization: o } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const labels = { decision: t("orgVerify.decision"), reason: t("orgVerify.reason") };
  const rows: [string, string][] = [
    [t("orgVerify.corporateNumber"), o.corporateNumber ?? "—"],
    [t("orgVerify.name"), `${o.nameJa}${o.nameEn ? ` / ${o.nameEn}` : ""}`],
    [t("orgVerify.address"), `${o.postalCode ? `〒${o.postalCode} ` : ""}${o.addressJa ?? "—"}`],
    [t("orgVerify.registeredBy"), o.registeredBy ?? "—"],
  ];
  return (
    <>
      <PageTitle title={`${t("orgVerify.title")}: ${o.nameJa}`} />
      <h1>{`${t("orgVerify.title")}: ${o.nameJa}`}</h1>
      <Refusal />
      <SummaryList rows={rows.map(([k, v]) => ({ key: k, label: k, value: v }))} />
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Select
          name="decision"
          label={labels.decision}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={(["verified", "rejected"] as const).map((d) => ({ value: d, label: t(`orgVerify.decisions.${d}`) }))}
        />
        <TextArea name="reason" label={labels.reason} state={formState} required />
        <button type="submit">{t("orgVerify.record")}</button>
      </Form>
      <p>
        <a href={`/${locale}/operator/organizations`}>{t("orgVerify.title")}</a>
      </p>
    </>
  );
}
