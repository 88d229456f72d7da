import { getHostMatchingInterviewIcs } from "#src/services/matching/get-matching-interview-ics.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/candidate-calendar";

/** The calendar file of a host interview in matching, for the host (the same UID and SEQUENCE as the applicant's). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const file = await run(request, locale, () => getHostMatchingInterviewIcs(rt, actor, { positionId: params.positionId, applicationId: params.applicationId }));
  return new Response(file.content, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
}
