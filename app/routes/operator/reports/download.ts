import { exportYearReport } from "#src/services/report/export-year-report.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/download";

/** The report page as CSV, XLSX or PDF (the shown year beside every other published year). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const version = new URL(request.url).searchParams.get("version") || undefined;
  const file = await run(request, locale, () => exportYearReport(rt, actor, { fiscalYear: params.year, version, format: params.format }, locale));
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
