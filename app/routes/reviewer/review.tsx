import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { RECOMMENDATIONS } from "#src/domain/screening/recommendation.ts";
import { scaleValues } from "#src/domain/screening/rubric.ts";
import { declareReviewConflict } from "#src/services/screening/declare-review-conflict.ts";
import { getReviewForScoring } from "#src/services/screening/get-review-for-scoring.ts";
import { saveReviewScores } from "#src/services/screening/save-review-scores.ts";
import { ErrorSummary, Fieldset, RadioGroup, SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/review";

/** Blind scoring of one assigned application: the answers and documents needed, the rubric, and declaring a conflict. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ review: await getReviewForScoring(rt, actor, params.assignmentId) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  if (form.get("_form") === "conflict") {
    const out = await runForm(request, locale, form, () => declareReviewConflict(rt, actor, params.assignmentId, readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`/${locale}/reviewer?released=1`);
  }
  const out = await runForm(request, locale, form, () => saveReviewScores(rt, actor, params.assignmentId, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/reviewer/reviews/${params.assignmentId}?saved=${out.result.state}`);
}

export default function ReviewPage() {
  const { t, locale } = useI18n();
  const { review } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const lang = locale === "ja" ? "ja" : "en";
  const values = scaleValues(review.rubric.scale);
  const labels: Record<string, string> = { recommendation: t("screening.review.recommendation"), reason: t("screening.review.conflictReason") };
  for (const c of review.rubric.criteria) labels[`score.${c.id}`] = c.label[lang];
  const a = review.answers;
  return (
    <>
      <h1>{t("screening.review.title", { receipt: review.receiptNumber ?? "" })}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status">
          {t(search.get("saved") === "submitted" ? "screening.review.submitted" : "screening.review.draftSaved")}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/reviewer`}>{t("screening.reviewer.backHome")}</a>
      </p>
      <p>
        {t("screening.state")}: <strong data-testid="review-state">{t(`screening.states.${review.state}`)}</strong>
        {review.deadline ? (
          <>
            {" · "}
            {t("screening.reviewer.deadline")}: <Instant at={review.deadline} />
          </>
        ) : null}
      </p>
      <p>{t("screening.review.blindNote")}</p>
      <h2>{t("screening.review.answersTitle")}</h2>
      <SummaryList
        rows={[
          { key: "learn", label: t("screening.review.motivationLearn"), value: a.motivationLearn ?? "—" },
          { key: "use", label: t("screening.review.motivationUse"), value: a.motivationUse ?? "—" },
          { key: "fields", label: t("screening.review.preferredFields"), value: a.preferredFields.join(", ") || "—" },
          {
            key: "education",
            label: t("screening.review.education"),
            value: a.education.map((e) => [e.university, e.degree, e.field, e.graduationYear].filter(Boolean).join(" / ")).join("; ") || "—",
          },
          { key: "employment", label: t("screening.review.employment"), value: a.employment.map((e) => `${e.employer} / ${e.jobTitle}`).join("; ") || "—" },
          {
            key: "languages",
            label: t("screening.review.languages"),
            value: a.languages.map((l) => (l.kind === "jlpt" ? `JLPT ${l.jlptLevel ?? ""}` : `${l.englishTest ?? ""} ${l.score ?? ""}`)).join("; ") || "—",
          },
        ]}
      />
      <h2>{t("screening.review.documentsTitle")}</h2>
      {review.documents.length === 0 ? (
        <p>{t("screening.review.noDocuments")}</p>
      ) : (
        <ul>
          {review.documents.map((d, i) => (
            <li key={d.id}>
              <a href={`/documents/${d.id}`}>{t("screening.review.document", { n: i + 1, kind: t(`screening.documentKinds.${d.kind}`) })}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("screening.review.scoresTitle")}</h2>
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        {review.rubric.criteria.map((c) => (
          <Fieldset key={c.id} legend={t("screening.review.criterion", { label: c.label[lang], weight: c.weight })} hint={c.descriptor[lang]}>
            <RadioGroup
              name={`score.${c.id}`}
              legend={t("screening.review.score", { label: c.label[lang] })}
              state={formState}
              inline
              defaultValue={review.scores[c.id] ? String(review.scores[c.id]!.score) : null}
              options={values.map((v) => ({ value: String(v), label: String(v) }))}
            />
            <TextArea
              name={`comment.${c.id}`}
              label={t("screening.review.comment", { label: c.label[lang] })}
              state={formState}
              rows={2}
              defaultValue={review.scores[c.id]?.comment ?? ""}
            />
          </Fieldset>
        ))}
        <RadioGroup
          name="recommendation"
          legend={labels.recommendation}
          state={formState}
          defaultValue={review.recommendation}
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`screening.recommendations.${r}`) }))}
        />
        <TextArea name="overallComment" label={t("screening.review.overallComment")} state={formState} rows={3} defaultValue={review.overallComment} />
        <div className="actions">
          <button type="submit" name="intent" value="draft">
            {t("screening.review.saveDraft")}
          </button>{" "}
          <button type="submit" name="intent" value="submit">
            {t("screening.review.submit")}
          </button>
        </div>
      </Form>
      <h2>{t("screening.review.conflictTitle")}</h2>
      <p>{t("screening.review.conflictLead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="_form" value="conflict" />
        <TextArea name="reason" label={labels.reason} state={formState} rows={2} required />
        <button type="submit">{t("screening.review.declareConflict")}</button>
      </Form>
    </>
  );
}
