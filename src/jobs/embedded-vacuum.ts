/**
 * The embedded database's vacuum (issue #20 item 3): PGlite runs PostgreSQL in one process, without the
 * autovacuum workers a PostgreSQL server has, so nothing would ever mark its tables' pages all-visible or
 * refresh the planner's statistics. Hourly, when this process has written since the last run, it runs
 * `vacuum (analyze)`: the operator list then skips rows from its index alone (a deferred join) and counts from
 * an index, as on a server (docs/performance.md). On PostgreSQL it does nothing: autovacuum does this there.
 */
import { sql } from "kysely";
import { type Db, writeGeneration } from "../db/connect.ts";
import { repeatJob } from "./repeat.ts";

/** Vacuums when the process has written since the last vacuum; resolves to whether it did. */
export async function vacuumEmbeddedDatabase(database: Db, state: { vacuumedAt: number | null }): Promise<boolean> {
  if (database.kind !== "pglite") return false;
  const generation = writeGeneration();
  if (state.vacuumedAt === generation) return false;
  await sql`vacuum (analyze)`.execute(database.kysely);
  state.vacuumedAt = writeGeneration();
  return true;
}

export function startEmbeddedVacuumJob(rt: { database: Db }, everyMs = 3600_000): () => void {
  const { database } = rt;
  if (database.kind !== "pglite") return () => {};
  const state = { vacuumedAt: null as number | null };
  return repeatJob("embedded database vacuum job", everyMs, () => vacuumEmbeddedDatabase(database, state), { now: false });
}
