import { exportScreeningApplicationsCsv, screeningFilterFrom } from "#src/services/screening/list-screening-applications.ts";
import { csvDownload } from "../../../lib/csv-response.server.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/applications-csv";

/** The filtered screening list of a round as a CSV download, streamed as the rows are read. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const csv = await run(request, locale, () =>
    exportScreeningApplicationsCsv(rt, actor, params.roundId, screeningFilterFrom(new URL(request.url).searchParams)),
  );
  return csvDownload(csv.chunks, `screening-${params.roundId.slice(0, 8)}.csv`);
}
