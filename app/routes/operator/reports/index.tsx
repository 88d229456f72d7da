import { useActionData, useLoaderData } from "react-router";
import { importPublishedYears } from "#src/services/report/import-published-years.ts";
import { listReportYears } from "#src/services/report/list-report-years.ts";
import { Refusal } from "../../../components/refusal.tsx";
import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/index";
import { PageTitle } from "../../../components/page-title.tsx";

/** The fiscal years with a report: computed from rounds, or published (incl. the imported FY2016–2018). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listReportYears(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => importPublishedYears(rt, actor));
  if (!out.ok) return out.response;
  return { ok: true as const, ...out.result };
}

export default function ReportYears() {
  const { t, locale } = useI18n();
  const { years, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageTitle title={t("reportPage.title")} />
      <h1>{t("reportPage.title")}</h1>
      <p>{t("reportPage.intro")}</p>
      {result && "loaded" in result ? (
        <p className="notice" role="status">
          {t("reportPage.importPublished.done", { loaded: result.loaded.join(", ") || "—", unchanged: result.unchanged.join(", ") || "—" })}
        </p>
      ) : null}
      <Refusal />
      {years.length === 0 ? (
        <p>{t("reportPage.none")}</p>
      ) : (
        <table>
          <caption>{t("reportPage.yearsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reportPage.columns.fiscalYear")}</th>
              <th scope="col">{t("reportPage.columns.source")}</th>
              <th scope="col">{t("reportPage.columns.latest")}</th>
              <th scope="col">{t("reportPage.columns.versions")}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.fiscalYear}>
                <th scope="row">
                  <a href={`/${locale}/operator/reports/${y.fiscalYear}`}>{t("reportPage.openYear", { year: String(y.fiscalYear) })}</a>
                </th>
                <td>{t(`report.source.${y.hasRounds ? "records" : (y.latest?.source ?? "records")}`)}</td>
                <td>
                  {y.latest
                    ? t("reportPage.versionAt", { version: y.latest.version, at: formatInstant(y.latest.publishedAt, locale, PROGRAM_TIME_ZONE) })
                    : t("reportPage.notPublished")}
                </td>
                <td>{y.versions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <section aria-labelledby="import-published">
          <h2 id="import-published">{t("reportPage.importPublished.title")}</h2>
          <p>{t("reportPage.importPublished.text")}</p>
          <form method="post">
            <button type="submit">{t("reportPage.importPublished.button")}</button>
          </form>
          <p>
            <a href={`/${locale}/operator/reports/import`}>{t("reportImport.title")}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
