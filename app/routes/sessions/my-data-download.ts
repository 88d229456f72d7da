import { exportRegistrantData } from "#src/services/privacy/registrant-data.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/my-data-download";

/** A session-only registrant's data as a JSON attachment (issue 19 item 7); the e-mailed link's token is the key. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  const data = await run(request, locale, () => exportRegistrantData(rt, params.token, locale));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-jip-session-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
