import type { Actor, ServiceContext } from "../context.ts";
import { type ApplicationFilter, allApplications } from "./list-applications.ts";

const HEADER = ["receipt_number", "family_name", "given_name", "email", "nationality", "status", "eligible", "unmet_rules", "jlpt_level", "submitted_at"];

/** One CSV cell: quoted when needed; a leading =, +, - or @ is neutralized so spreadsheets never run it as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The filtered applications as CSV (UTF-8 with BOM so Excel opens Japanese and Vietnamese names correctly). */
export async function exportApplicationsCsv(ctx: ServiceContext, actor: Actor | null, filter: ApplicationFilter): Promise<string> {
  const lines = [HEADER.join(",")];
  for await (const r of allApplications(ctx, actor, filter)) {
    lines.push(
      [
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
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
