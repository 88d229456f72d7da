import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { completePlacement } from "#src/services/internship/complete-placement.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { listPlacements } from "#src/services/internship/list-placements.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/placements";
import { PageTitle } from "../../../components/page-title.tsx";

/** The operator's placements of a round, by cohort; a placement from each accepted offer; completing a placement. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listPlacements(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const complete = form.get("intent") === "complete";
  const out = await runForm(request, locale, form, async () => {
    if (complete) await completePlacement(rt, actor, readForm(form));
    else await createPlacementFromOffer(rt, actor, readForm(form));
  });
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/placements?done=${complete ? "completed" : "created"}`) : out.response;
}

export default function Placements() {
  const { t, locale } = useI18n();
  const { round, placements, openOffers } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const labels = {
    offerId: t("internshipStaff.create.offer"),
    cohort: t("internshipStaff.create.cohort"),
    startsOn: t("internshipStaff.create.startsOn"),
    endsOn: t("internshipStaff.create.endsOn"),
    mode: t("internshipStaff.create.mode"),
  };
  return (
    <>
      <PageTitle title={t("internshipStaff.placements.title", { round: roundName })} />
      <h1>{t("internshipStaff.placements.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipStaff.placements.lead")}</p>
      <Notice text={done === "created" ? t("internshipStaff.placements.created") : done === "completed" ? t("internshipStaff.placements.completed") : null} />
      <Refusal />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/allowances`}>{t("internshipStaff.nav.allowances")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/incidents`}>{t("internshipStaff.incidents.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/cohorts`}>{t("internshipPeriodStaff.cohorts.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/late-reports`}>{t("internshipPeriodStaff.late.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/check-ins`}>{t("internshipPeriodStaff.checkIns.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/training`}>{t("hostTraining.operator.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/presentations`}>{t("hostTraining.presentations.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/outcomes`}>{t("internshipOutcomes.staff.link")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}`}>{t("internshipStaff.placements.roundLink")}</a>
      </p>
      {placements.length === 0 ? (
        <p>{t("internshipStaff.placements.none")}</p>
      ) : (
        <table>
          <caption>{t("internshipStaff.placements.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("internshipStaff.columns.cohort")}</th>
              <th scope="col">{t("internshipStaff.columns.intern")}</th>
              <th scope="col">{t("internshipStaff.columns.host")}</th>
              <th scope="col">{t("internshipStaff.columns.period")}</th>
              <th scope="col">{t("internshipStaff.columns.mode")}</th>
              <th scope="col">{t("internshipStaff.columns.status")}</th>
              <th scope="col">{t("internshipStaff.columns.reports")}</th>
              <th scope="col">{t("internshipStaff.columns.finals")}</th>
              <th scope="col">{t("internshipStaff.columns.surveys")}</th>
              <th scope="col">{t("internshipStaff.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {placements.map((p) => (
              <tr key={p.id}>
                <td>{p.cohort ?? "—"}</td>
                <td>{p.internName}</td>
                <td>{locale === "ja" ? p.organizationNameJa : (p.organizationNameEn ?? p.organizationNameJa)}</td>
                <td>{t("internshipStaff.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) })}</td>
                <td>{t(`internshipStaff.modes.${p.mode}`)}</td>
                <td>{t(`internshipStaff.statuses.${p.status}`)}</td>
                <td>{p.reports}</td>
                <td>{p.finalReports}/2</td>
                <td>{p.surveys}/2</td>
                <td>
                  {p.status === "active" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="complete" />
                      <input type="hidden" name="placementId" value={p.id} />
                      <button type="submit" className="link-button">
                        {t("internshipStaff.placements.complete", { name: p.internName })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="create-title">
        <h2 id="create-title">{t("internshipStaff.create.title")}</h2>
        {openOffers.length === 0 ? (
          <p>{t("internshipStaff.create.none")}</p>
        ) : (
          <>
            <ErrorSummary state={state} labels={labels} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="create" />
              <Select
                name="offerId"
                label={labels.offerId}
                state={state}
                required
                options={openOffers.map((o) => ({
                  value: o.offerId,
                  label: `${o.internName} — ${locale === "ja" ? o.organizationNameJa : (o.organizationNameEn ?? o.organizationNameJa)} (${o.positionTitle}, ${t(`internshipStaff.modes.${o.mode}`)})`,
                }))}
              />
              <Field name="cohort" label={labels.cohort} hint={t("internshipStaff.create.cohortHint")} state={state} required width="short" />
              <Field name="startsOn" label={labels.startsOn} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
              <Field name="endsOn" label={labels.endsOn} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
              <Select
                name="mode"
                label={labels.mode}
                hint={t("internshipStaff.create.modeHint")}
                state={state}
                placeholder={t("internshipStaff.create.sameAsPosition")}
                options={(["in_person", "online"] as const).map((m) => ({ value: m, label: t(`internshipStaff.modes.${m}`) }))}
              />
              <button type="submit">{t("internshipStaff.create.submit")}</button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
