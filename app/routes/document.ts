import { getApplicationDocument } from "#src/services/applications/get-application-document.ts";
import { requestContext, run } from "../lib/request.server.ts";
import type { Route } from "./+types/document";

/** A document, as an attachment, for its owner, operators and assigned reviewers only. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor } = await requestContext(request, {});
  const doc = await run(request, actor?.locale === "ja" ? "ja" : "en", () => getApplicationDocument(rt, actor, params.id));
  const ascii = doc.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(doc.bytes as BodyInit, {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
