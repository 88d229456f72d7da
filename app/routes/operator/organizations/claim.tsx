import { Form, data, redirect, useLoaderData } from "react-router";
import { listOrganizationVerifications } from "#src/services/hosts/list-organization-verifications.ts";
import { resolveOrganizationClaim } from "#src/services/hosts/resolve-organization-claim.ts";
import { ErrorSummary, Select, SummaryList, TextArea, useFormState } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/claim";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const { claims } = await run(request, locale, () => listOrganizationVerifications(rt, actor));
  const claim = claims.find((c) => c.id === params.claimId);
  if (!claim) throw data({ status: 404 }, { status: 404 });
  return { claim };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => resolveOrganizationClaim(rt, actor, params.claimId, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/organizations?resolved=1`);
}

/** A second registration of a registered corporate number (a request to join or a dispute) and the operator's resolution. */
export default function ResolveClaim() {
  const { t, locale } = useI18n();
  const { claim: c } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const labels = { resolution: t("orgVerify.resolution"), reason: t("orgVerify.reason") };
  const rows: [string, string][] = [
    [t("orgVerify.corporateNumber"), c.corporateNumber ?? "—"],
    [t("orgVerify.organization"), c.organizationNameJa],
    [t("orgVerify.status"), t(`orgVerify.statuses.${c.organizationStatus}`)],
    [t("orgVerify.claimant"), `${c.claimantName} (${c.claimantEmail})`],
  ];
  return (
    <>
      <PageTitle title={`${t("orgVerify.claimsTitle")}: ${c.organizationNameJa}`} />
      <h1>{`${t("orgVerify.claimsTitle")}: ${c.organizationNameJa}`}</h1>
      <Refusal />
      <SummaryList rows={rows.map(([k, v]) => ({ key: k, label: k, value: v }))} />
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Select
          name="resolution"
          label={labels.resolution}
          state={formState}
          required
          placeholder={t("hostOrg.choose")}
          options={(["joined", "dismissed"] as const).map((d) => ({ value: d, label: t(`orgVerify.resolutions.${d}`) }))}
        />
        <TextArea name="reason" label={labels.reason} state={formState} required />
        <button type="submit">{t("orgVerify.resolve")}</button>
      </Form>
      <p>
        <a href={`/${locale}/operator/organizations`}>{t("orgVerify.title")}</a>
      </p>
    </>
  );
}
