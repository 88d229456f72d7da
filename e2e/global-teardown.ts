/** Drops the PostgreSQL database the e2e server created for this run. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SERVERS } from "./support/servers.ts";

export default async function globalTeardown() {
  const file = path.join(SERVERS.postgres.dataDir, "database-name");
  if (!existsSync(file)) return;
  const name = readFileSync(file, "utf8").trim();
  if (!/^jip_e2e_[0-9_]+$/.test(name)) return;
  const client = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
