import { useLoaderData } from "react-router";
import { listHostPlacements } from "#src/services/internship/list-host-placements.ts";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

/** The interns placed at the host member's company, with the daily reports still to confirm. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listHostPlacements(rt, actor));
}

export default function HostInterns() {
  const { t, locale } = useI18n();
  const placements = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("internshipStaff.host.listTitle")} />
      <h1>{t("internshipStaff.host.listTitle")}</h1>
      <p className="lead">{t("internshipStaff.host.listLead")}</p>
      <p>
        <a href={`/${locale}/host/incidents`}>{t("internshipOutcomes.host.incidentsLink")}</a>
      </p>
      {placements.length === 0 ? (
        <p>{t("internshipStaff.host.none")}</p>
      ) : (
        <table>
          <caption>{t("internshipStaff.host.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("internshipStaff.columns.intern")}</th>
              <th scope="col">{t("internshipStaff.columns.cohort")}</th>
              <th scope="col">{t("internshipStaff.columns.period")}</th>
              <th scope="col">{t("internshipStaff.columns.mode")}</th>
              <th scope="col">{t("internshipStaff.columns.status")}</th>
              <th scope="col">{t("internshipStaff.columns.unconfirmed")}</th>
            </tr>
          </thead>
          <tbody>
            {placements.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/${locale}/host/internship/${p.id}`}>{p.internName}</a>
                </td>
                <td>{p.cohort ?? "—"}</td>
                <td>{t("internshipStaff.periodValue", { start: formatDate(p.startsOn, locale), end: formatDate(p.endsOn, locale) })}</td>
                <td>{t(`internshipStaff.modes.${p.mode}`)}</td>
                <td>{t(`internshipStaff.statuses.${p.status}`)}</td>
                <td>{p.unconfirmedReports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
