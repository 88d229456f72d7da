import { getCaseImage } from "#src/services/cases/public-cases.ts";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/case-image";

/** A case-study image (resized, without metadata): cached publicly once published, private to its editors before. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor } = await requestContext(request, {});
  const img = await run(request, actor?.locale === "ja" ? "ja" : "en", () => getCaseImage(rt, actor, params.id, params.size));
  return new Response(img.bytes as BodyInit, {
    headers: {
      "Content-Type": img.contentType,
      "Cache-Control": img.public ? "public, max-age=3600" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
