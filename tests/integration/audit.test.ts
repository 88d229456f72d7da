/** The audit log: atomic with the change it records; filtered and paged for operators. */
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "#src/services/audit/list-audit-log.ts";
import { writeAudit } from "#src/services/audit/write-audit.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";

const PAGE = { page: 1, size: 50 };

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator", { email: "Auditor@Test.JIP.example" }));
  });

  const roundRow = (id: string, nameEn: string) => ({
    id,
    fiscal_year: 2030,
    name_ja: "監査",
    name_en: nameEn,
    eligibility_reference_date: "2030-04-01",
    dac_list_version: "2024-2025",
  });

  it("rolls back the audit entry together with the change when the transaction fails", async () => {
    const id = crypto.randomUUID();
    const failure = new Error("boom after the audit entry");
    await expect(
      env.db.transaction().execute(async (trx) => {
        await trx.insertInto("rounds").values(roundRow(id, "atomic")).execute();
        await writeAudit(trx, operator, { action: "round.create", entityType: "round", entityId: id, after: { id } });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await env.db.selectFrom("rounds").select("id").where("id", "=", id).execute()).toEqual([]);
    expect(await env.db.selectFrom("audit_log").select("id").where("entity_id", "=", id).execute()).toEqual([]);
  });

  it("rolls back both when the database refuses a later statement", async () => {
    const id = crypto.randomUUID();
    await expect(
      env.db.transaction().execute(async (trx) => {
        await writeAudit(trx, operator, { action: "round.create", entityType: "round", entityId: id });
        await trx.insertInto("rounds").values(roundRow(id, "atomic-2")).execute();
        // violates the CHECK on age_max >= age_min
        await trx.updateTable("rounds").set({ age_max: 10 }).where("id", "=", id).execute();
      }),
    ).rejects.toThrow();
    expect(await env.db.selectFrom("rounds").select("id").where("id", "=", id).execute()).toEqual([]);
    expect(await env.db.selectFrom("audit_log").select("id").where("entity_id", "=", id).execute()).toEqual([]);
  });

  it("keeps both when the transaction commits", async () => {
    const id = crypto.randomUUID();
    await env.db.transaction().execute(async (trx) => {
      await trx.insertInto("rounds").values(roundRow(id, "committed")).execute();
      await writeAudit(trx, operator, { action: "round.create", entityType: "round", entityId: id, before: { a: 1 }, after: { b: [2] } });
    });
    const rows = await env.db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: operator.userId, actor_role: "operator", ip: "192.0.2.1", before: { a: 1 }, after: { b: [2] } });
  });

  it("lists entries newest first, filtered by action prefix, entity, actor e-mail and UTC day", async () => {
    const entity = crypto.randomUUID();
    await writeAudit(env.db, operator, { action: "test.alpha", entityType: "thing", entityId: entity });
    await writeAudit(env.db, null, { action: "test.beta", entityType: "thing", entityId: entity });
    await writeAudit(env.db, operator, { action: "test_gamma", entityType: "thing", entityId: entity });
    await env.db
      .updateTable("audit_log")
      .set({ at: new Date("2030-01-01T23:59:59Z") })
      .where("action", "=", "test.alpha")
      .execute();
    await env.db
      .updateTable("audit_log")
      .set({ at: new Date("2030-01-02T00:00:00Z") })
      .where("action", "=", "test.beta")
      .execute();

    const byEntity = await listAuditLog(env.ctx, operator, { entityType: "thing", entityId: entity }, PAGE);
    expect(byEntity.items.map((r) => r.action)).toEqual(["test_gamma", "test.beta", "test.alpha"]);
    expect(byEntity.total).toBe(3);
    // "_" in the prefix is a literal, not a LIKE wildcard
    expect((await listAuditLog(env.ctx, operator, { action: "test.", entityId: entity }, PAGE)).items.map((r) => r.action)).toEqual([
      "test.beta",
      "test.alpha",
    ]);
    expect((await listAuditLog(env.ctx, operator, { action: "test_", entityId: entity }, PAGE)).items.map((r) => r.action)).toEqual(["test_gamma"]);
    const mine = await listAuditLog(env.ctx, operator, { actorEmail: "AUDITOR@test.jip.example", entityId: entity }, PAGE);
    expect(mine.items.map((r) => r.action)).toEqual(["test_gamma", "test.alpha"]);
    expect(mine.items[0]).toMatchObject({ actorEmail: "auditor@test.jip.example", actorRole: "operator" });
    const system = byEntity.items.find((r) => r.action === "test.beta")!;
    expect(system).toMatchObject({ actorEmail: null, actorRole: "system" });
    expect((await listAuditLog(env.ctx, operator, { from: "2030-01-01", to: "2030-01-01", entityId: entity }, PAGE)).items.map((r) => r.action)).toEqual([
      "test.alpha",
    ]);
    expect((await listAuditLog(env.ctx, operator, { from: "2030-01-02", to: "2030-01-02", entityId: entity }, PAGE)).items.map((r) => r.action)).toEqual([
      "test.beta",
    ]);
    // malformed day bounds are ignored rather than failing
    expect((await listAuditLog(env.ctx, operator, { from: "yesterday", entityId: entity }, PAGE)).total).toBe(3);
  });

  it("pages on the server", async () => {
    const entity = crypto.randomUUID();
    for (let i = 0; i < 5; i++) await writeAudit(env.db, operator, { action: `page.${i}`, entityType: "paged", entityId: entity });
    const p1 = await listAuditLog(env.ctx, operator, { entityId: entity }, { page: 1, size: 2 });
    const p3 = await listAuditLog(env.ctx, operator, { entityId: entity }, { page: 3, size: 2 });
    expect(p1).toMatchObject({ total: 5, pages: 3, page: 1, size: 2 });
    expect(p1.items.map((r) => r.action)).toEqual(["page.4", "page.3"]);
    expect(p3.items.map((r) => r.action)).toEqual(["page.0"]);
    expect(typeof p1.items[0]!.id).toBe("string");
    expect(p1.items[0]!.at).toBeInstanceOf(Date);
  });
});
