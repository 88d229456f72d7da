import { Form, useActionData, useLoaderData } from "react-router";
import { getYearReport } from "#src/services/report/get-year-report.ts";
import { publishYearReport } from "#src/services/report/publish-year-report.ts";
import { ReportFigure } from "../../../components/report/figure.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/year";
import { PageTitle } from "../../../components/page-title.tsx";

function yearParam(raw: string | undefined): number {
  return /^[0-9]{4}$/.test(raw ?? "") ? Number(raw) : 0;
}

/** A fiscal year's report: live from the records for operators (or a published version), beside every other published year. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const v = new URL(request.url).searchParams.get("version");
  const version = v && /^[0-9]{1,6}$/.test(v) ? Number(v) : undefined;
  return run(request, locale, () => getYearReport(rt, actor, { fiscalYear: yearParam(params.year), version, locale }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => publishYearReport(rt, actor, yearParam(params.year)));
  if (!out.ok) return out.response;
  return { ok: true as const, ...out.result };
}

export default function YearReportPage() {
  const { t, locale } = useI18n();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { shown } = page;
  const year = String(shown.fiscalYear);
  const base = `/${locale}/operator/reports/${year}`;
  const versionQuery = shown.version ? `version=${shown.version}` : "";
  const traceable = page.canManage && shown.source === "records";
  return (
    <>
      <PageTitle title={t("reportPage.year.title", { year })} />
      <h1>{t("reportPage.year.title", { year })}</h1>
      {result && "version" in result ? (
        <p className="notice" role="status">
          {t("reportPage.year.publishedNotice", { version: result.version, count: result.differences })}
        </p>
      ) : null}
      <Refusal title={t("reportPage.refusedTitle")} />
      <p>
        {shown.kind === "live"
          ? t("reportPage.year.live")
          : t("reportPage.year.published", { version: shown.version ?? 0, at: formatInstant(shown.publishedAt!, locale, PROGRAM_TIME_ZONE) })}{" "}
        {t(`report.source.${shown.source}`)}
      </p>
      {page.sameAsPublished !== null ? <p>{t(page.sameAsPublished ? "reportPage.year.sameAsPublished" : "reportPage.year.differsFromPublished")}</p> : null}
      <p>{t("reportPage.year.comparison", { years: page.years.join(", ") })}</p>
      <details>
        <summary>{t("reportPage.year.provenance")}</summary>
        <dl className="summary-list">
          <dt>{t("reportPage.year.inputsHash")}</dt>
          <dd>
            <code>{shown.inputsHash}</code>
          </dd>
          <dt>{t("reportPage.year.reportHash")}</dt>
          <dd>
            <code>{shown.reportHash}</code>
          </dd>
          <dt>{t("reportPage.year.codeVersion")}</dt>
          <dd>
            <code>{shown.codeVersion}</code>
          </dd>
          <dt>{t("reportPage.year.definitionsVersion")}</dt>
          <dd>{shown.definitionsVersion}</dd>
        </dl>
      </details>

      <h2>{t("reportPage.year.downloads")}</h2>
      <ul className="downloads">
        {(["csv", "xlsx", "pdf"] as const).map((f) => (
          <li key={f}>
            <a href={`${base}/download/${f}${versionQuery ? `?${versionQuery}` : ""}`} download>
              {t("reportPage.year.download", { format: f.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>

      {page.canManage && shown.kind === "live" ? (
        <section aria-labelledby="publish">
          <h2 id="publish">{t("reportPage.year.publish")}</h2>
          <p>{t("reportPage.year.publishText")}</p>
          <Form method="post">
            <button type="submit">{t("reportPage.year.publish")}</button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="versions">
        <h2 id="versions">{t("reportPage.year.versions")}</h2>
        {page.versions.length === 0 ? (
          <p>{t("reportPage.year.noVersions")}</p>
        ) : (
          <ul>
            {page.canManage && shown.kind !== "live" ? (
              <li>
                <a href={base}>{t("reportPage.year.showLive")}</a>
              </li>
            ) : null}
            {page.versions.map((v) => (
              <li key={v.version}>
                <a href={`${base}?version=${v.version}`} aria-current={v.version === shown.version ? "page" : undefined}>
                  {t("reportPage.year.showVersion", { version: v.version })}
                </a>{" "}
                {formatInstant(v.publishedAt, locale, PROGRAM_TIME_ZONE)} · {t("reportPage.year.differences", { count: v.differenceCount })}
              </li>
            ))}
          </ul>
        )}
        {page.differences.length > 0 ? (
          <div className="table-scroll">
            <table>
              <caption>{t("reportPage.year.differences", { count: page.differences.length })}</caption>
              <thead>
                <tr>
                  {(["figure", "row", "field", "before", "after"] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`reportPage.year.differenceColumns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.differences.map((d, i) => (
                  <tr key={i}>
                    <td>{d.figure}</td>
                    <td>{d.row}</td>
                    <td>{d.field}</td>
                    <td>{d.before}</td>
                    <td>{d.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {page.figures.map((f) => (
        <ReportFigure key={f.id} figure={f} caption={t("reportPage.year.tableCaption", { title: f.title })}>
          {traceable && f.trace.length > 0 ? (
            <div className="table-scroll">
              <table>
                <caption>{t("reportPage.year.traceCaption", { title: f.title, year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reportPage.year.traceColumns.category")}</th>
                    <th scope="col">{t("reportPage.year.traceColumns.records")}</th>
                    <th scope="col">{t("reportPage.year.traceColumns.base")}</th>
                    <th scope="col">{t("reportPage.year.traceColumns.unanswered")}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.trace.map((r) => {
                    const href = (part: string) =>
                      `${base}/records?figure=${f.id}&row=${encodeURIComponent(r.key)}&part=${part}${versionQuery ? `&${versionQuery}` : ""}`;
                    return (
                      <tr key={r.key}>
                        <th scope="row">{r.label}</th>
                        <td>
                          <a href={href("row")}>{t("reportPage.year.showRecords", { count: r.records })}</a>
                        </td>
                        <td>{r.base > 0 ? <a href={href("base")}>{t("reportPage.year.showRecords", { count: r.base })}</a> : "—"}</td>
                        <td>{r.unanswered > 0 ? <a href={href("unanswered")}>{t("reportPage.year.showRecords", { count: r.unanswered })}</a> : "—"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </ReportFigure>
      ))}
    </>
  );
}
