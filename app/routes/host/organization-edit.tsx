import { Form, redirect, useLoaderData } from "react-router";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { getCountryChoices } from "#src/services/hosts/country-choices.ts";
import { getMyOrganization } from "#src/services/hosts/get-my-organization.ts";
import { updateOrganization } from "#src/services/hosts/update-organization.ts";
import { ErrorSummary, SummaryList, useFormState } from "../../components/forms/index.ts";
import { OrganizationFields, organizationFieldLabels } from "../../components/host-organization-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { Instant } from "../../components/instant.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/organization-edit";

const MULTI = ["workLanguages", "overseasCountries"] as const;

/** An organization's admin edits its details; the earlier details are listed (issue 19 item 8). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const organization = await run(request, locale, () => getMyOrganization(rt, actor));
  const [ref, countries] = await Promise.all([getHostReferenceLists(rt), getCountryChoices(rt)]);
  return { organization, ref: { ...ref, countries } };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => updateOrganization(rt, actor, readForm(form, { multi: MULTI })));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/host?edited=1`);
}

export default function OrganizationEdit() {
  const { t } = useI18n();
  const { organization, ref } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const labels = organizationFieldLabels(t, { corporateNumber: false });
  return (
    <>
      <PageTitle title={t("hostEdit.editTitle")} />
      <h1>{t("hostEdit.editTitle")}</h1>
      <p>{t("hostEdit.editLead")}</p>
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <SummaryList rows={[{ key: "corporateNumber", label: t("hostEdit.corporateNumberFixed"), value: organization.attributes.corporateNumber ?? "—" }]} />
      <Form method="post" noValidate>
        <OrganizationFields reference={ref} state={formState} labels={labels} saved={organization.attributes} />
        <button type="submit">{t("hostEdit.save")}</button>
      </Form>
      <h2>{t("hostEdit.historyTitle")}</h2>
      {organization.history.length === 0 ? (
        <p>{t("hostEdit.historyNone")}</p>
      ) : (
        <ul data-testid="organization-history">
          {organization.history.map((h, i) => (
            <li key={i}>
              <Instant at={h.replacedAt} />: {h.attributes.nameJa} ({t("hostEdit.employees")}: {h.attributes.employees})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
