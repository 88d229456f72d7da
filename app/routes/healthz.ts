import { sql } from "kysely";
import { getRuntime } from "../lib/runtime.server.ts";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function loader() {
  const rt = await getRuntime();
  await sql`select 1`.execute(rt.db);
  return Response.json({ ok: true, database: rt.database.kind });
}
