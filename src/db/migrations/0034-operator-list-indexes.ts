/**
 * The operator's application list at 130,000 applications (issue #20 item 3, ADR 0042):
 * - `applications_list_order` serves the list's order (newest submission first, then id) within a
 *   round, so the first pages are read from the index instead of sorting every row;
 * - trigram indexes (pg_trgm, trusted since PostgreSQL 13; loaded into PGlite by src/db/connect.ts) serve
 *   the list's search — `ilike '%text%'` on family name, given name, contact e-mail and receipt number —
 *   instead of reading the whole table.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create extension if not exists pg_trgm;
create index applications_list_order on applications (round_id, submitted_at desc nulls last, id);
create index applications_family_name_trgm on applications using gin (family_name gin_trgm_ops);
create index applications_given_name_trgm on applications using gin (given_name gin_trgm_ops);
create index applications_contact_email_trgm on applications using gin (contact_email gin_trgm_ops);
create index applications_receipt_number_trgm on applications using gin (receipt_number gin_trgm_ops);
`,
  );
}
