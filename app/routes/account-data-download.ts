import { exportMyData } from "#src/services/applications/export-my-data.ts";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/account-data-download";

/** All my data as a JSON attachment (data rights; issue 11 item 9: an attachment, never the HTML page). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const data = await run(request, locale, () => exportMyData(rt, actor));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-jip-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
