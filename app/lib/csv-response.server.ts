/**
 * A CSV download: the one place that sets a CSV answer's headers (type, file name, never kept by a cache) and that
 * streams a CSV a use case yields in chunks, so a large export never sits whole in memory.
 */
export function csvDownload(csv: string | AsyncIterable<string>, filename: string): Response {
  const body = typeof csv === "string" ? csv : streamOf(csv);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
