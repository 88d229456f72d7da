import { useLoaderData } from "react-router";
import { CASE_THEMES } from "#src/domain/cases/content.ts";
import { SIZE_CLASSES } from "#src/domain/host-organization.ts";
import { REGIONS } from "#src/domain/regions.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { LIBRARY_PAGE_SIZE, type LibraryFilters, libraryFiltersFrom, listPublishedCases } from "#src/services/cases/public-cases.ts";
import { CaseCardView } from "../../components/cases/case-card.tsx";
import { Field, Select } from "../../components/forms/index.ts";
import { Pager } from "../../components/pager.tsx";
import { countryName } from "../../lib/countries.ts";
import { makeI18n, useI18n } from "../../lib/i18n.tsx";
import { requestContext } from "../../lib/request.server.ts";
import type { Route } from "./+types/library";
import { PageTitle } from "../../components/page-title.tsx";

/**
 * The public case-study library: filters as plain links (themes) and a GET
 * form (the rest), every combination kept in the address, searched in
 * Japanese and English, paged on the server. No JavaScript needed.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  const url = new URL(request.url);
  const filters = libraryFiltersFrom(url.searchParams);
  const library = await listPublishedCases(rt, locale, filters, pageRequestFrom(url.searchParams, LIBRARY_PAGE_SIZE));
  return { library, search: url.search, locale };
}

export function meta({ loaderData }: Route.MetaArgs) {
  const t = makeI18n(loaderData?.locale ?? "ja", null).t;
  return [{ name: "description", content: t("cases.lead") }];
}

const FILTER_NAMES = ["theme", "industry", "region", "size", "nationality", "q"] as const;

/** The address of the library with one filter changed (or removed), the others kept, back to page 1. */
function hrefWith(locale: string, filters: LibraryFilters, name: (typeof FILTER_NAMES)[number], value: string | undefined): string {
  const params = new URLSearchParams();
  for (const n of FILTER_NAMES) {
    const v = n === name ? value : filters[n];
    if (v) params.set(n, v);
  }
  const qs = params.toString();
  return `/${locale}/cases${qs ? `?${qs}` : ""}`;
}

export default function Library() {
  const { t, locale } = useI18n();
  const { library, search } = useLoaderData<typeof loader>();
  const { filters, cases } = library;
  const label = (name: (typeof FILTER_NAMES)[number], value: string): string => {
    if (name === "theme") return t(`cases.themes.${value}`);
    if (name === "industry") return t(`jsic.${value}`);
    if (name === "region") return t(`cases.regions.${value}`);
    if (name === "size") return t(`cases.sizes.${value}`);
    if (name === "nationality") return countryName(value, locale);
    return `“${value}”`;
  };
  const active = FILTER_NAMES.filter((n) => filters[n]);
  return (
    <>
      <PageTitle title={t("cases.title")} />
      <h1>{t("cases.title")}</h1>
      <p className="lead">{t("cases.lead")}</p>
      <nav aria-label={t("cases.theme")} className="case-themes">
        <ul>
          <li>
            <a href={hrefWith(locale, filters, "theme", undefined)} aria-current={filters.theme ? undefined : "page"}>
              {t("cases.allThemes")}
            </a>
          </li>
          {CASE_THEMES.map((theme) => (
            <li key={theme}>
              <a href={hrefWith(locale, filters, "theme", theme)} aria-current={filters.theme === theme ? "page" : undefined}>
                {t(`cases.themes.${theme}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/${locale}/cases`} className="filters case-filters" aria-label={t("cases.filtersLabel")}>
        {filters.theme ? <input type="hidden" name="theme" value={filters.theme} /> : null}
        <Field name="q" id="filter-q" type="search" label={t("cases.search")} hint={t("cases.searchHint")} defaultValue={filters.q ?? ""} />
        <Select
          name="industry"
          id="filter-industry"
          label={t("cases.industry")}
          placeholder={t("cases.any")}
          options={library.industries.map((c) => ({ value: c, label: t(`jsic.${c}`) }))}
          defaultValue={filters.industry ?? ""}
        />
        <Select
          name="region"
          id="filter-region"
          label={t("cases.region")}
          placeholder={t("cases.any")}
          options={REGIONS.map((r) => ({ value: r, label: t(`cases.regions.${r}`) }))}
          defaultValue={filters.region ?? ""}
        />
        <Select
          name="size"
          id="filter-size"
          label={t("cases.size")}
          placeholder={t("cases.any")}
          options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`cases.sizes.${s}`) }))}
          defaultValue={filters.size ?? ""}
        />
        <Select
          name="nationality"
          id="filter-nationality"
          label={t("cases.nationality")}
          placeholder={t("cases.any")}
          options={library.nationalities.map((c) => ({ value: c, label: countryName(c, locale) }))}
          defaultValue={filters.nationality ?? ""}
        />
        <button type="submit">{t("cases.apply")}</button>
      </form>
      {active.length > 0 ? (
        <div className="active-filters">
          <h2 className="visually-hidden">{t("cases.activeFilters")}</h2>
          <ul aria-label={t("cases.activeFilters")}>
            {active.map((n) => (
              <li key={n}>
                <a href={hrefWith(locale, filters, n, undefined)}>{t("cases.remove", { label: label(n, filters[n]!) })}</a>
              </li>
            ))}
            <li>
              <a href={`/${locale}/cases`}>{t("cases.clearAll")}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <p role="status" data-testid="case-count">
        {t("cases.results", { count: cases.total })}
      </p>
      {cases.items.length === 0 ? (
        <p className="notice">{t("cases.none")}</p>
      ) : (
        <ul className="case-list" aria-label={t("cases.listLabel")}>
          {cases.items.map((c) => (
            <li key={c.number}>
              <CaseCardView c={c} />
            </li>
          ))}
        </ul>
      )}
      <Pager page={cases.page} pages={cases.pages} total={cases.total} search={search} />
    </>
  );
}
