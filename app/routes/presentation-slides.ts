import { getPresentationSlides } from "#src/services/internship/final-presentations.ts";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/presentation-slides";

/** A placement's final presentation slides, as an attachment, for its intern, the host's members and operators (ADR 0038). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor } = await requestContext(request, {});
  const slides = await run(request, actor?.locale === "ja" ? "ja" : "en", () => getPresentationSlides(rt, actor, params.placementId));
  const ascii = slides.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(slides.bytes as BodyInit, {
    headers: {
      "Content-Type": slides.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(slides.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
