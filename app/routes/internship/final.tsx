import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { answerSurvey } from "#src/services/internship/answer-survey.ts";
import { getMyInternship } from "#src/services/internship/get-my-internship.ts";
import { submitFinalReport } from "#src/services/internship/submit-final-report.ts";
import { ErrorSummary, RadioGroup, TextArea, useFormState } from "../../components/forms/index.ts";
import { Notice } from "../../components/notice.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/final";
import { PageTitle } from "../../components/page-title.tsx";

/** The intern's final report and end-of-internship evaluation survey (in their language; answers stored under the report's codes). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getMyInternship(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const survey = form.get("intent") === "survey";
  const out = await runForm(request, locale, form, () => (survey ? answerSurvey(rt, actor, readForm(form)) : submitFinalReport(rt, actor, readForm(form))));
  return out.ok ? redirect(`/${locale}/internship/final?saved=${survey ? "survey" : "report"}`) : out.response;
}

export default function FinalReport() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const saved = search.get("saved");
  const intent = state?.values?.intent;
  const reportState = intent === "survey" ? undefined : state;
  const surveyState = intent === "survey" ? state : undefined;
  const surveyLabels = Object.fromEntries(data.questions.map((q) => [q.code, t(`internship.survey.questions.${q.code}`)]));
  return (
    <>
      <PageTitle title={t("internship.final.title")} />
      <h1>{t("internship.final.title")}</h1>
      <Notice text={saved === "survey" ? t("internship.survey.saved") : saved === "report" ? t("internship.final.saved") : null} />
      <Refusal />
      {!data.placement ? (
        <p>{t("internship.none")}</p>
      ) : (
        <>
          <p>{t("internship.final.lead")}</p>
          <section aria-labelledby="final-title">
            <h2 id="final-title">{t("internship.final.reportTitle")}</h2>
            <ErrorSummary state={reportState} labels={{ summary: t("internship.final.summary"), outcomes: t("internship.final.outcomes") }} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="report" />
              <TextArea
                name="summary"
                label={t("internship.final.summary")}
                state={reportState}
                required
                rows={6}
                maxLength={8000}
                defaultValue={data.finalReport?.summary}
              />
              <TextArea
                name="outcomes"
                label={t("internship.final.outcomes")}
                state={reportState}
                rows={4}
                maxLength={8000}
                defaultValue={data.finalReport?.outcomes}
              />
              <button type="submit">{t("internship.final.submit")}</button>
            </Form>
          </section>
          <section aria-labelledby="survey-title">
            <h2 id="survey-title">{t("internship.survey.title")}</h2>
            <ErrorSummary state={surveyState} labels={{ ...surveyLabels, comment: t("internship.survey.comment") }} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="survey" />
              {data.questions.map((q) => (
                <RadioGroup
                  key={q.code}
                  name={q.code}
                  legend={surveyLabels[q.code]}
                  state={surveyState}
                  required
                  inline
                  defaultValue={data.survey?.[q.code] ?? undefined}
                  options={q.answers.map((a) => ({ value: a, label: t(`internship.survey.answers.${q.code}.${a}`) }))}
                />
              ))}
              <TextArea
                name="comment"
                label={t("internship.survey.comment")}
                state={surveyState}
                rows={3}
                maxLength={2000}
                defaultValue={data.survey?.comment ?? undefined}
              />
              <button type="submit">{t("internship.survey.submit")}</button>
            </Form>
          </section>
          <p>
            <a href={`/${locale}/internship`}>{t("internship.final.back")}</a>
          </p>
        </>
      )}
    </>
  );
}
