/**
 * On PostgreSQL each pooled connection prepares the statements the process sends more than once
 * (src/db/prepared-statements.ts, ADR 0049): the same answers as unprepared, and a statement whose
 * table changed under it fails once and then runs unprepared.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./support/databases.ts";

describe("prepared statements (PostgreSQL)", () => {
  const env = useTestDatabase("postgres");

  it("gives the same rows prepared as unprepared, whatever the parameters", async () => {
    await sql`create table prepared_probe (id int primary key, label text)`.execute(env.db);
    await sql`insert into prepared_probe select i, 'row ' || i from generate_series(1, 50) as i`.execute(env.db);
    const read = (min: number) =>
      env.db
        .selectFrom("prepared_probe" as never)
        .selectAll()
        .where("id" as never, ">=", min as never)
        .orderBy("id" as never)
        .execute();
    for (let i = 0; i < 12; i++) {
      const min = 1 + ((i * 7) % 50);
      const rows = (await read(min)) as { id: number; label: string }[];
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 51 - min }, (_, k) => min + k));
      expect(rows[0]!.label).toBe(`row ${min}`);
    }
  });

  it("a statement whose table's columns changed fails once, then runs unprepared", async () => {
    await sql`create table prepared_changing (id int primary key)`.execute(env.db);
    await sql`insert into prepared_changing values (1)`.execute(env.db);
    // One connection, so the statement is prepared on the connection that later sees the change.
    await env.db.connection().execute(async (db) => {
      const read = () =>
        db
          .selectFrom("prepared_changing" as never)
          .selectAll()
          .execute();
      for (let i = 0; i < 3; i++) expect(await read()).toEqual([{ id: 1 }]);
      await sql`alter table prepared_changing add column note text default 'added'`.execute(db);
      const failed = await read().then(
        () => null,
        (err: { code?: string }) => err.code,
      );
      // PostgreSQL may replan silently or refuse once; either way the next read has the new column.
      expect([null, "0A000"]).toContain(failed);
      expect(await read()).toEqual([{ id: 1, note: "added" }]);
    });
  });
});
