import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { csvBatchChunks } from "../csv.ts";
import { type ApplicationFilter, type ApplicationRow, applicationBatches, countApplications } from "./list-applications.ts";

const HEADER = ["receipt_number", "family_name", "given_name", "email", "nationality", "status", "eligible", "unmet_rules", "jlpt_level", "submitted_at"];

function line(r: ApplicationRow): unknown[] {
  return [
    r.receiptNumber,
    r.familyName,
    r.givenName,
    r.email,
    r.nationality,
    r.status,
    r.eligibilityUnmet.length === 0 ? "yes" : "no",
    r.eligibilityUnmet.join(" "),
    r.jlptLevel,
    r.submittedAt,
  ];
}

/**
 * The filtered applications as CSV (src/services/csv.ts), streamed: rows are read in key-paged batches and sent as
 * they come, a batch at a time, so memory stays flat at any size. Audited like the host export (it carries personal data), with the
 * number of rows it carries, before the first byte is sent.
 */
export async function exportApplicationsCsv(
  ctx: ServiceContext,
  actor: Actor | null,
  filter: ApplicationFilter,
): Promise<{ rows: number; chunks: AsyncIterable<string> }> {
  const who = authorize(actor, "application.read");
  const rows = await countApplications(ctx, who, filter);
  await writeAudit(ctx.db, who, { action: "application.export", entityType: "application", entityId: null, after: { filter, rows } });
  return { rows, chunks: csvBatchChunks(HEADER, lines(applicationBatches(ctx, who, filter))) };
}

async function* lines(batches: AsyncIterable<ApplicationRow[]>): AsyncGenerator<unknown[][]> {
  for await (const batch of batches) yield batch.map(line);
}
