import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { INTERVIEW_SCORE } from "#src/domain/interviews/index.ts";
import { getInterviewForScoring } from "#src/services/interviews/get-interview-for-scoring.ts";
import { recordInterviewResult } from "#src/services/interviews/record-interview-result.ts";
import { ErrorSummary, RadioGroup, Select, SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/score";

/** The interviewer records attendance, a score per criterion and a comment (issue 14). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getInterviewForScoring(rt, actor, params.id));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => recordInterviewResult(rt, actor, params.id, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/interviews/${params.id}?saved=1`);
}

export default function ScoreInterview() {
  const { t } = useI18n();
  const iv = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const scoreOptions = [{ value: "", label: "—" }];
  for (let n = INTERVIEW_SCORE.min; n <= INTERVIEW_SCORE.max; n++) scoreOptions.push({ value: String(n), label: t("interviewsStaff.scoreOption", { n }) });
  const labels: Record<string, string> = { attendance: t("interviewsStaff.attendance"), comment: t("interviewsStaff.comment") };
  for (const c of iv.criteria) labels[`scores.${c.criterion}`] = t(`interviewsStaff.criteria.${c.criterion}`);
  return (
    <>
      <h1>{t("interviewsStaff.scoreTitle", { name: iv.name })}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status">
          {t("interviewsStaff.saved")}
        </p>
      ) : null}
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      <SummaryList
        rows={[
          { key: "when", label: t("interviewsStaff.when"), value: <Instant at={iv.startsAt} /> },
          { key: "stage", label: t("interviewsStaff.stage"), value: t(`interviewsStaff.stages.${iv.stage}`) },
          { key: "receipt", label: t("interviewsStaff.receipt"), value: iv.receiptNumber ?? "—" },
          { key: "nationality", label: t("interviewsStaff.nationality"), value: iv.nationality ?? "—" },
          { key: "status", label: t("interviewsStaff.attendance"), value: t(`interviewsStaff.statuses.${iv.status}`), testId: "interview-status" },
        ]}
      />
      <Form method="post" noValidate>
        <RadioGroup
          name="attendance"
          legend={labels.attendance}
          state={state}
          required
          options={(["done", "no_show", "cancelled"] as const).map((v) => ({ value: v, label: t(`interviewsStaff.statuses.${v}`) }))}
          defaultValue={iv.status === "scheduled" ? "done" : iv.status}
        />
        {iv.criteria.map((c) => (
          <Select
            key={c.criterion}
            name={`scores.${c.criterion}`}
            label={labels[`scores.${c.criterion}`]}
            state={state}
            options={scoreOptions}
            defaultValue={c.score === null ? "" : String(c.score)}
          />
        ))}
        <TextArea name="comment" label={labels.comment} state={state} defaultValue={iv.comment} characterCount={4000} />
        <button type="submit">{t("interviewsStaff.saveResult")}</button>
      </Form>
    </>
  );
}
