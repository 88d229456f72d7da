import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listMyIncidents } from "#src/services/internship/list-shared-incidents.ts";
import { reportIncident } from "#src/services/internship/report-incident.ts";
import { ErrorSummary, TextArea, useFormState } from "../../components/forms/index.ts";
import { IncidentKindFields } from "../../components/incident-kind-fields.tsx";
import { Instant } from "../../components/instant.tsx";
import { Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/incidents";

/** The intern reports a problem to the program office (ADR 0039) and sees their own reports (never the office's confidential notes). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listMyIncidents(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => reportIncident(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/internship/incidents?reported=1`) : out.response;
}

export default function MyIncidents() {
  const { t, locale } = useI18n();
  const { placement, incidents } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const k = "internshipOutcomesIntern.incidents";
  const labels = { category: t(`${k}.category`), severity: t(`${k}.severity`), description: t(`${k}.description`) };
  return (
    <>
      <PageTitle title={t(`${k}.title`)} />
      <h1>{t(`${k}.title`)}</h1>
      <Notice text={search.get("reported") ? t(`${k}.reported`) : null} />
      <Refusal />
      {placement ? (
        <>
          <p className="lead">{t(`${k}.lead`)}</p>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <IncidentKindFields state={state} labels={labels} namespace={k} />
            <TextArea name="description" label={labels.description} state={state} required rows={4} maxLength={4000} />
            <button type="submit">{t(`${k}.submit`)}</button>
          </Form>
          <section aria-labelledby="yours-title">
            <h2 id="yours-title">{t(`${k}.yours`)}</h2>
            {incidents.length === 0 ? (
              <p>{t(`${k}.none`)}</p>
            ) : (
              <ul>
                {incidents.map((i) => (
                  <li key={i.id} data-testid="incident">
                    <p>
                      <strong>
                        {t(`${k}.categories.${i.category}`)} ({t(`${k}.severities.${i.severity}`)}) — {t(`${k}.statuses.${i.status}`)}
                      </strong>
                    </p>
                    <p>{i.description}</p>
                    <p>
                      {t(`${k}.reportedAt`)}: <Instant at={i.reportedAt} />
                    </p>
                    {i.resolution ? (
                      <p>
                        <strong>{t(`${k}.resolution`)}:</strong> {i.resolution}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <p>{t(`${k}.noPlacement`)}</p>
      )}
      <p>
        <a href={`/${locale}/internship`}>{t(`${k}.back`)}</a>
      </p>
    </>
  );
}
