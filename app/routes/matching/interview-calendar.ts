import { getMyMatchingInterviewIcs } from "#src/services/matching/get-matching-interview-ics.ts";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/interview-calendar";

/** The calendar file of the applicant's host interview for a position (the same UID and SEQUENCE as the last e-mail). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const file = await run(request, locale, () => getMyMatchingInterviewIcs(rt, actor, params.positionId));
  return new Response(file.content, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
}
