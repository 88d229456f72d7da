import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { listLateReports, sendReportReminders } from "#src/services/internship/late-reports.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/late-reports";

/** The operator's list of late daily reports of a round, and reminders by e-mail (ADR 0035). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listLateReports(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  let emails = 0;
  const out = await runForm(request, locale, form, async () => {
    ({ emails } = await sendReportReminders(rt, actor, { roundId: params.roundId }));
  });
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/late-reports?sent=${emails}`) : out.response;
}

export default function LateReports() {
  const { t, locale } = useI18n();
  const { round, rows } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const sent = search.get("sent");
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  return (
    <>
      <PageTitle title={t("internshipPeriodStaff.late.title", { round: roundName })} />
      <h1>{t("internshipPeriodStaff.late.title", { round: roundName })}</h1>
      <p className="lead">{t("internshipPeriodStaff.late.lead")}</p>
      <Notice text={sent === null ? null : t("internshipPeriodStaff.late.sent", { emails: Number(sent) || 0 })} />
      <Refusal />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t("internshipPeriodStaff.late.none")}</p>
      ) : (
        <>
          <table>
            <caption>{t("internshipPeriodStaff.late.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("internshipStaff.columns.cohort")}</th>
                <th scope="col">{t("internshipStaff.columns.intern")}</th>
                <th scope="col">{t("internshipStaff.columns.host")}</th>
                <th scope="col">{t("internshipPeriodStaff.late.days")}</th>
                <th scope="col">{t("internshipPeriodStaff.late.reminded")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.placementId} data-testid="late-report">
                  <td>{r.cohort ?? "—"}</td>
                  <th scope="row">{r.internName}</th>
                  <td>{locale === "ja" ? r.organizationNameJa : (r.organizationNameEn ?? r.organizationNameJa)}</td>
                  <td>
                    {r.lateDays.length}: {r.lateDays.map((d) => formatDate(d, locale)).join(", ")}
                  </td>
                  <td>{r.remindedDays.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Form method="post">
            <p id="send-hint">{t("internshipPeriodStaff.late.sendHint")}</p>
            <button type="submit" aria-describedby="send-hint">
              {t("internshipPeriodStaff.late.send")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
