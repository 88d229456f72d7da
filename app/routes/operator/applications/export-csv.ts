import { exportApplicationsCsv } from "#src/services/applications/export-applications-csv.ts";
import { csvDownload } from "../../../lib/csv-response.server.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import { filterFrom } from "./list.tsx";
import type { Route } from "./+types/export-csv";

/** The filtered applications as a CSV download, streamed as the rows are read. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const csv = await run(request, locale, () => exportApplicationsCsv(rt, actor, filterFrom(new URL(request.url).searchParams)));
  return csvDownload(csv.chunks, `applications-${new Date().toISOString().slice(0, 10)}.csv`);
}
