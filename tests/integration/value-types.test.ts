/**
 * Both drivers must hand the application the same JavaScript values (ADR
 * 0002): date → "YYYY-MM-DD", numeric and int8 → string, timestamptz → Date,
 * text[] → string[], jsonb → parsed value.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchemaTypes } from "#src/db/generate-schema-types.ts";
import { writeAudit } from "#src/services/audit/write-audit.ts";
import { DATABASE_KINDS, type TestEnv, useTestDatabase } from "./support/databases.ts";

const ROUND_ID = "00000000-0000-4000-8000-0000000000aa";
const DUE = new Date("2027-05-31T14:59:00.000Z");
const CREATED = new Date("2027-01-02T03:04:05.678Z");

async function writeAndRead(env: TestEnv) {
  const db = env.db;
  await db
    .insertInto("rounds")
    .values({
      id: ROUND_ID,
      fiscal_year: 2027,
      name_ja: "型の確認",
      name_en: "Type check",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      excluded_countries: ["CN", "VN", 'a "quoted", value', ""],
      accepted_english_tests: JSON.stringify([{ test: "ielts", min: 5.5 }]),
      quotas: JSON.stringify({ byCountry: { VN: 10 }, note: "日本語", nested: [1, null, true] }),
      created_at: CREATED,
    })
    .execute();
  await db.insertInto("round_deadlines").values({ round_id: ROUND_ID, kind: "application_close", due_at: DUE }).execute();
  await db
    .transaction()
    .execute((trx) => writeAudit(trx, null, { action: "test.types", entityType: "round", entityId: ROUND_ID, before: null, after: { n: 1.5, list: ["x"] } }));
  const round = await db
    .selectFrom("rounds")
    .select(["eligibility_reference_date", "excluded_countries", "accepted_english_tests", "quotas", "created_at", "fiscal_year", "residence_in_japan_allowed"])
    .where("id", "=", ROUND_ID)
    .executeTakeFirstOrThrow();
  const deadline = await db.selectFrom("round_deadlines").select(["due_at"]).where("round_id", "=", ROUND_ID).executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom("audit_log")
    .select(["id", "at", "before", "after", "actor_role"])
    .where("action", "=", "test.types")
    .executeTakeFirstOrThrow();
  const toeic = await db.selectFrom("english_tests").select(["min_score", "max_score"]).where("code", "=", "toeic_lr").executeTakeFirstOrThrow();
  const emptyArray = await db.selectFrom("host_organizations").select("overseas_countries").execute();
  return { round, deadline, audit, toeic, emptyArray };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);

  it("returns the documented JavaScript value for each column type", async () => {
    const { round, deadline, audit, toeic } = await writeAndRead(env);
    expect(round.eligibility_reference_date).toBe("2027-04-01");
    expect(round.excluded_countries).toEqual(["CN", "VN", 'a "quoted", value', ""]);
    expect(round.accepted_english_tests).toEqual([{ test: "ielts", min: 5.5 }]);
    expect(round.quotas).toEqual({ byCountry: { VN: 10 }, note: "日本語", nested: [1, null, true] });
    expect(round.created_at).toBeInstanceOf(Date);
    expect(round.created_at.toISOString()).toBe(CREATED.toISOString());
    expect(round.fiscal_year).toBe(2027);
    expect(round.residence_in_japan_allowed).toBe(true);
    expect(deadline.due_at).toBeInstanceOf(Date);
    expect(deadline.due_at.getTime()).toBe(DUE.getTime());
    expect(typeof audit.id).toBe("string");
    expect(audit.id).toMatch(/^\d+$/);
    expect(audit.at).toBeInstanceOf(Date);
    expect(audit.before).toBeNull();
    expect(audit.after).toEqual({ n: 1.5, list: ["x"] });
    expect(audit.actor_role).toBe("system");
    expect(toeic).toEqual({ min_score: "10", max_score: "990" });
  });

  it("keeps exact decimals in numeric columns and huge bigint values", async () => {
    await env.db.insertInto("english_tests").values({ code: "precise", name: "Precise", min_score: "0.1", max_score: "12345678901234567890.25" }).execute();
    const row = await env.db.selectFrom("english_tests").select(["min_score", "max_score"]).where("code", "=", "precise").executeTakeFirstOrThrow();
    expect(row).toEqual({ min_score: "0.1", max_score: "12345678901234567890.25" });
    const big = await env.db
      .insertInto("login_attempts")
      .values({ id: "9007199254740993", email: "x@example.com", ip: "1", succeeded: false })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(big.id).toBe("9007199254740993");
  });
});

describe("PGlite and PostgreSQL side by side", () => {
  const pglite = useTestDatabase("pglite");
  const postgres = useTestDatabase("postgres");

  it("return identical values for the same rows", async () => {
    const a = await writeAndRead(pglite);
    const b = await writeAndRead(postgres);
    // ids and insertion instants are the only values that may legitimately differ
    const strip = (x: Awaited<ReturnType<typeof writeAndRead>>) => ({ ...x, audit: { ...x.audit, at: "<now>" } });
    expect(strip(a)).toEqual(strip(b));
    expect(a.audit.id).toEqual(b.audit.id);
  });
});

describe("src/db/schema.ts", () => {
  it("is what generate-schema-types renders from the migrations (regenerate it when this fails)", async () => {
    const committed = readFileSync(new URL("../../src/db/schema.ts", import.meta.url), "utf8");
    expect(await renderSchemaTypes()).toBe(committed);
  });
});
