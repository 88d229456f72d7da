import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { authorize } from "#src/services/authorize.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { getCountryChoices } from "#src/services/hosts/country-choices.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { requestToJoin } from "#src/services/hosts/request-to-join.ts";
import { ErrorSummary, Field, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/organization-new";
import { Refusal } from "../../components/refusal.tsx";
import { OrganizationFields, organizationFieldLabels } from "../../components/host-organization-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";

const MULTI = ["workLanguages", "overseasCountries"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  await run(request, locale, async () => authorize(actor, "organization.manage"));
  const [ref, countries] = await Promise.all([getHostReferenceLists(rt), getCountryChoices(rt)]);
  return { ...ref, countries };
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
  const { t } = useI18n();
  const ref = useLoaderData<typeof loader>();
  const formState = useFormState();
  const result = useActionData<typeof action>();
  const exists = result && "exists" in result ? result.exists : null;
  const labels = organizationFieldLabels(t, { corporateNumber: true });
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
        <OrganizationFields reference={ref} state={formState} labels={labels} />
        <button type="submit">{t("hostOrg.registerSubmit")}</button>
      </Form>
    </>
  );
}
