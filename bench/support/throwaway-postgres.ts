/**
 * A PostgreSQL database that lives as long as one benchmark: created empty under a fresh name, dropped (even with
 * connections still open) when the benchmark is done. JIP_BENCH_POSTGRES_URL (or JIP_TEST_POSTGRES_URL) names the
 * server's admin database; the default is the local server the tests use.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const BENCH_ADMIN_URL = process.env.JIP_BENCH_POSTGRES_URL ?? process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates the database; `drop` removes it. */
export async function throwawayPostgres(prefix = "jip_bench"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Runs `fn` on a throw-away database and drops it afterwards, whatever happens. */
export async function withThrowawayPostgres<T>(fn: (url: string) => Promise<T>, prefix?: string): Promise<T> {
  const db = await throwawayPostgres(prefix);
  try {
    return await fn(db.url);
  } finally {
    await db.drop();
  }
}
