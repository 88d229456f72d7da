import { exportAllowanceCsv } from "#src/services/internship/export-allowance-csv.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/allowances-csv";

/** The round's monthly allowance statement as a CSV download (audited). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const month = new URL(request.url).searchParams.get("month") ?? undefined;
  const { csv, month: shown } = await run(request, locale, () => exportAllowanceCsv(rt, actor, { roundId: params.roundId, month, locale }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="allowances-${shown}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
