import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getMyInternship } from "#src/services/internship/get-my-internship.ts";
import { myUpcomingCheckIns } from "#src/services/internship/upcoming-check-ins.ts";
import { submitDailyReport } from "#src/services/internship/submit-daily-report.ts";
import { ErrorSummary, Field, SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Notice } from "../../components/notice.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { formatDate, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/index";
import { PageTitle } from "../../components/page-title.tsx";

/** The intern's internship: their placement, the daily report form (works on a phone with JavaScript off) and their reports with the supervisor's comments. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ ...(await getMyInternship(rt, actor)), checkIns: await myUpcomingCheckIns(rt, actor) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => submitDailyReport(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/internship?saved=${out.result.day}`) : out.response;
}

export default function MyInternship() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const p = data.placement;
  if (!p) {
    return (
      <>
        <PageTitle title={t("internship.title")} />
        <h1>{t("internship.title")}</h1>
        <p>{t("internship.none")}</p>
      </>
    );
  }
  const labels = {
    day: t("internship.report.day"),
    did: t("internship.report.did"),
    learned: t("internship.report.learned"),
    issues: t("internship.report.issues"),
  };
  return (
    <>
      <PageTitle title={t("internship.title")} />
      <h1>{t("internship.title")}</h1>
      <Notice text={search.get("saved") ? t("internship.report.saved") : null} />
      <Refusal />
      <section aria-labelledby="placement-title">
        <h2 id="placement-title">{t("internship.placement.title")}</h2>
        <SummaryList
          rows={[
            {
              key: "host",
              label: t("internship.placement.host"),
              value: locale === "ja" ? p.organizationNameJa : (p.organizationNameEn ?? p.organizationNameJa),
            },
            { key: "position", label: t("internship.placement.position"), value: p.positionTitle },
            { key: "cohort", label: t("internship.placement.cohort"), value: p.cohort ?? "—" },
            {
              key: "period",
              label: t("internship.placement.period"),
              value: t("internship.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) }),
            },
            { key: "mode", label: t("internship.placement.mode"), value: t(`internship.modes.${p.mode}`) },
            { key: "status", label: t("internship.placement.status"), value: t(`internship.statuses.${p.status}`), testId: "placement-status" },
          ]}
        />
        <p>
          <a href={`/${locale}/internship/final`}>{t("internship.final.link")}</a>
        </p>
        <p>
          <a href={`/${locale}/internship/presentation`}>{t("finalPresentation.link")}</a>
        </p>
        <p>
          <a href={`/${locale}/internship/incidents`}>{t("internshipOutcomesIntern.incidents.link")}</a>
        </p>
      </section>
      <section aria-labelledby="check-ins-title">
        <h2 id="check-ins-title">{t("internshipOutcomesIntern.checkIns.title")}</h2>
        {data.checkIns.length === 0 ? (
          <p>{t("internshipOutcomesIntern.checkIns.none")}</p>
        ) : (
          <>
            <p>{t("internshipOutcomesIntern.checkIns.lead")}</p>
            <ul>
              {data.checkIns.map((c) => (
                <li key={c.id} data-testid="upcoming-check-in">
                  {formatDate(c.day, locale)} — {t(`internshipOutcomesIntern.checkIns.kinds.${c.kind}`)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {p.status === "active" ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("internship.report.title")}</h2>
          <p>{t("internship.report.lead")}</p>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            <Field
              name="day"
              label={labels.day}
              hint={t("internship.report.dayHint")}
              type="date"
              state={state}
              required
              defaultValue={data.today}
              width="medium"
            />
            <TextArea name="did" label={labels.did} state={state} required rows={4} maxLength={4000} />
            <TextArea name="learned" label={labels.learned} state={state} rows={3} maxLength={4000} />
            <TextArea name="issues" label={labels.issues} state={state} rows={3} maxLength={4000} />
            <button type="submit">{t("internship.report.submit")}</button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t("internship.reports.title")}</h2>
        {data.reports.length === 0 ? (
          <p>{t("internship.reports.none")}</p>
        ) : (
          <ul>
            {data.reports.map((r) => (
              <li key={r.day}>
                <h3>{formatDate(r.day, locale)}</h3>
                <p>{r.did}</p>
                {r.learned ? (
                  <p>
                    <strong>{t("internship.report.learned")}:</strong> {r.learned}
                  </p>
                ) : null}
                {r.issues ? (
                  <p>
                    <strong>{t("internship.report.issues")}:</strong> {r.issues}
                  </p>
                ) : null}
                {r.hostComment ? (
                  <p>
                    <strong>{t("internship.reports.comment")}:</strong> {r.hostComment}
                  </p>
                ) : null}
                <p>{r.confirmed ? t("internship.reports.confirmed") : t("internship.reports.awaiting")}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
