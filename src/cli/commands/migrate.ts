/** `jip migrate`: applies pending schema migrations and (re)loads the reference data files. */
import { migrateToLatest } from "../../db/migrate.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "apply database migrations and load reference data (src/db/reference/*.json)";

export async function run(): Promise<number> {
  return withRuntime(async (rt) => {
    const applied = await migrateToLatest(rt.db);
    process.stdout.write(applied.length ? `migrated (${rt.database.kind}): ${applied.join(", ")}\n` : `database is up to date (${rt.database.kind})\n`);
    return 0;
  });
}
