import { exportApplicationsCsv } from "#src/services/applications/export-applications-csv.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import { filterFrom } from "./list.tsx";
import type { Route } from "./+types/export-csv";

/** The filtered applications as a CSV download, streamed as the rows are read. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const csv = await run(request, locale, () => exportApplicationsCsv(rt, actor, filterFrom(new URL(request.url).searchParams)));
  const encoder = new TextEncoder();
  const chunks = csv.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="applications-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
