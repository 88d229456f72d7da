/**
 * Migrates one database of each kind once per run, for every integration
 * file to start from a copy instead of running the migrations again (they
 * took about a third of the suite's time, on both databases, in every file):
 * PostgreSQL test databases are created WITH TEMPLATE this run's migrated
 * database, PGlite ones load a dump of a migrated data folder. A file that
 * asks for an empty database (migrate: false) still gets one.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "#src/db/migrate.ts";
import type { Database } from "#src/db/schema.ts";
// As in databases.ts (not imported: it registers hooks, and this runs outside any test file).
const POSTGRES_ADMIN_URL = process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database test databases are copied from. */
    migratedTemplate: string;
    /** A file holding PGlite's dump of a migrated data folder. */
    migratedPgliteDump: string;
  }
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A run that was killed leaves its template behind: drop those older than any run lasts (the name carries its start). */
const STALE_AFTER_MS = 6 * 3600_000;

async function dropStaleTemplates(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'jip_tpl_%'");
  for (const { datname } of rows) {
    const started = /^jip_tpl_(\d+)_[0-9a-f]+$/.exec(datname)?.[1];
    if (started && Date.now() - Number(started) * 1000 > STALE_AFTER_MS) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

async function migratedPostgres(): Promise<string> {
  const name = `jip_tpl_${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString("hex")}`;
  await admin(async (c) => {
    await dropStaleTemplates(c);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const { PostgresDialect } = await import("kysely");
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(kysely);
  } finally {
    // No connection may stay open: CREATE DATABASE … TEMPLATE refuses a template in use.
    await kysely.destroy();
  }
  return name;
}

async function migratedPgliteDump(dir: string): Promise<string> {
  // The extensions the app's PGlite loads (src/db/connect.ts): pg_trgm for the operator list's search (migration 0034).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(kysely);
    const dump = await pglite.dumpDataDir("none");
    const file = path.join(dir, "migrated-pglite.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  } finally {
    await kysely.destroy();
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "jip-test-template-"));
  const [template, dump] = await Promise.all([migratedPostgres(), migratedPgliteDump(dir)]);
  project.provide("migratedTemplate", template);
  project.provide("migratedPgliteDump", dump);
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  };
}
