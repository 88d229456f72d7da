import { useLoaderData, useLocation } from "react-router";
import { listHostCases } from "#src/services/cases/list-cases.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Pager } from "../../../components/pager.tsx";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

/** The host's case studies and the way to write a new one. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listHostCases(rt, actor, pageRequestFrom(new URL(request.url).searchParams, 20)));
}

export default function HostCases() {
  const { t, locale } = useI18n();
  const cases = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageTitle title={t("casesStaff.hostList.title")} />
      <h1>{t("casesStaff.hostList.title")}</h1>
      <p className="lead">{t("casesStaff.hostList.lead")}</p>
      {!cases.hasOrganization ? (
        <p className="notice">
          {t("casesStaff.hostList.noOrganization")} <a href={`/${locale}/host/organization/new`}>{t("hostOrg.registerLink")}</a>
        </p>
      ) : (
        <>
          <p>
            <a className="button" href={`/${locale}/host/cases/new`}>
              {t("casesStaff.hostList.new")}
            </a>
          </p>
          {cases.items.length === 0 ? (
            <p>{t("casesStaff.hostList.none")}</p>
          ) : (
            <table>
              <caption>{t("casesStaff.hostList.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("casesStaff.columns.number")}</th>
                  <th scope="col">{t("casesStaff.columns.title")}</th>
                  <th scope="col">{t("casesStaff.columns.theme")}</th>
                  <th scope="col">{t("casesStaff.columns.status")}</th>
                  <th scope="col">{t("casesStaff.columns.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.items.map((c) => (
                  <tr key={c.id}>
                    <td>{c.number}</td>
                    <td>
                      <a href={`/${locale}/host/cases/${c.id}`}>{c.titleJa || c.titleEn || t("casesStaff.untitled")}</a>
                    </td>
                    <td>{t(`cases.themes.${c.theme}`)}</td>
                    <td>{t(`casesStaff.statuses.${c.status}`)}</td>
                    <td>{formatInstant(c.updatedAt, locale, PROGRAM_TIME_ZONE)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={cases.page} pages={cases.pages} total={cases.total} search={search} />
        </>
      )}
    </>
  );
}
