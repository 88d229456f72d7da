/**
 * Matching after the run (issue 15, ADR 0034): the committee's approval of a run is its own
 * state (`reviewed`, already in the status CHECK of 0002): who recorded it, when, the date the
 * committee approved and its reference (minutes number); only a reviewed run is published.
 * Regional floors are stored with the run beside the caps (the engine does not enforce them; the
 * run page shows each region's distance from its floor).
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table matching_runs
  add column reviewed_at timestamptz,
  add column reviewed_by text references "user"(id) on delete set null,
  add column committee_approved_on date,
  add column committee_reference text,
  add column region_floors jsonb not null default '{}'
`,
  );
}
