/**
 * PGlite runs a repeated statement prepared, in one call (src/db/pglite-prepared.ts, ADR 0049): the
 * same values, affected rows, errors and transactions as PGlite's own query gives.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, connect } from "#src/db/connect.ts";

interface Probe {
  probe: { id: number; big: string; amount: string; day: string; at: Date; flag: boolean; doc: unknown; tags: string[]; note: string | null };
}

describe("PGlite prepared statements", () => {
  let handle: Db;
  let db: Kysely<Probe>;
  beforeAll(async () => {
    handle = await connect({ dataDir: "memory://" });
    db = handle.kysely as unknown as Kysely<Probe>;
    await sql`create table probe (id int primary key, big bigint not null, amount numeric not null, day date not null, at timestamptz not null,
      flag boolean not null, doc jsonb, tags text[] not null, note text)`.execute(db);
  });
  afterAll(() => handle.close());

  const row = (id: number) => ({
    id,
    big: String(9_007_199_254_740_993n + BigInt(id)),
    amount: `${id}.50`,
    day: `2027-04-${String(1 + (id % 28)).padStart(2, "0")}`,
    at: new Date(Date.UTC(2027, 3, 1, 9, id % 60, 0, 123)),
    flag: id % 2 === 0,
    doc: { id, name: `Phạm ${id}`, nested: [1, "two", null] },
    tags: [`t${id}`, "日本"],
    note: id % 3 === 0 ? null : `note ${id}`,
  });

  it("reads back every type as PGlite's own query does, prepared from the second run on", async () => {
    for (let id = 1; id <= 8; id++) await db.insertInto("probe").values(row(id)).execute();
    for (let id = 1; id <= 8; id++) {
      const got = await db.selectFrom("probe").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(got).toEqual(row(id));
    }
    const viaPglite = await sql<Probe["probe"]>`select * from probe where id = ${3} and ${"x"}::text = 'x'`.execute(db);
    expect(viaPglite.rows).toEqual([row(3)]);
  });

  it("counts affected rows of updates and deletes", async () => {
    for (let i = 0; i < 3; i++) {
      const updated = await db
        .updateTable("probe")
        .set({ note: `round ${i}` })
        .where("id", "<=", 4)
        .executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(4n);
    }
    const deleted = await db.deleteFrom("probe").where("id", ">", 6).executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(2n);
  });

  it("raises PostgreSQL's errors with their codes, and the next statement runs", async () => {
    for (let i = 0; i < 3; i++) {
      const failed = await db
        .insertInto("probe")
        .values(row(1))
        .execute()
        .then(
          () => null,
          (err: { code?: string; constraint?: string }) => [err.code, err.constraint],
        );
      expect(failed).toEqual(["23505", "probe_pkey"]);
    }
    expect(await db.selectFrom("probe").select("id").where("id", "=", 1).execute()).toEqual([{ id: 1 }]);
  });

  it("rolls a transaction back with its prepared statements, and commits one", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto("probe").values(row(20)).execute();
        await trx.insertInto("probe").values(row(21)).execute();
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.selectFrom("probe").select("id").where("id", ">=", 20).execute()).toEqual([]);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("probe").values(row(22)).execute();
    });
    expect(await db.selectFrom("probe").select("id").where("id", ">=", 20).execute()).toEqual([{ id: 22 }]);
  });

  it("a statement whose table's columns changed fails at most once, then reads the new columns", async () => {
    await sql`create table changing (id int primary key)`.execute(db);
    await sql`insert into changing values (1)`.execute(db);
    const read = () =>
      db
        .selectFrom("changing" as never)
        .selectAll()
        .execute();
    for (let i = 0; i < 3; i++) expect(await read()).toEqual([{ id: 1 }]);
    await sql`alter table changing add column note text default 'added'`.execute(db);
    const failed = await read().then(
      () => null,
      (err: { code?: string }) => err.code,
    );
    expect([null, "0A000"]).toContain(failed);
    expect(await read()).toEqual([{ id: 1, note: "added" }]);
  });
});
