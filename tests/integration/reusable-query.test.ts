import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, connect } from "#src/db/connect.ts";
import { reusableQuery } from "#src/db/reusable-query.ts";

describe("reusableQuery (compiled once, run with each value)", () => {
  let handle: Db;
  beforeAll(async () => {
    handle = await connect({ dataDir: "memory://" });
    await sql`create table reusable_probe (id text primary key, label text not null)`.execute(handle.kysely);
    await sql`insert into reusable_probe values ('a', 'first'), ('b', 'second'), ('c', 'third')`.execute(handle.kysely);
  });
  afterAll(() => handle.close());

  it("runs the same compiled query with each value, other parameters kept", async () => {
    const byId = reusableQuery((db, id) =>
      db
        .selectFrom("reusable_probe" as never)
        .select(["id" as never, "label" as never])
        .where("id" as never, "=", id as never)
        .where("label" as never, "!=", "third" as never),
    );
    expect(await byId(handle.kysely, "b")).toEqual([{ id: "b", label: "second" }]);
    expect(await byId(handle.kysely, "a")).toEqual([{ id: "a", label: "first" }]);
    expect(await byId(handle.kysely, "c")).toEqual([]);
  });

  it("refuses a query that does not use its parameter", async () => {
    const broken = reusableQuery((db) => db.selectFrom("reusable_probe" as never).select("id" as never));
    await expect(broken(handle.kysely, "a")).rejects.toThrow("does not use its parameter");
  });
});
