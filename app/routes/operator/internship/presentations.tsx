import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listRoundPresentations, scheduleFinalPresentation } from "#src/services/internship/final-presentations.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PresentationSlidesStatus } from "../../../components/presentation-slides-status.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import { tokyoWhen } from "../../../lib/training-format.ts";
import type { Route } from "./+types/presentations";

/** The operator's final presentations of a round (ADR 0038): schedule one per placement; download the intern's slides. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listRoundPresentations(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => scheduleFinalPresentation(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/presentations?saved=1`) : out.response;
}

export default function Presentations() {
  const { t, locale } = useI18n();
  const { round, placements } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const labels = {
    placementId: t("hostTraining.operator.intern"),
    startsAt: t("hostTraining.operator.startsAt"),
    place: t("hostTraining.operator.place"),
    onlineUrl: t("hostTraining.operator.onlineUrl"),
  };
  return (
    <>
      <PageTitle title={t("hostTraining.presentations.title", { round: roundName })} />
      <h1>{t("hostTraining.presentations.title", { round: roundName })}</h1>
      <p className="lead">{t("hostTraining.presentations.lead")}</p>
      <Notice text={search.get("saved") ? t("hostTraining.presentations.saved") : null} />
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/training`}>{t("hostTraining.operator.link")}</a>
      </p>
      {placements.length === 0 ? (
        <p>{t("hostTraining.presentations.none")}</p>
      ) : (
        <>
          <table>
            <caption>{t("hostTraining.presentations.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hostTraining.operator.intern")}</th>
                <th scope="col">{t("hostTraining.operator.host")}</th>
                <th scope="col">{t("hostTraining.presentations.when")}</th>
                <th scope="col">{t("hostTraining.presentations.where")}</th>
                <th scope="col">{t("hostTraining.presentations.slides")}</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((p) => (
                <tr key={p.id} data-testid="presentation">
                  <th scope="row">{p.internName}</th>
                  <td>{locale === "ja" ? p.organizationNameJa : (p.organizationNameEn ?? p.organizationNameJa)}</td>
                  <td>{p.presentation.startsAt ? tokyoWhen(p.presentation.startsAt, locale) : t("hostTraining.presentations.notScheduled")}</td>
                  <td>
                    {p.presentation.place ?? ""}
                    {p.presentation.place && p.presentation.onlineUrl ? " · " : ""}
                    {p.presentation.onlineUrl ? <a href={p.presentation.onlineUrl}>{p.presentation.onlineUrl}</a> : null}
                  </td>
                  <td>
                    {p.presentation.slides ? (
                      <PresentationSlidesStatus placementId={p.id} slides={p.presentation.slides} />
                    ) : (
                      t("hostTraining.presentations.noSlides")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t("hostTraining.presentations.formTitle")}</h2>
            <Form method="post" noValidate>
              <Select
                name="placementId"
                label={labels.placementId}
                state={state}
                required
                options={placements.map((p) => ({ value: p.id, label: p.internName }))}
              />
              <Field name="startsAt" label={labels.startsAt} hint={t("hostTraining.operator.startsAtHint")} type="datetime-local" state={state} required />
              <Field name="place" label={labels.place} state={state} />
              <Field name="onlineUrl" label={labels.onlineUrl} hint={t("hostTraining.operator.onlineUrlHint")} type="url" state={state} />
              <button type="submit">{t("hostTraining.presentations.submit")}</button>
            </Form>
          </section>
        </>
      )}
    </>
  );
}
