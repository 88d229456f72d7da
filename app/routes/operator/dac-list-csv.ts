import { exportDacListVersion } from "#src/services/reference/export-dac-list-version.ts";
import { csvDownload } from "../../lib/csv-response.server.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/dac-list-csv";

/** A stored DAC list version as the CSV the upload reads (to correct and upload again). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const csv = await run(request, locale, () => exportDacListVersion(rt, actor, params.version));
  return csvDownload(csv, `dac-list-${params.version.replace(/[^0-9-]/g, "")}.csv`);
}
