import { getMatchingInstance } from "#src/services/matching/get-matching-instance.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/instance";

/** The anonymized instance of a run as a JSON download (re-solvable with `bin/jip match`). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const out = await run(request, locale, () => getMatchingInstance(rt, actor, params.runId));
  return new Response(`${JSON.stringify(out.instance, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="matching-${out.runId}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
