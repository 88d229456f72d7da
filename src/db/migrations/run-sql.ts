import { type Kysely, sql } from "kysely";

/**
 * Runs a script of SQL statements one by one. PGlite's query path (extended
 * protocol) accepts one statement at a time; node-postgres would accept a
 * batch, so splitting keeps both databases on the same path. Statements are
 * separated by a semicolon at the end of a line; none of ours contains one.
 */
export async function runSql(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
