import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { DAY_STATUSES } from "#src/domain/internship/rules.ts";
import { answerSurvey } from "#src/services/internship/answer-survey.ts";
import { commentOnDailyReport } from "#src/services/internship/comment-on-daily-report.ts";
import { getHostPlacement } from "#src/services/internship/get-host-placement.ts";
import { getHostPlacementExtras } from "#src/services/internship/get-host-placement-extras.ts";
import { hostUpcomingCheckIns } from "#src/services/internship/upcoming-check-ins.ts";
import { OUTCOME_MILESTONES, outcomeWindow } from "#src/domain/internship/outcomes.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { submitFinalReport } from "#src/services/internship/submit-final-report.ts";
import { ErrorSummary, Field, RadioGroup, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/detail";
import { PageTitle } from "../../../components/page-title.tsx";
import { HostPlacementExtras } from "./extras.tsx";

const INTENTS = ["comment", "attendance", "report", "survey"] as const;

/** A host member's page for one intern: daily reports to comment on and confirm, attendance, the host's final report and evaluation survey. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({
    ...(await getHostPlacement(rt, actor, params.placementId)),
    // host training and the final presentation (ADR 0038)
    extras: await getHostPlacementExtras(rt, actor, params.placementId),
    checkIns: await hostUpcomingCheckIns(rt, actor, params.placementId),
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? "comment";
  const input = { ...readForm(form), placementId: params.placementId };
  const out = await runForm(request, locale, form, () => {
    if (intent === "attendance") return recordAttendance(rt, actor, input);
    if (intent === "report") return submitFinalReport(rt, actor, input);
    if (intent === "survey") return answerSurvey(rt, actor, input);
    return commentOnDailyReport(rt, actor, input);
  });
  return out.ok ? redirect(`/${locale}/host/internship/${params.placementId}?saved=${intent}`) : out.response;
}

export default function HostIntern() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const saved = search.get("saved");
  const p = data.placement;
  const intent = state?.values?.intent;
  const stateFor = (i: string) => (intent === i ? state : undefined);
  const surveyLabels = Object.fromEntries(data.questions.map((q) => [q.code, t(`internshipStaff.survey.questions.${q.code}`)]));
  const notices: Record<string, string> = {
    comment: t("internshipStaff.host.commentSaved"),
    attendance: t("internshipStaff.host.recorded"),
    report: t("internshipStaff.host.finalSaved"),
    survey: t("internshipStaff.host.surveySaved"),
  };
  return (
    <>
      <PageTitle title={t("internshipStaff.host.detailTitle", { name: p.internName })} />
      <h1>{t("internshipStaff.host.detailTitle", { name: p.internName })}</h1>
      <Notice text={saved ? (notices[saved] ?? null) : null} />
      <Refusal />
      <p>
        {p.positionTitle} · {p.cohort ?? "—"} · {t("internshipStaff.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) })}{" "}
        · {t(`internshipStaff.modes.${p.mode}`)} · {t(`internshipStaff.statuses.${p.status}`)}
      </p>
      <HostPlacementExtras placementId={p.id} extras={data.extras} />

      <p>
        <a href={`/${locale}/host/incidents`}>{t("internshipOutcomes.host.incidentsLink")}</a>
      </p>
      <section aria-labelledby="check-ins-title">
        <h2 id="check-ins-title">{t("internshipOutcomes.host.checkInsTitle")}</h2>
        {data.checkIns.length === 0 ? (
          <p>{t("internshipOutcomes.host.checkInsNone")}</p>
        ) : (
          <>
            <p>{t("internshipOutcomes.host.checkInsLead")}</p>
            <ul>
              {data.checkIns.map((c) => (
                <li key={c.id} data-testid="upcoming-check-in">
                  {formatDate(c.day, locale)} — {t(`internshipOutcomes.checkInKinds.${c.kind}`)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {p.status === "completed" ? (
        <section aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t("internshipOutcomes.host.outcomesTitle")}</h2>
          <ul>
            {OUTCOME_MILESTONES.map((m) => (
              <li key={m}>
                <a href={`/${locale}/host/internship/${p.id}/outcomes/${m}`}>
                  {t("internshipOutcomes.host.outcomeLink", { months: m, dueOn: formatDate(outcomeWindow(p.endsOn, m).dueOn, locale) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t("internshipStaff.host.attendanceTitle")}</h2>
        <p>{t("internshipStaff.host.attendanceLead")}</p>
        <ErrorSummary
          state={stateFor("attendance")}
          labels={{ day: t("internshipStaff.host.day"), status: t("internshipStaff.host.status"), hours: t("internshipStaff.host.hours") }}
        />
        {p.status === "active" ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="attendance" />
            <Field
              name="day"
              label={t("internshipStaff.host.day")}
              hint={t("internshipStaff.host.dayHint")}
              type="date"
              width="medium"
              state={stateFor("attendance")}
              required
              defaultValue={data.today}
            />
            <Select
              name="status"
              label={t("internshipStaff.host.status")}
              state={stateFor("attendance")}
              required
              defaultValue="present"
              options={DAY_STATUSES.map((s) => ({ value: s, label: t(`internshipStaff.dayStatuses.${s}`) }))}
            />
            {p.mode === "online" ? (
              <Field
                name="hours"
                label={t("internshipStaff.host.hours")}
                hint={t("internshipStaff.host.hoursHint")}
                inputMode="decimal"
                width="short"
                state={stateFor("attendance")}
              />
            ) : null}
            <button type="submit">{t("internshipStaff.host.record")}</button>
          </Form>
        ) : null}
        {data.attendance.length === 0 ? (
          <p>{t("internshipStaff.host.attendanceNone")}</p>
        ) : (
          <table>
            <caption>{t("internshipStaff.host.attendanceCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("internshipStaff.host.day")}</th>
                <th scope="col">{t("internshipStaff.host.status")}</th>
                {p.mode === "online" ? <th scope="col">{t("internshipStaff.host.hours")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.attendance.map((a) => (
                <tr key={a.day}>
                  <td>{formatDate(a.day, locale)}</td>
                  <td>{t(`internshipStaff.dayStatuses.${a.status}`)}</td>
                  {p.mode === "online" ? <td>{a.minutes === null ? "—" : String(a.minutes / 60)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t("internshipStaff.host.reportsTitle")}</h2>
        <ErrorSummary state={stateFor("comment")} labels={{ comment: t("internshipStaff.host.comment") }} />
        {data.reports.length === 0 ? (
          <p>{t("internshipStaff.host.reportsNone")}</p>
        ) : (
          data.reports.map((r) => (
            <article key={r.day} aria-labelledby={`report-${r.day}`}>
              <h3 id={`report-${r.day}`}>{formatDate(r.day, locale)}</h3>
              <p>
                <strong>{t("internshipStaff.host.did")}:</strong> {r.did}
              </p>
              {r.learned ? (
                <p>
                  <strong>{t("internshipStaff.host.learned")}:</strong> {r.learned}
                </p>
              ) : null}
              {r.issues ? (
                <p>
                  <strong>{t("internshipStaff.host.issues")}:</strong> {r.issues}
                </p>
              ) : null}
              {r.confirmed ? (
                <p>
                  {t("internshipStaff.host.confirmed")}
                  {r.hostComment ? ` — ${r.hostComment}` : ""}
                </p>
              ) : (
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="comment" />
                  <input type="hidden" name="day" value={r.day} />
                  <label htmlFor={`comment-${r.day}`}>{t("internshipStaff.host.comment")}</label>
                  <textarea id={`comment-${r.day}`} name="comment" rows={2} maxLength={2000} defaultValue={r.hostComment ?? ""} />
                  <div className="choice">
                    <input type="checkbox" id={`confirm-${r.day}`} name="confirm" value="yes" defaultChecked />
                    <label htmlFor={`confirm-${r.day}`}>{t("internshipStaff.host.confirm")}</label>
                  </div>
                  <button type="submit">{t("internshipStaff.host.saveComment", { day: formatDate(r.day, locale) })}</button>
                </Form>
              )}
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="final-title">
        <h2 id="final-title">{t("internshipStaff.host.finalTitle")}</h2>
        <ErrorSummary state={stateFor("report")} labels={{ summary: t("internshipStaff.host.summary"), outcomes: t("internshipStaff.host.outcomes") }} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="report" />
          <TextArea
            name="summary"
            label={t("internshipStaff.host.summary")}
            state={stateFor("report")}
            required
            rows={5}
            maxLength={8000}
            defaultValue={data.finalReport?.summary}
          />
          <TextArea
            name="outcomes"
            label={t("internshipStaff.host.outcomes")}
            state={stateFor("report")}
            rows={3}
            maxLength={8000}
            defaultValue={data.finalReport?.outcomes}
          />
          <button type="submit">{t("internshipStaff.host.saveFinal")}</button>
        </Form>
      </section>

      <section aria-labelledby="survey-title">
        <h2 id="survey-title">{t("internshipStaff.host.surveyTitle")}</h2>
        <ErrorSummary state={stateFor("survey")} labels={{ ...surveyLabels, comment: t("internshipStaff.host.surveyComment") }} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="survey" />
          {data.questions.map((q) => (
            <RadioGroup
              key={q.code}
              name={q.code}
              legend={surveyLabels[q.code]}
              state={stateFor("survey")}
              required
              inline
              defaultValue={data.survey?.[q.code] ?? undefined}
              options={q.answers.map((a) => ({ value: a, label: t(`internshipStaff.survey.answers.${q.code}.${a}`) }))}
            />
          ))}
          <TextArea
            name="comment"
            label={t("internshipStaff.host.surveyComment")}
            state={stateFor("survey")}
            rows={3}
            maxLength={2000}
            defaultValue={data.survey?.comment ?? undefined}
          />
          <button type="submit">{t("internshipStaff.host.saveSurvey")}</button>
        </Form>
      </section>
      <p>
        <a href={`/${locale}/host/internship`}>{t("internshipStaff.host.back")}</a>
      </p>
    </>
  );
}
