import { useLoaderData, useLocation } from "react-router";
import { CASE_STATUSES } from "#src/domain/cases/workflow.ts";
import { countCasesByRound, listOperatorCases } from "#src/services/cases/list-cases.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { CaseCounts } from "../../../components/cases/case-counts.tsx";
import { Select } from "../../../components/forms/index.ts";
import { Pager } from "../../../components/pager.tsx";
import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

/** Every case study, by status and round (plain GET filters), with the counts per round. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const url = new URL(request.url);
  const filter = { status: url.searchParams.get("status") ?? "", roundId: url.searchParams.get("round") ?? "" };
  return run(request, locale, async () => ({
    cases: await listOperatorCases(rt, actor, { status: filter.status || undefined, roundId: filter.roundId || undefined }, pageRequestFrom(url.searchParams)),
    counts: await countCasesByRound(rt, actor),
    filter,
  }));
}

export default function OperatorCases() {
  const { t, locale } = useI18n();
  const { cases, counts, filter } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PageTitle title={t("casesStaff.operator.title")} />
      <h1>{t("casesStaff.operator.title")}</h1>
      <CaseCounts counts={counts} headingLevel={2} />
      <form method="get" className="filters" aria-label={t("casesStaff.operator.filter")}>
        <Select
          name="status"
          id="filter-status"
          label={t("casesStaff.operator.status")}
          placeholder={t("casesStaff.operator.any")}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`casesStaff.statuses.${s}`) }))}
          defaultValue={filter.status}
        />
        <Select
          name="round"
          id="filter-round"
          label={t("casesStaff.operator.round")}
          placeholder={t("casesStaff.operator.any")}
          options={counts.filter((c) => c.roundId).map((c) => ({ value: c.roundId!, label: (locale === "ja" ? c.nameJa : c.nameEn) ?? "" }))}
          defaultValue={filter.roundId}
        />
        <button type="submit">{t("casesStaff.operator.filter")}</button>
      </form>
      {cases.items.length === 0 ? (
        <p>{t("casesStaff.operator.none")}</p>
      ) : (
        <table>
          <caption>{t("casesStaff.operator.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("casesStaff.columns.number")}</th>
              <th scope="col">{t("casesStaff.columns.title")}</th>
              <th scope="col">{t("casesStaff.columns.company")}</th>
              <th scope="col">{t("casesStaff.columns.theme")}</th>
              <th scope="col">{t("casesStaff.columns.status")}</th>
              <th scope="col">{t("casesStaff.columns.languages")}</th>
              <th scope="col">{t("casesStaff.columns.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.items.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>
                  <a href={`/${locale}/operator/cases/${c.id}`}>
                    {(locale === "en" ? c.titleEn || c.titleJa : c.titleJa || c.titleEn) || t("casesStaff.untitled")}
                  </a>
                </td>
                <td>{locale === "ja" ? c.organizationJa : (c.organizationEn ?? c.organizationJa)}</td>
                <td>{t(`cases.themes.${c.theme}`)}</td>
                <td>{t(`casesStaff.statuses.${c.status}`)}</td>
                <td>{c.languages.map((l) => t(`casesStaff.languages.${l}`)).join(", ") || "—"}</td>
                <td>{formatInstant(c.updatedAt, locale, PROGRAM_TIME_ZONE)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={cases.page} pages={cases.pages} total={cases.total} search={search} />
    </>
  );
}
