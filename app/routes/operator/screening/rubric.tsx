import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getRoundRubric } from "#src/services/screening/get-round-rubric.ts";
import { MAX_RUBRIC_CRITERIA, saveRoundRubric } from "#src/services/screening/save-round-rubric.ts";
import { ErrorSummary, Field, Fieldset, TextArea, useFormState } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/rubric";

/** The operator's rubric editor of a round: criteria with weights and ja/en texts, the scale; locked once scoring starts. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ view: await getRoundRubric(rt, actor, params.roundId) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => saveRoundRubric(rt, actor, params.roundId, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/rounds/${params.roundId}/screening/rubric?saved=${out.result.criteria}`);
}

export default function RubricEditor() {
  const { t, locale } = useI18n();
  const { view } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const name = locale === "ja" ? view.round.nameJa : view.round.nameEn;
  const { criteria, scale } = view.rubric;
  const rows = Math.min(MAX_RUBRIC_CRITERIA, Math.max(criteria.length + 2, 4));
  const n = (x: number) => formatNumber(x, locale);
  const labels: Record<string, string> = {
    scaleMin: t("screeningOps.rubric.scaleMin"),
    scaleMax: t("screeningOps.rubric.scaleMax"),
    c: t("screeningOps.rubric.criteriaTitle"),
  };
  for (let i = 0; i < rows; i++) {
    labels[`c.${i}.weight`] = `${t("screeningOps.rubric.criterion", { n: i + 1 })}: ${t("screeningOps.rubric.weight")}`;
    labels[`c.${i}.labelJa`] = `${t("screeningOps.rubric.criterion", { n: i + 1 })}: ${t("screeningOps.rubric.labelJa")}`;
    labels[`c.${i}.labelEn`] = `${t("screeningOps.rubric.criterion", { n: i + 1 })}: ${t("screeningOps.rubric.labelEn")}`;
  }
  return (
    <>
      <PageTitle title={t("screeningOps.rubric.title", { round: name })} />
      <h1>{t("screeningOps.rubric.title", { round: name })}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status" data-testid="rubric-saved">
          {t("screeningOps.rubric.saved", { count: Number(search.get("saved")) })}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/operator/rounds/${view.round.id}/screening`}>{t("screening.ranking.backToBoard")}</a>
      </p>
      <Refusal title={t("screeningOps.refusedTitle")} />
      <ErrorSummary state={formState} labels={labels} />
      <p data-testid="rubric-origin">{view.isDefault ? t("screeningOps.rubric.isDefault") : t("screeningOps.rubric.isOwn")}</p>
      {view.locked ? (
        <>
          <p data-testid="rubric-locked">{t(`screeningOps.rubric.locked.${view.locked}`)}</p>
          <table>
            <caption>{t("screeningOps.rubric.criteriaTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("screeningOps.rubric.label")}</th>
                <th scope="col">{t("screeningOps.rubric.weight")}</th>
                <th scope="col">{t("screeningOps.rubric.descriptor")}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{locale === "ja" ? c.label.ja : c.label.en}</th>
                  <td>{n(c.weight)}</td>
                  <td>{locale === "ja" ? c.descriptor.ja : c.descriptor.en}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("screeningOps.rubric.scaleValue", { min: n(scale.min), max: n(scale.max), step: n(scale.step) })}</p>
        </>
      ) : (
        <Form method="post" noValidate>
          <Fieldset legend={t("screeningOps.rubric.scaleTitle")}>
            <Field
              name="scaleMin"
              label={t("screeningOps.rubric.scaleMin")}
              width="short"
              inputMode="decimal"
              state={formState}
              defaultValue={String(scale.min)}
              required
            />
            <Field
              name="scaleMax"
              label={t("screeningOps.rubric.scaleMax")}
              width="short"
              inputMode="decimal"
              state={formState}
              defaultValue={String(scale.max)}
              required
            />
            <Field
              name="scaleStep"
              label={t("screeningOps.rubric.scaleStep")}
              width="short"
              inputMode="decimal"
              state={formState}
              defaultValue={String(scale.step)}
              required
            />
          </Fieldset>
          <h2>{t("screeningOps.rubric.criteriaTitle")}</h2>
          <p>{t("screeningOps.rubric.criteriaHint")}</p>
          {Array.from({ length: rows }, (_, i) => {
            const c = criteria[i];
            return (
              <Fieldset key={i} legend={t("screeningOps.rubric.criterion", { n: i + 1 })}>
                <input type="hidden" name={`c.${i}.id`} value={c?.id ?? ""} />
                <Field name={`c.${i}.labelJa`} label={t("screeningOps.rubric.labelJa")} state={formState} defaultValue={c?.label.ja ?? ""} />
                <Field name={`c.${i}.labelEn`} label={t("screeningOps.rubric.labelEn")} state={formState} defaultValue={c?.label.en ?? ""} />
                <Field
                  name={`c.${i}.weight`}
                  label={t("screeningOps.rubric.weight")}
                  width="short"
                  inputMode="decimal"
                  state={formState}
                  defaultValue={c ? String(c.weight) : ""}
                />
                <TextArea
                  name={`c.${i}.descriptorJa`}
                  label={t("screeningOps.rubric.descriptorJa")}
                  state={formState}
                  rows={2}
                  defaultValue={c?.descriptor.ja ?? ""}
                />
                <TextArea
                  name={`c.${i}.descriptorEn`}
                  label={t("screeningOps.rubric.descriptorEn")}
                  state={formState}
                  rows={2}
                  defaultValue={c?.descriptor.en ?? ""}
                />
              </Fieldset>
            );
          })}
          <button type="submit">{t("screeningOps.rubric.save")}</button>
        </Form>
      )}
    </>
  );
}
