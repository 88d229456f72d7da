import { exportAllowanceXlsx } from "#src/services/internship/export-allowance-xlsx.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/allowances-xlsx";

/** The round's monthly allowance statement as an Excel workbook (interns and host companies on two sheets; audited). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const month = new URL(request.url).searchParams.get("month") ?? undefined;
  const { xlsx, month: shown } = await run(request, locale, () => exportAllowanceXlsx(rt, actor, { roundId: params.roundId, month, locale }));
  return new Response(new Uint8Array(xlsx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="allowances-${shown}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
