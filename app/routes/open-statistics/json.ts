import { getOpenStatistics } from "#src/services/report/get-open-statistics.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/json";

/** The open statistics as JSON (schema: docs/open-statistics.md). Public, cacheable, no personal data. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  const years = await run(request, locale, () => getOpenStatistics(rt));
  const body = {
    schema: "jip-open-statistics/1",
    years: years.map((y) => ({ ...y.figures, version: y.version, publishedAt: y.publishedAt.toISOString(), reportHash: y.reportHash })),
  };
  return new Response(JSON.stringify(body), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
