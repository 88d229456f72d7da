/** Migrations and reference data, on PGlite and on PostgreSQL. */
import { readdirSync } from "node:fs";
import { MATCHING_MODES } from "#src/domain/matching/shortlist.ts";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "#src/db/migrate.ts";
import { APPLICATION_STATUSES } from "#src/domain/application-status.ts";
import { DOCUMENT_KINDS } from "#src/domain/document-type.ts";
import { ELIGIBILITY_RULES } from "#src/domain/eligibility.ts";
import { SCAN_STATUSES } from "#src/domain/malware/clamd-protocol.ts";
import { DAY_STATUSES, MODES } from "#src/domain/internship/rules.ts";
import { SURVEY_AUDIENCES } from "#src/domain/internship/survey.ts";
import { HOST_APPLICATION_STATUSES, HOST_KINDS, JSIC_DIVISIONS, OVERSEAS_STATUSES } from "#src/domain/host-organization.ts";
import { REGISTRATION_STATUSES, SESSION_AUDIENCES, SESSION_MODES } from "#src/domain/information-sessions.ts";
import { ENGLISH_SELF_LEVELS, JLPT_LEVELS } from "#src/domain/languages.ts";
import { PREFECTURE_CODES, REGIONS, regionOf } from "#src/domain/regions.ts";
import { ORG_ROLES, STAFF_INVITABLE_ROLES } from "#src/domain/roles.ts";
import { DEADLINE_KINDS, PHASES } from "#src/domain/round-phases.ts";
import { DATABASE_KINDS, listPostgresTestDatabases, useTestDatabase } from "./support/databases.ts";

/** Every migration file, in order: a new file must be registered in src/db/migrate.ts. */
const EXPECTED_MIGRATIONS = readdirSync(new URL("../../src/db/migrations/", import.meta.url))
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

  it("keeps one account per e-mail address whatever its case, and looks it up by lower(email) with an index", async () => {
    await migrateToLatest(env.db);
    await sql`insert into "user" (id, name, email, "emailVerified") values ('case-1', 'A', 'Case.Test@example.org', false)`.execute(env.db);
    await expect(
      sql`insert into "user" (id, name, email, "emailVerified") values ('case-2', 'B', 'case.test@EXAMPLE.org', false)`.execute(env.db),
    ).rejects.toThrow(/user_email_lower_idx|duplicate|unique/i);
    const indexes = await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'user'`.execute(env.db);
    expect(indexes.rows.map((r) => r.indexdef).join("\n")).toMatch(/lower\(email\)/);
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

  it("allows exactly the values each enumeration of src/domain declares (CHECK constraints and reference data)", async () => {
    const checks = await sql<{ tbl: string; def: string }>`
      select c.relname as tbl, pg_get_constraintdef(k.oid) as def
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      where k.contype = 'c'`.execute(env.db);
    /** The values a column's CHECK (column IN (…)) allows, as PostgreSQL prints it back. */
    const allowed = (table: string, column: string): string[] => {
      const def = checks.rows.find((r) => r.tbl === table && new RegExp(`\\(\\(?${column}\\b[^,]*(= ANY|IN)`, "i").test(r.def))?.def;
      if (!def) throw new Error(`no CHECK on ${table}.${column}`);
      return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort();
    };
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(allowed("rounds", "phase")).toEqual(sorted(PHASES));
    expect(allowed("round_deadlines", "kind")).toEqual(sorted(DEADLINE_KINDS));
    expect(allowed("applications", "status")).toEqual(sorted(APPLICATION_STATUSES));
    expect(allowed("applications", "english_self_level")).toEqual(sorted(ENGLISH_SELF_LEVELS));
    expect(allowed("application_documents", "kind")).toEqual(sorted(DOCUMENT_KINDS));
    // every upload that is malware-scanned (ADR 0028) takes the same states
    expect(allowed("application_documents", "scan_status")).toEqual(sorted(SCAN_STATUSES));
    expect(allowed("presentation_slides", "scan_status")).toEqual(sorted(SCAN_STATUSES));
    expect(allowed("eligibility_overrides", "rule")).toEqual(sorted(ELIGIBILITY_RULES));
    expect(allowed("host_organizations", "kind")).toEqual(sorted(HOST_KINDS));
    expect(allowed("host_organizations", "overseas_status")).toEqual(sorted(OVERSEAS_STATUSES));
    expect(allowed("host_applications", "status")).toEqual(sorted(HOST_APPLICATION_STATUSES));
    expect(allowed("host_memberships", "org_role")).toEqual(sorted(ORG_ROLES));
    expect(allowed("information_sessions", "mode")).toEqual(sorted(SESSION_MODES));
    expect(allowed("information_sessions", "audience")).toEqual(sorted(SESSION_AUDIENCES));
    expect(allowed("session_registrations", "status")).toEqual(sorted(REGISTRATION_STATUSES));
    expect(allowed("staff_invitations", "role")).toEqual(sorted(STAFF_INVITABLE_ROLES));
    expect(allowed("jlpt_levels", "code")).toEqual(sorted(JLPT_LEVELS));
    expect(allowed("attendance_days", "status")).toEqual(sorted(DAY_STATUSES));
    expect(allowed("placements", "mode")).toEqual(sorted(MODES));
    expect(allowed("surveys", "audience")).toEqual(sorted(SURVEY_AUDIENCES));
    expect(allowed("rounds", "matching_mode")).toEqual(sorted(MATCHING_MODES));
    const regions = await env.db.selectFrom("regions").select("code").orderBy("sort_order").execute();
    expect(regions.map((r) => r.code)).toEqual([...REGIONS]);
    const jsic = await env.db.selectFrom("jsic_divisions").select("code").orderBy("code").execute();
    expect(jsic.map((d) => d.code)).toEqual([...JSIC_DIVISIONS]);
    const prefectures = await env.db.selectFrom("prefectures").select(["code", "region_code"]).orderBy("code").execute();
    expect(prefectures.map((p) => [p.code, p.region_code])).toEqual(PREFECTURE_CODES.map((c) => [c, regionOf(c)]));
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
      { version: "2014-2017", effective_from: "2014-01-01", n: "146" },
      { version: "2018-2020", effective_from: "2018-01-01", n: "143" },
      { version: "2021", effective_from: "2021-01-01", n: "142" },
      { version: "2022-2023", effective_from: "2022-01-01", n: "141" },
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
    expect(before).toEqual([expect.any(Number), 47, 20, 5, 146 + 143 + 142 + 141 + 141]);
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
