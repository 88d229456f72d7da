import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { OUTCOME_QUESTIONS } from "#src/domain/internship/outcomes.ts";
import { answerOutcome, getHostOutcome } from "#src/services/internship/host-outcome.ts";
import { ErrorSummary, RadioGroup, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/outcome";

/** The host's answers to one outcome follow-up (6 or 12 months after the placement), linked from the e-mail (ADR 0039). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getHostOutcome(rt, actor, params.placementId, params.months));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () =>
    answerOutcome(rt, actor, { ...readForm(form), placementId: params.placementId, months: params.months }),
  );
  return out.ok ? redirect(`/${locale}/host/internship/${params.placementId}/outcomes/${params.months}?saved=1`) : out.response;
}

export default function HostOutcome() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const p = data.placement;
  const title = t("internshipOutcomes.outcome.title", { months: data.milestone, name: p.internName });
  const labels = Object.fromEntries([
    ...OUTCOME_QUESTIONS.map((q) => [q, t(`internshipOutcomes.outcome.questions.${q}`)]),
    ["notes", t("internshipOutcomes.outcome.notes")],
  ]);
  const yesNo = (v: boolean | null | undefined) => (v === true ? "yes" : v === false ? "no" : undefined);
  const window = { dueOn: formatDate(data.dueOn, locale), closesOn: formatDate(data.closesOn, locale) };
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <Notice text={search.get("saved") ? t("internshipOutcomes.outcome.saved") : null} />
      <Refusal />
      <p className="lead">{t("internshipOutcomes.outcome.lead", { lastDay: formatDate(p.endsOn, locale) })}</p>
      <p data-testid="outcome-window">
        {data.open
          ? t("internshipOutcomes.outcome.window", window)
          : data.today < data.dueOn
            ? t("internshipOutcomes.outcome.notYet", window)
            : t("internshipOutcomes.outcome.closed", window)}
      </p>
      <p data-testid="outcome-answered">
        {data.answeredAt ? (
          <>
            {t("internshipOutcomes.outcome.answeredAt")} <Instant at={data.answeredAt} />
          </>
        ) : (
          t("internshipOutcomes.outcome.notAnswered")
        )}
      </p>
      {data.open ? (
        <>
          <ErrorSummary state={state} labels={labels} />
          <Form method="post" noValidate>
            {OUTCOME_QUESTIONS.map((q) => (
              <RadioGroup
                key={q}
                name={q}
                legend={labels[q]}
                state={state}
                required
                inline
                defaultValue={yesNo(data.answers?.[q])}
                options={[
                  { value: "yes", label: t("internshipOutcomes.outcome.yes") },
                  { value: "no", label: t("internshipOutcomes.outcome.no") },
                ]}
              />
            ))}
            <TextArea name="notes" label={labels.notes} state={state} rows={3} maxLength={2000} defaultValue={data.answers?.notes ?? undefined} />
            <button type="submit">{t("internshipOutcomes.outcome.submit")}</button>
          </Form>
        </>
      ) : data.answers ? (
        <dl>
          {OUTCOME_QUESTIONS.map((q) => (
            <div key={q}>
              <dt>{labels[q]}</dt>
              <dd>{data.answers?.[q] ? t("internshipOutcomes.outcome.yes") : t("internshipOutcomes.outcome.no")}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>
        <a href={`/${locale}/host/internship/${p.id}`}>{t("internshipOutcomes.outcome.back")}</a>
      </p>
    </>
  );
}
