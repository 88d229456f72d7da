import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listCohorts, movePlacement, saveCohort, terminatePlacement } from "#src/services/internship/cohorts.ts";
import { ErrorSummary, Field, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/cohorts";

/** The operator's cohorts of a round (ADR 0035): define a cohort, move a placement to another, record an early termination. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listCohorts(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = form.get("intent");
  const out = await runForm(request, locale, form, async () => {
    const input = { ...readForm(form), roundId: params.roundId };
    if (intent === "move") await movePlacement(rt, actor, input);
    else if (intent === "terminate") await terminatePlacement(rt, actor, input);
    else await saveCohort(rt, actor, input);
  });
  const done = intent === "move" ? "moved" : intent === "terminate" ? "terminated" : "saved";
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/cohorts?done=${done}`) : out.response;
}

export default function Cohorts() {
  const { t, locale } = useI18n();
  const { round, cohorts, placements } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const labels = {
    code: t("internshipPeriodStaff.cohorts.code"),
    arrivesOn: t("internshipPeriodStaff.cohorts.arrivesOn"),
    departsOn: t("internshipPeriodStaff.cohorts.departsOn"),
    placementId: t("internshipPeriodStaff.cohorts.placement"),
    cohort: t("internshipPeriodStaff.cohorts.moveTo"),
    lastDay: t("internshipPeriodStaff.cohorts.lastDay"),
    reason: t("internshipPeriodStaff.cohorts.reason"),
  };
  const defined = cohorts.filter((c) => !c.undefined);
  const open = placements.filter((p) => p.status === "active" || p.status === "planned");
  const active = placements.filter((p) => p.status === "active");
  const placementLabel = (p: (typeof placements)[number]) =>
    `${p.internName} — ${locale === "ja" ? p.organizationNameJa : (p.organizationNameEn ?? p.organizationNameJa)} (${p.cohort ?? "—"})`;
  return (
    <>
      <PageTitle title={t("internshipPeriodStaff.cohorts.title", { round: roundName })} />
      <h1>{t("internshipPeriodStaff.cohorts.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipPeriodStaff.cohorts.lead")}</p>
      <Notice text={done ? t(`internshipPeriodStaff.cohorts.done.${done === "moved" ? "moved" : done === "terminated" ? "terminated" : "saved"}`) : null} />
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
      {cohorts.length === 0 ? (
        <p>{t("internshipPeriodStaff.cohorts.none")}</p>
      ) : (
        <table>
          <caption>{t("internshipPeriodStaff.cohorts.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.code}</th>
              <th scope="col">{labels.arrivesOn}</th>
              <th scope="col">{labels.departsOn}</th>
              <th scope="col">{t("internshipPeriodStaff.cohorts.placements")}</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.code} data-testid="cohort">
                <th scope="row">{c.code}</th>
                <td>{c.arrivesOn ? formatDate(c.arrivesOn, locale) : t("internshipPeriodStaff.cohorts.notDefined")}</td>
                <td>{c.departsOn ? formatDate(c.departsOn, locale) : "—"}</td>
                <td>{c.placements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="cohort-form">
        <h2 id="cohort-form">{t("internshipPeriodStaff.cohorts.formTitle")}</h2>
        <p>{t("internshipPeriodStaff.cohorts.formLead")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <Field name="code" label={labels.code} hint={t("internshipPeriodStaff.cohorts.codeHint")} state={state} required width="short" />
          <Field name="arrivesOn" label={labels.arrivesOn} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
          <Field name="departsOn" label={labels.departsOn} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
          <button type="submit">{t("internshipPeriodStaff.cohorts.save")}</button>
        </Form>
      </section>
      <section aria-labelledby="move-form">
        <h2 id="move-form">{t("internshipPeriodStaff.cohorts.moveTitle")}</h2>
        {open.length === 0 || defined.length === 0 ? (
          <p>{t("internshipPeriodStaff.cohorts.nothingToMove")}</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="move" />
            <Select
              name="placementId"
              label={labels.placementId}
              state={state}
              required
              options={open.map((p) => ({ value: p.id, label: placementLabel(p) }))}
            />
            <Select name="cohort" label={labels.cohort} state={state} required options={defined.map((c) => ({ value: c.code, label: c.code }))} />
            <button type="submit">{t("internshipPeriodStaff.cohorts.move")}</button>
          </Form>
        )}
      </section>
      <section aria-labelledby="terminate-form">
        <h2 id="terminate-form">{t("internshipPeriodStaff.cohorts.terminateTitle")}</h2>
        <p>{t("internshipPeriodStaff.cohorts.terminateLead")}</p>
        {active.length === 0 ? (
          <p>{t("internshipPeriodStaff.cohorts.nothingToTerminate")}</p>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="terminate" />
            <Select
              name="placementId"
              id="terminate-placement"
              label={labels.placementId}
              state={state}
              required
              options={active.map((p) => ({ value: p.id, label: placementLabel(p) }))}
            />
            <Field name="lastDay" label={labels.lastDay} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
            <TextArea name="reason" label={labels.reason} state={state} required rows={3} />
            <button type="submit">{t("internshipPeriodStaff.cohorts.terminate")}</button>
          </Form>
        )}
      </section>
      {placements.some((p) => p.status === "terminated") ? (
        <section aria-labelledby="ended-title">
          <h2 id="ended-title">{t("internshipPeriodStaff.cohorts.endedTitle")}</h2>
          <ul>
            {placements
              .filter((p) => p.status === "terminated")
              .map((p) => (
                <li key={p.id} data-testid="terminated">
                  {t("internshipPeriodStaff.cohorts.ended", { name: p.internName, day: p.terminatedOn ? formatDate(p.terminatedOn, locale) : "—" })}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
