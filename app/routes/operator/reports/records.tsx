import { useLoaderData, useLocation } from "react-router";
import { listFigureRecords } from "#src/services/report/list-figure-records.ts";
import { Pager } from "../../../components/pager.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/records";
import { PageTitle } from "../../../components/page-title.tsx";

/** The records behind one number of the report (a figure's row, its respondents, or those who did not answer). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const raw = {
    fiscalYear: params.year,
    version: sp.get("version") || undefined,
    figure: sp.get("figure") ?? "",
    row: sp.get("row") ?? "",
    part: sp.get("part") || undefined,
    page: sp.get("page") || undefined,
  };
  return run(request, locale, () => listFigureRecords(rt, actor, raw));
}

export default function FigureRecordsPage() {
  const { t, locale } = useI18n();
  const r = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const year = String(r.fiscalYear);
  const back = `/${locale}/operator/reports/${year}${r.version ? `?version=${r.version}` : ""}#figure-${r.figure}-section`;
  const survey = r.recordKind === "internSurveyResponse" || r.recordKind === "hostSurveyResponse";
  const person = r.recordKind !== "hostApplication";
  return (
    <>
      <PageTitle title={t("reportPage.records.title")} />
      <h1>{t("reportPage.records.title")}</h1>
      <p>{t("reportPage.records.subtitle", { year, figure: t(`report.figures.${r.figure}.title`), row: r.row })}</p>
      <p>
        {t(`reportPage.records.parts.${r.part}`)}: {t("reportPage.records.total", { count: r.total })}
      </p>
      <p>
        <a href={back}>{t("reportPage.records.back")}</a>
      </p>
      {r.items.length === 0 ? (
        <p>{t("reportPage.records.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t(`reportPage.records.parts.${r.part}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reportPage.records.columns.receiptNumber")}</th>
                <th scope="col">{t("reportPage.records.columns.name")}</th>
                {person ? <th scope="col">{t("reportPage.records.columns.nationality")}</th> : null}
                <th scope="col">{t("reportPage.records.columns.status")}</th>
                {person && r.recordKind !== "applicant" ? <th scope="col">{t("reportPage.records.columns.host")}</th> : null}
                {survey ? <th scope="col">{t("reportPage.records.columns.answers")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {r.items.map((item) => (
                <tr key={item.id} data-record-id={item.id}>
                  <td>
                    {item.link ? (
                      <a href={`/${locale}/operator/${item.link.kind === "application" ? "applications" : "hosts"}/${item.link.id}`}>
                        {item.receiptNumber ?? item.id}
                      </a>
                    ) : (
                      (item.receiptNumber ?? item.id)
                    )}
                  </td>
                  <td>{item.name || "—"}</td>
                  {person ? <td>{item.nationality ?? "—"}</td> : null}
                  <td>{item.status ?? "—"}</td>
                  {person && r.recordKind !== "applicant" ? <td>{item.host ?? "—"}</td> : null}
                  {survey ? (
                    <td>
                      {Object.entries(item.answers ?? {})
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(", ")}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={r.page} pages={r.pages} total={r.total} search={search} />
    </>
  );
}
