import { useLoaderData } from "react-router";
import { getOpenStatistics } from "#src/services/report/get-open-statistics.ts";
import { figureViews } from "#src/services/report/figure-views.ts";
import { ReportFigure } from "../../components/report/figure.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/page";
import { PageTitle } from "../../components/page-title.tsx";

/** Open statistics (public, six languages): the published figures of every fiscal year, small counts suppressed, no personal data. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    const years = await getOpenStatistics(rt);
    return {
      years: years.map((y) => ({ fiscalYear: y.fiscalYear, version: y.version })),
      figures: years.length
        ? figureViews(
            null,
            years.map((y) => y.figures),
            locale,
            "openStatistics",
          )
        : [],
    };
  });
}

export function headers() {
  return { "Cache-Control": "public, max-age=300" };
}

export default function OpenStatisticsPage() {
  const { t, locale } = useI18n();
  const { years, figures } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("openStatistics.title")} />
      <h1>{t("openStatistics.title")}</h1>
      <p>{t("openStatistics.intro")}</p>
      {years.length === 0 ? (
        <p>{t("openStatistics.none")}</p>
      ) : (
        <>
          <p>{t("openStatistics.years", { years: years.map((y) => y.fiscalYear).join(", ") })}</p>
          <h2>{t("openStatistics.data")}</h2>
          <ul className="downloads">
            <li>
              <a href={`/${locale}/open-statistics/data.json`}>{t("openStatistics.json")}</a>
            </li>
            <li>
              <a href={`/${locale}/open-statistics/data.csv`}>{t("openStatistics.csv")}</a>
            </li>
          </ul>
          <p>{t("openStatistics.schema")}</p>
          {figures.map((f) => (
            <ReportFigure key={f.id} figure={f} caption={t("openStatistics.tableCaption", { title: f.title })} />
          ))}
        </>
      )}
    </>
  );
}
