/** Drops the PostgreSQL databases the e2e server created for this run: its own and the seeded copy it kept. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SERVERS } from "./support/servers.ts";

export default async function globalTeardown() {
  const names = [SERVERS.postgres.dataDir, `${SERVERS.postgres.dataDir}.seeded`]
    .map((dir) => path.join(dir, "database-name"))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, "utf8").trim())
    .filter((name) => /^jip_e2e_[0-9_]+(_seeded)?$/.test(name));
  if (!names.length) return;
  const client = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
