/**
 * Manual corrections in the allowance ledger are marked apart from recomputed ones (found in review, ADR 0040): a
 * recomputation compares the recomputed amount with the base entry and the earlier recomputed corrections only, so it
 * never reverses a refund the operator booked by hand. Corrections written before this migration are taken as
 * recomputed, as they were.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(db, `alter table allowance_ledger add column manual boolean not null default false`);
}
