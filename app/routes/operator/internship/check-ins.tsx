import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { CHECK_IN_KINDS, listCheckIns, recordCheckIn } from "#src/services/internship/check-ins.ts";
import { ErrorSummary, Field, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/check-ins";

/** The operator's check-ins of a round (ADR 0035): the mid-term interview and other check-ins, with notes and follow-ups. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listCheckIns(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, async () => {
    await recordCheckIn(rt, actor, readForm(form));
  });
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/check-ins?done=1`) : out.response;
}

export default function CheckIns() {
  const { t, locale } = useI18n();
  const { round, placements, checkIns } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const labels = {
    placementId: t("internshipStaff.columns.intern"),
    kind: t("internshipPeriodStaff.checkIns.kind"),
    day: t("internshipPeriodStaff.checkIns.day"),
    notes: t("internshipPeriodStaff.checkIns.notes"),
    followUp: t("internshipPeriodStaff.checkIns.followUp"),
  };
  return (
    <>
      <PageTitle title={t("internshipPeriodStaff.checkIns.title", { round: roundName })} />
      <h1>{t("internshipPeriodStaff.checkIns.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipPeriodStaff.checkIns.lead")}</p>
      <Notice text={search.get("done") ? t("internshipPeriodStaff.checkIns.recorded") : null} />
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a> ·{" "}
        <a href={`/${locale}/operator/rounds/${round.id}/check-ins/schedule`}>{t("internshipOutcomes.schedule.title")}</a>
      </p>
      {checkIns.length === 0 ? (
        <p>{t("internshipPeriodStaff.checkIns.none")}</p>
      ) : (
        <table>
          <caption>{t("internshipPeriodStaff.checkIns.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.day}</th>
              <th scope="col">{labels.placementId}</th>
              <th scope="col">{labels.kind}</th>
              <th scope="col">{labels.notes}</th>
              <th scope="col">{labels.followUp}</th>
            </tr>
          </thead>
          <tbody>
            {checkIns.map((c) => (
              <tr key={c.id} data-testid="check-in">
                <td>{formatDate(c.day, locale)}</td>
                <th scope="row">{c.internName}</th>
                <td>{t(`internshipPeriodStaff.checkIns.kinds.${c.kind === "mid_term_interview" ? "mid_term_interview" : "check_in"}`)}</td>
                <td>{c.notes ?? "—"}</td>
                <td>{c.followUp ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="check-in-form">
        <h2 id="check-in-form">{t("internshipPeriodStaff.checkIns.formTitle")}</h2>
        {placements.length === 0 ? (
          <p>{t("internshipPeriodStaff.cohorts.nothingToTerminate")}</p>
        ) : (
          <Form method="post" noValidate>
            <Select
              name="placementId"
              label={labels.placementId}
              state={state}
              required
              options={placements.map((p) => ({ value: p.id, label: p.internName }))}
            />
            <Select
              name="kind"
              label={labels.kind}
              state={state}
              required
              options={CHECK_IN_KINDS.map((k) => ({ value: k, label: t(`internshipPeriodStaff.checkIns.kinds.${k}`) }))}
            />
            <Field name="day" label={labels.day} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
            <TextArea name="notes" label={labels.notes} state={state} rows={3} />
            <TextArea name="followUp" label={labels.followUp} hint={t("internshipPeriodStaff.checkIns.followUpHint")} state={state} rows={2} />
            <button type="submit">{t("internshipPeriodStaff.checkIns.submit")}</button>
          </Form>
        )}
      </section>
    </>
  );
}
