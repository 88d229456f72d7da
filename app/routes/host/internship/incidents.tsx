import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listHostIncidents } from "#src/services/internship/list-shared-incidents.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { ErrorSummary, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { IncidentKindFields } from "../../../components/incident-kind-fields.tsx";
import { Instant } from "../../../components/instant.tsx";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/incidents";

/** The host's incidents page (ADR 0039): its interns' incidents, without the program office's confidential notes, and a form to report one. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listHostIncidents(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => reportIncident(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/host/incidents?reported=1`) : out.response;
}

export default function HostIncidents() {
  const { t } = useI18n();
  const { incidents, placements } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const { locale } = useI18n();
  const labels = {
    placementId: t("internshipOutcomes.host.placement"),
    category: t("internshipOutcomes.incident.category"),
    severity: t("internshipOutcomes.incident.severity"),
    description: t("internshipOutcomes.incident.description"),
  };
  return (
    <>
      <PageTitle title={t("internshipOutcomes.host.incidentsTitle")} />
      <h1>{t("internshipOutcomes.host.incidentsTitle")}</h1>
      <Notice text={search.get("reported") ? t("internshipOutcomes.host.reported") : null} />
      <Refusal />
      <p className="lead">{t("internshipOutcomes.host.incidentsLead")}</p>
      {incidents.length === 0 ? (
        <p>{t("internshipOutcomes.host.none")}</p>
      ) : (
        incidents.map((i) => (
          <article key={i.id} aria-labelledby={`incident-${i.id}`} data-testid="incident">
            <h2 id={`incident-${i.id}`}>
              {i.internName} — {t(`internshipStaff.incidents.categories.${i.category}`)} ({t(`internshipStaff.incidents.severities.${i.severity}`)}) —{" "}
              {t(`internshipStaff.incidents.statuses.${i.status}`)}
            </h2>
            <p>{i.description}</p>
            <p>
              {t("internshipOutcomes.incident.reportedBy")}: {i.reporterRole ? t(`roles.${i.reporterRole}`) : "—"} ·{" "}
              {t("internshipOutcomes.incident.reportedAt")}: <Instant at={i.reportedAt} />
            </p>
            {i.resolution ? (
              <p>
                <strong>{t("internshipOutcomes.incident.resolution")}:</strong> {i.resolution}
              </p>
            ) : null}
          </article>
        ))
      )}
      {placements.length > 0 ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("internshipOutcomes.host.reportTitle")}</h2>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <Select
              name="placementId"
              label={labels.placementId}
              state={state}
              required
              options={placements.map((p) => ({ value: p.id, label: p.internName }))}
            />
            <IncidentKindFields state={state} labels={labels} namespace="internshipStaff.incidents" />
            <TextArea name="description" label={labels.description} state={state} required rows={4} maxLength={4000} />
            <button type="submit">{t("internshipOutcomes.host.submit")}</button>
          </Form>
        </section>
      ) : null}
      <p>
        <a href={`/${locale}/host/internship`}>{t("internshipOutcomes.host.back")}</a>
      </p>
    </>
  );
}
