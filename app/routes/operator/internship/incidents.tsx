import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listIncidents } from "#src/services/internship/list-incidents.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { resolveIncident } from "#src/services/internship/resolve-incident.ts";
import { addIncidentAction, completeIncidentAction } from "#src/services/internship/incident-actions.ts";
import { ErrorSummary, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { IncidentKindFields } from "../../../components/incident-kind-fields.tsx";
import { Instant } from "../../../components/instant.tsx";
import { Notice } from "../../../components/notice.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/incidents";
import { PageTitle } from "../../../components/page-title.tsx";

/** The operator's incidents of a round: record one (with notes only the program office sees) and resolve it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listIncidents(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const out = await runForm(request, locale, form, async () => {
    if (intent === "resolve") await resolveIncident(rt, actor, readForm(form));
    else if (intent === "action") await addIncidentAction(rt, actor, readForm(form));
    else if (intent === "actionDone") await completeIncidentAction(rt, actor, readForm(form));
    else await reportIncident(rt, actor, readForm(form));
  });
  const done = intent === "resolve" ? "resolved" : intent === "action" ? "action" : intent === "actionDone" ? "actionDone" : "reported";
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/incidents?done=${done}`) : out.response;
}

export default function Incidents() {
  const { t, locale } = useI18n();
  const { round, incidents, placements } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const intent = state?.values?.intent;
  const reportState = intent === "resolve" || intent === "action" || intent === "actionDone" ? undefined : state;
  const actionState = intent === "action" ? state : undefined;
  const notices: Record<string, string> = {
    reported: t("internshipStaff.incidents.reported"),
    resolved: t("internshipStaff.incidents.resolvedNotice"),
    action: t("internshipOutcomes.actions.added"),
    actionDone: t("internshipOutcomes.actions.done"),
  };
  const labels = {
    placementId: t("internshipStaff.incidents.placement"),
    category: t("internshipStaff.incidents.category"),
    severity: t("internshipStaff.incidents.severity"),
    description: t("internshipStaff.incidents.description"),
    confidentialNotes: t("internshipStaff.incidents.confidential"),
  };
  return (
    <>
      <PageTitle title={t("internshipStaff.incidents.title", { round: locale === "ja" ? round.nameJa : round.nameEn })} />
      <h1>{t("internshipStaff.incidents.title", { round: locale === "ja" ? round.nameJa : round.nameEn })}</h1>
      <p className="lead">{t("internshipStaff.incidents.lead")}</p>
      <Notice text={done ? (notices[done] ?? null) : null} />
      <Refusal />
      <ErrorSummary state={actionState} labels={{ action: t("internshipOutcomes.actions.action"), dueOn: t("internshipOutcomes.actions.dueOn") }} />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
      {incidents.length === 0 ? (
        <p>{t("internshipStaff.incidents.none")}</p>
      ) : (
        incidents.map((i) => (
          <article key={i.id} aria-labelledby={`incident-${i.id}`} data-testid="incident">
            <h2 id={`incident-${i.id}`}>
              {i.internName} — {t(`internshipStaff.incidents.categories.${i.category}`)} ({t(`internshipStaff.incidents.severities.${i.severity}`)}) —{" "}
              {t(`internshipStaff.incidents.statuses.${i.status}`)}
            </h2>
            <p>{i.description}</p>
            {i.confidentialNotes ? (
              <p>
                <strong>{t("internshipStaff.incidents.confidential")}:</strong> {i.confidentialNotes}
              </p>
            ) : null}
            <p>
              {t("internshipStaff.incidents.reportedBy")}: {i.reporterRole ? t(`roles.${i.reporterRole}`) : "—"} · {t("internshipStaff.incidents.reportedAt")}:{" "}
              <Instant at={i.reportedAt} />
            </p>
            <div className="incident-actions">
              <h3 id={`actions-${i.id}`}>{t("internshipOutcomes.actions.title")}</h3>
              {i.actions.length === 0 ? (
                <p>{t("internshipOutcomes.actions.none")}</p>
              ) : (
                <ul>
                  {i.actions.map((a) => (
                    <li key={a.id} data-testid="incident-action">
                      {a.description} — {t("internshipOutcomes.actions.due", { date: formatDate(a.dueOn, locale) })}
                      {a.doneAt ? (
                        <>
                          {" "}
                          — {t("internshipOutcomes.actions.doneOn")} <Instant at={a.doneAt} />
                        </>
                      ) : (
                        <Form method="post" noValidate className="inline-form">
                          <input type="hidden" name="intent" value="actionDone" />
                          <input type="hidden" name="actionId" value={a.id} />
                          <button type="submit">{t("internshipOutcomes.actions.markDone", { action: a.description })}</button>
                        </Form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="action" />
                <input type="hidden" name="incidentId" value={i.id} />
                <label htmlFor={`action-${i.id}`}>{t("internshipOutcomes.actions.action")}</label>
                <input id={`action-${i.id}`} name="action" type="text" maxLength={2000} required />
                <label htmlFor={`due-${i.id}`}>{t("internshipOutcomes.actions.dueOn")}</label>
                <input id={`due-${i.id}`} name="dueOn" type="date" required />
                <button type="submit">{t("internshipOutcomes.actions.add")}</button>
              </Form>
            </div>
            {i.status === "resolved" ? (
              <p>
                <strong>{t("internshipStaff.incidents.resolution")}:</strong> {i.resolution}
              </p>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="incidentId" value={i.id} />
                <label htmlFor={`resolution-${i.id}`}>{t("internshipStaff.incidents.resolution")}</label>
                <textarea id={`resolution-${i.id}`} name="resolution" rows={2} maxLength={4000} required />
                <button type="submit">{t("internshipStaff.incidents.resolve")}</button>
              </Form>
            )}
          </article>
        ))
      )}
      <section aria-labelledby="report-title">
        <h2 id="report-title">{t("internshipStaff.incidents.reportTitle")}</h2>
        <ErrorSummary state={reportState} labels={labels} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="report" />
          <Select
            name="placementId"
            label={labels.placementId}
            state={reportState}
            required
            options={placements.map((p) => ({ value: p.id, label: p.internName }))}
          />
          <IncidentKindFields state={reportState} labels={labels} namespace="internshipStaff.incidents" />
          <TextArea name="description" label={labels.description} state={reportState} required rows={3} maxLength={4000} />
          <TextArea name="confidentialNotes" label={labels.confidentialNotes} state={reportState} rows={2} maxLength={4000} />
          <button type="submit">{t("internshipStaff.incidents.submit")}</button>
        </Form>
      </section>
    </>
  );
}
