import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { csvFile } from "../csv.ts";
import { type ApplicationFilter, type ApplicationRow, allApplications } from "./list-applications.ts";

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

/** The filtered applications as CSV (src/services/csv.ts). Audited like the host export: it carries personal data. */
export async function exportApplicationsCsv(ctx: ServiceContext, actor: Actor | null, filter: ApplicationFilter): Promise<string> {
  const who = authorize(actor, "application.read");
  const rows: unknown[][] = [];
  for await (const r of allApplications(ctx, who, filter)) rows.push(line(r));
  await writeAudit(ctx.db, who, { action: "application.export", entityType: "application", entityId: null, after: { filter, rows: rows.length } });
  return csvFile(HEADER, rows);
}
