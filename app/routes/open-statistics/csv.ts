import { getOpenStatistics } from "#src/services/report/get-open-statistics.ts";
import { reportConfig } from "#src/services/report/report-store.ts";
import { reportCsv, reportLabels } from "#src/report/index.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/csv";

/** The open statistics as CSV (columns: docs/open-statistics.md), labels in the page's language. Public, cacheable. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  const years = await run(request, locale, () => getOpenStatistics(rt));
  const csv = reportCsv(
    years.map((y) => y.figures),
    reportLabels(locale, reportConfig(), "openStatistics"),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="jip-open-statistics.csv"',
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
