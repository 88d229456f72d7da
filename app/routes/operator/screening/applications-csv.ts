import { exportScreeningApplicationsCsv, screeningFilterFrom } from "#src/services/screening/list-screening-applications.ts";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/applications-csv";

/** The filtered screening list of a round as a CSV download, streamed as the rows are read. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const csv = await run(request, locale, () =>
    exportScreeningApplicationsCsv(rt, actor, params.roundId, screeningFilterFrom(new URL(request.url).searchParams)),
  );
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
      "Content-Disposition": `attachment; filename="screening-${params.roundId.slice(0, 8)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
