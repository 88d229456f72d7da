/** Migrations and reference data, on PGlite and on PostgreSQL. */
import { readdirSync } from "node:fs";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "#src/db/migrate.ts";
import { DATABASE_KINDS, listPostgresTestDatabases, useTestDatabase } from "./support/databases.ts";

/** Every migration file, in order: a new file must be registered in src/db/migrate.ts. */
const EXPECTED_MIGRATIONS = readdirSync(new URL("#src/db/migrations/", import.meta.url))
  .filter((f) => /^\d{4}-.*\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind, { migrate: false });

  it("applies every migration once, in order, and again is a no-op", async () => {
    expect(env.ctx.database.kind).toBe(kind);
    expect(await migrateToLatest(env.db)).toEqual(EXPECTED_MIGRATIONS);
    expect(await migrateToLatest(env.db)).toEqual([]);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(env.db);
    expect(applied.rows.map((r) => r.name)).toEqual(EXPECTED_MIGRATIONS);
  });

  it("maps the 47 prefectures to the 8 regions", async () => {
    const prefectures = await env.db.selectFrom("prefectures").selectAll().orderBy("code").execute();
    expect(prefectures).toHaveLength(47);
    expect(prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0")));
    const byCode = new Map(prefectures.map((p) => [p.code, p]));
    expect(byCode.get("24")).toMatchObject({ name_ja: "三重県", name_en: "Mie", iso_code: "JP-24", region_code: "kinki" });
    expect(byCode.get("47")).toMatchObject({ name_ja: "沖縄県", region_code: "kyushu_okinawa" });
    expect(byCode.get("15")).toMatchObject({ name_ja: "新潟県", region_code: "chubu" });
    expect(byCode.get("01")).toMatchObject({ name_ja: "北海道", region_code: "hokkaido" });
    expect(byCode.get("13")).toMatchObject({ name_ja: "東京都", region_code: "kanto" });
    expect(byCode.get("40")).toMatchObject({ name_ja: "福岡県", region_code: "kyushu_okinawa" });

    const regions = await env.db.selectFrom("regions").selectAll().orderBy("sort_order").execute();
    expect(regions.map((r) => r.code)).toEqual(["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu_okinawa"]);
    const counts = await env.db
      .selectFrom("prefectures")
      .select((eb) => ["region_code", eb.fn.countAll<string>().as("n")])
      .groupBy("region_code")
      .execute();
    expect(Object.fromEntries(counts.map((c) => [c.region_code, Number(c.n)]))).toEqual({
      hokkaido: 1,
      tohoku: 6,
      kanto: 7,
      chubu: 9,
      kinki: 7,
      chugoku: 5,
      shikoku: 4,
      kyushu_okinawa: 8,
    });
  });

  it("has the 20 JSIC divisions A–T", async () => {
    const divisions = await env.db.selectFrom("jsic_divisions").select("code").orderBy("code").execute();
    expect(divisions.map((d) => d.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
  });

  it("has the DAC list versions with their country counts", async () => {
    const versions = await env.db
      .selectFrom("dac_list_versions")
      .leftJoin("dac_list_entries", "dac_list_entries.version", "dac_list_versions.version")
      .select((eb) => ["dac_list_versions.version", "dac_list_versions.effective_from", eb.fn.count<string>("dac_list_entries.country_code").as("n")])
      .groupBy(["dac_list_versions.version", "dac_list_versions.effective_from"])
      .orderBy("dac_list_versions.version")
      .execute();
    expect(versions).toEqual([
      { version: "2018-2020", effective_from: "2018-01-01", n: "143" },
      { version: "2024-2025", effective_from: "2024-01-01", n: "141" },
    ]);
  });

  it("has the JLPT levels and English tests", async () => {
    const jlpt = await env.db.selectFrom("jlpt_levels").selectAll().orderBy("rank").execute();
    expect(jlpt.map((l) => l.code)).toEqual(["N1", "N2", "N3", "N4", "N5"]);
    const ielts = await env.db.selectFrom("english_tests").selectAll().where("code", "=", "ielts").executeTakeFirstOrThrow();
    expect(ielts).toMatchObject({ min_score: "0", max_score: "9" });
  });

  it("loads reference data idempotently: running migrateToLatest again changes no counts and restores edited rows", async () => {
    const count = async () => {
      const [c, p, j, d, e] = await Promise.all([
        env.db
          .selectFrom("countries")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow(),
        env.db
          .selectFrom("prefectures")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow(),
        env.db
          .selectFrom("jsic_divisions")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow(),
        env.db
          .selectFrom("dac_list_versions")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow(),
        env.db
          .selectFrom("dac_list_entries")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return [c.n, p.n, j.n, d.n, e.n].map(Number);
    };
    const before = await count();
    expect(before).toEqual([expect.any(Number), 47, 20, 2, 143 + 141]);
    // An operator's stray edit is corrected by the files on the next run.
    await env.db.updateTable("prefectures").set({ region_code: "kanto" }).where("code", "=", "24").execute();
    await migrateToLatest(env.db);
    await migrateToLatest(env.db);
    expect(await count()).toEqual(before);
    const mie = await env.db.selectFrom("prefectures").select("region_code").where("code", "=", "24").executeTakeFirstOrThrow();
    expect(mie.region_code).toBe("kinki");
  });
});

describe("postgres test databases are dropped", () => {
  let name: string | undefined;
  describe("inner", () => {
    const env = useTestDatabase("postgres", { migrate: false });
    it("is a database of its own", async () => {
      name = new URL(env.databaseUrl!).pathname.slice(1);
      expect(name).toMatch(/^jip_test_[0-9a-f]{16}$/);
      expect(await listPostgresTestDatabases()).toContain(name);
    });
  });
  it("after the block that used it", async () => {
    expect(name).toBeDefined();
    expect(await listPostgresTestDatabases()).not.toContain(name);
  });
});
