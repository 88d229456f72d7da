import { exportHostApplicationsCsv } from "#src/services/hosts/export-host-applications-csv.ts";
import { csvDownload } from "../../../lib/csv-response.server.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/export";

const FILTERS = ["roundId", "region", "jsic", "sizeClass", "overseasStatus", "kind", "status"] as const;

/** The host screening list (same filters, no paging) as a CSV download. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const raw = Object.fromEntries(FILTERS.map((f) => [f, sp.get(f)?.trim() || undefined]));
  const csv = await run(request, locale, () => exportHostApplicationsCsv(rt, actor, raw));
  return csvDownload(csv, "host-applications.csv");
}
