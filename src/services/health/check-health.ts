import { sql } from "kysely";
import type { Runtime } from "../../service-context.ts";

/** Liveness and database reachability, for load balancers and the test harness. No caller check: it reveals nothing. */
export async function checkHealth(rt: Runtime): Promise<{ ok: true; database: string }> {
  await sql`select 1`.execute(rt.db);
  return { ok: true, database: rt.database.kind };
}
