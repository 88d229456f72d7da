import { Form, useLoaderData, useLocation } from "react-router";
import { SCREENING_STATES, listScreeningApplications, screeningFilterFrom } from "#src/services/screening/list-screening-applications.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Field, Select } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { Pager } from "../../../components/pager.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/applications";

/** The operator's list of a round's screened applications: reads needed, assigned and submitted, flags, ranking; filters, paging, CSV. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const filter = screeningFilterFrom(sp);
  return run(request, locale, async () => ({ list: await listScreeningApplications(rt, actor, params.roundId, filter, pageRequestFrom(sp)), filter }));
}

export default function ScreeningApplications() {
  const { t, locale } = useI18n();
  const { list, filter } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const n = (x: number) => formatNumber(x, locale);
  const score = (x: number | null) => (x === null ? "—" : formatNumber(Math.round(x * 100) / 100, locale));
  const name = locale === "ja" ? list.round.nameJa : list.round.nameEn;
  const base = `/${locale}/operator/rounds/${list.round.id}/screening`;
  const csv = new URLSearchParams(search);
  csv.delete("page");
  csv.delete("size");
  const csvSearch = csv.toString();
  return (
    <>
      <PageTitle title={t("screeningOps.applications.title", { round: name })} />
      <h1>{t("screeningOps.applications.title", { round: name })}</h1>
      <p>
        <a href={base}>{t("screening.ranking.backToBoard")}</a> · <a href={`${base}/ranking`}>{t("screening.ranking.link")}</a>
      </p>
      <Form method="get" className="filters">
        <Select
          name="state"
          label={t("screeningOps.applications.state")}
          options={SCREENING_STATES.map((s) => ({ value: s, label: t(`screeningOps.applications.states.${s}`) }))}
          defaultValue={filter.state}
        />
        <Field name="receipt" label={t("screeningOps.applications.receipt")} type="search" defaultValue={filter.receipt} />
        <button type="submit">{t("screeningOps.applications.apply")}</button>
      </Form>
      <p>
        <a href={`${base}/applications.csv${csvSearch ? `?${csvSearch}` : ""}`} download data-testid="screening-csv">
          {t("screeningOps.applications.csv")}
        </a>
      </p>
      <table>
        <caption>{t("screeningOps.applications.caption", { total: list.page.total, reads: list.reads })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("screeningOps.applications.receipt")}</th>
            <th scope="col">{t("screeningOps.applications.status")}</th>
            <th scope="col">{t("screeningOps.applications.assigned")}</th>
            <th scope="col">{t("screeningOps.applications.submitted")}</th>
            <th scope="col">{t("screeningOps.applications.flag")}</th>
            <th scope="col">{t("screeningOps.applications.position")}</th>
            <th scope="col">{t("screeningOps.applications.normalized")}</th>
          </tr>
        </thead>
        <tbody>
          {list.page.items.map((a) => (
            <tr key={a.id} data-testid="screening-application-row">
              <th scope="row">
                <a href={`${base}/applications/${a.id}`}>{a.receiptNumber ?? a.id}</a>
              </th>
              <td>{t(`applicationStatus.${a.status}`)}</td>
              <td>{t("screeningOps.applications.ofNeeded", { count: n(a.assigned), needed: n(a.needed) })}</td>
              <td>{t("screeningOps.applications.ofNeeded", { count: n(a.submitted), needed: n(list.reads) })}</td>
              <td>
                {a.flagged ? t("screeningOps.applications.flagged") : "—"}
                {a.extraRead ? <div className="hint">{t("screeningOps.applications.extraRead")}</div> : null}
              </td>
              <td>{a.position === null ? "—" : n(a.position)}</td>
              <td>{score(a.normalizedScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={list.page.page} pages={list.page.pages} total={list.page.total} search={search} />
    </>
  );
}
