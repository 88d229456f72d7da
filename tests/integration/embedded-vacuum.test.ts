/**
 * The embedded database's vacuum job (src/jobs/embedded-vacuum.ts): PGlite has no autovacuum, so the job
 * marks the tables' pages all-visible (the operator list's index-only skip relies on it) and refreshes the
 * planner's statistics, only when this process wrote since the last run; on PostgreSQL it does nothing.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, connect } from "#src/db/connect.ts";
import { vacuumEmbeddedDatabase } from "#src/jobs/embedded-vacuum.ts";

interface Probe {
  probe: { id: number; note: string };
}

const allVisible = async (db: Kysely<Probe>) =>
  Number((await sql<{ n: number }>`select relallvisible as n from pg_class where relname = 'probe'`.execute(db)).rows[0]!.n);

describe("the embedded database's vacuum job", () => {
  let handle: Db;
  let db: Kysely<Probe>;
  beforeAll(async () => {
    handle = await connect({ dataDir: "memory://" });
    db = handle.kysely as unknown as Kysely<Probe>;
    await sql`create table probe (id int primary key, note text not null)`.execute(db);
    await sql`insert into probe select i, repeat('x', 100) || i from generate_series(1, 5000) as i`.execute(db);
  });
  afterAll(() => handle.close());

  it("vacuums PGlite after writes, once, and again after the next write", async () => {
    expect(await allVisible(db)).toBe(0);
    const state = { vacuumedAt: null as number | null };
    expect(await vacuumEmbeddedDatabase(handle, state)).toBe(true);
    expect(await allVisible(db)).toBeGreaterThan(0);
    expect(Number((await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'probe'`.execute(db)).rows[0]!.n)).toBe(5000);
    expect(await vacuumEmbeddedDatabase(handle, state)).toBe(false);
    await sql`update probe set note = 'changed' where id = 1`.execute(db);
    expect(await vacuumEmbeddedDatabase(handle, state)).toBe(true);
  });

  it("leaves PostgreSQL to its autovacuum", async () => {
    const postgres = { ...handle, kind: "postgres" } as Db;
    expect(await vacuumEmbeddedDatabase(postgres, { vacuumedAt: null })).toBe(false);
  });
});
