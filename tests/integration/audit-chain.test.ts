/**
 * The audit log is tamper-evident (issue 11 item 11, ADR 0026), on PGlite and
 * PostgreSQL: every entry is chained to the one before it; changing, removing
 * or reordering an entry, or cutting entries from the end, is found and the
 * first broken link named; erasing personal values (account deletion) keeps
 * the chain; writers at once never fork it; migration 0018 chains the entries
 * already there. docs/security.md › item 11.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAndReport } from "#src/cli/commands/audit.ts";
import { migrateToLatest, migrateUpTo } from "#src/db/migrate.ts";
import { deleteMyAccount } from "#src/services/applications/delete-my-account.ts";
import { sealAuditEntries, writeAudit } from "#src/services/audit/write-audit.ts";
import { verifyAuditChain } from "#src/services/audit/verify-audit-chain.ts";
import { GENESIS_HASH } from "#src/services/audit/audit-chain.ts";
import { DATABASE_KINDS, TEST_PASSWORD, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";

async function entries(env: TestEnv) {
  return env.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

async function cli(env: TestEnv): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyAndReport(
    env.ctx,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  /** Each tamper is undone after its test (the database is shared by the tests of this file). */
  const undo: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (undo.length) await undo.pop()!();
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
  });

  async function someEntries(n: number) {
    const user = await createUser(env, "operator");
    const actor = actorFor(user);
    for (let i = 0; i < n; i++) {
      await env.db.transaction().execute((trx) =>
        writeAudit(trx, actor, {
          action: "test.entry",
          entityType: "test",
          entityId: `e${i}`,
          before: { n: i, at: new Date(0) },
          after: { z: 1, a: [i, "x"] },
        }),
      );
    }
    return entries(env);
  }

  it("chains every entry to the one before it, and the whole chain verifies", async () => {
    const rows = await someEntries(5);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const report = await verifyAuditChain(env.ctx);
    expect(report).toEqual({ entries: rows.length, erased: {}, broken: null });
    const { code, out } = await cli(env);
    expect(code).toBe(0);
    expect(out).toEqual([`audit log: ${rows.length} entries, every link holds`]);
  });

  it("finds a changed action, entity, time or role, and names that entry", async () => {
    const rows = await someEntries(4);
    const target = rows[rows.length - 3]!;
    for (const change of [
      { action: "test.other" },
      { entity_id: "someone-else" },
      { at: new Date(target.at.getTime() + 1000) },
      { actor_role: "system" },
    ] as const) {
      await env.db.updateTable("audit_log").set(change).where("id", "=", target.id).execute();
      const report = await verifyAuditChain(env.ctx);
      expect(report.broken).toEqual({ id: String(target.id), reason: "its time, role, action or entity was changed" });
      expect(report.entries).toBe(rows.length - 3);
      await env.db
        .updateTable("audit_log")
        .set({ action: target.action, entity_id: target.entity_id, at: target.at, actor_role: target.actor_role })
        .where("id", "=", target.id)
        .execute();
    }
    const { code, err } = await cli(env);
    expect(code).toBe(0);
    expect(err).toEqual([]);
  });

  it("finds a changed personal value (who, before, after, IP), but an erased one keeps the chain and is counted", async () => {
    const rows = await someEntries(3);
    const target = rows[rows.length - 2]!;
    undo.push(() =>
      env.db
        .updateTable("audit_log")
        .set({ after: JSON.stringify(target.after), before: JSON.stringify(target.before), actor_user_id: target.actor_user_id })
        .where("id", "=", target.id)
        .execute(),
    );
    await env.db
      .updateTable("audit_log")
      .set({ after: JSON.stringify({ z: 2, a: [0, "x"] }) })
      .where("id", "=", target.id)
      .execute();
    expect((await verifyAuditChain(env.ctx)).broken).toEqual({ id: String(target.id), reason: "its after was changed" });
    const other = await createUser(env, "operator");
    await env.db
      .updateTable("audit_log")
      .set({ after: JSON.stringify(target.after), actor_user_id: other.id })
      .where("id", "=", target.id)
      .execute();
    expect((await verifyAuditChain(env.ctx)).broken).toEqual({ id: String(target.id), reason: "its actor_user_id was changed" });
    // The same value with its keys in another order holds (jsonb keeps its own order anyway).
    const after = target.after as { z: number; a: unknown[] };
    await env.db
      .updateTable("audit_log")
      .set({ actor_user_id: target.actor_user_id, after: `{"a":${JSON.stringify(after.a)},"z":${after.z}}` })
      .where("id", "=", target.id)
      .execute();
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
    await env.db.updateTable("audit_log").set({ before: null, after: null }).where("id", "=", target.id).execute();
    const report = await verifyAuditChain(env.ctx);
    expect(report.broken).toBeNull();
    expect(report.erased).toEqual({ before: 1, after: 1 });
    const { code, out } = await cli(env);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/every link holds; erased personal values: before 1, after 1$/);
  });

  it("finds a removed or reordered entry, and entries cut from the end", async () => {
    const rows = await someEntries(4);
    const middle = rows[rows.length - 3]!;
    const next = rows[rows.length - 2]!;
    await env.db.deleteFrom("audit_log").where("id", "=", middle.id).execute();
    const removed = await verifyAuditChain(env.ctx);
    expect(removed.broken).toEqual({ id: String(next.id), reason: "does not follow the entry before it (an entry was removed, inserted or reordered)" });
    const { code, err } = await cli(env);
    expect(code).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^audit log: broken link at entry ${next.id}: does not follow the entry before it`));
    await env.db.insertInto("audit_log").values(middle).execute();
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();

    // Swapping two entries' contents (ids stay in order).
    const a = rows[rows.length - 2]!;
    const b = rows[rows.length - 1]!;
    const { id: _a, ...aRest } = a;
    const { id: _b, ...bRest } = b;
    await env.db.updateTable("audit_log").set(bRest).where("id", "=", a.id).execute();
    await env.db.updateTable("audit_log").set(aRest).where("id", "=", b.id).execute();
    expect((await verifyAuditChain(env.ctx)).broken?.id).toBe(String(a.id));
    await env.db.updateTable("audit_log").set(aRest).where("id", "=", a.id).execute();
    await env.db.updateTable("audit_log").set(bRest).where("id", "=", b.id).execute();

    // The last entry removed: every link before it holds, but the chain head names it.
    const last = rows[rows.length - 1]!;
    await env.db.deleteFrom("audit_log").where("id", "=", last.id).execute();
    undo.push(() => env.db.insertInto("audit_log").values(last).execute());
    expect((await verifyAuditChain(env.ctx)).broken).toEqual({
      id: String(last.id),
      reason: "entries after the last one found were removed (the chain head names another entry)",
    });
  });

  it("never forks under concurrent writers, each in its own transaction", async () => {
    const before = (await entries(env)).length;
    const actor = actorFor(await createUser(env, "operator"));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        env.db.transaction().execute(async (trx) => {
          await writeAudit(trx, actor, { action: "test.concurrent", entityType: "test", entityId: `c${i}`, after: { i } });
          await sql`select 1`.execute(trx);
        }),
      ),
    );
    // Outside a transaction too (writeAudit opens its own).
    await Promise.all(Array.from({ length: 10 }, (_, i) => writeAudit(env.db, actor, { action: "test.concurrent", entityType: "test", entityId: `d${i}` })));
    const rows = await entries(env);
    expect(rows.length).toBe(before + 40);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect(await verifyAuditChain(env.ctx)).toMatchObject({ entries: rows.length, broken: null });
  });

  it("chains an entry when its transaction commits (ADR 0051): not in the log before, in it after, nothing left pending; a rollback leaves nothing", async () => {
    const actor = actorFor(await createUser(env, "operator"));
    const before = (await entries(env)).length;
    await env.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actor, { action: "test.commit", entityType: "test", entityId: "c1", after: { n: 1 } });
      // Inside its transaction the entry waits; the chain head has not moved.
      expect((await trx.selectFrom("audit_log").select("id").where("action", "=", "test.commit").execute()).length).toBe(0);
      expect((await trx.selectFrom("audit_pending").select("id").execute()).length).toBe(1);
    });
    const rows = await entries(env);
    expect(rows.length).toBe(before + 1);
    const head = await env.db.selectFrom("audit_chain_head").selectAll().executeTakeFirstOrThrow();
    expect({ id: String(head.last_id), hash: head.last_hash }).toEqual({ id: String(rows.at(-1)!.id), hash: rows.at(-1)!.hash });
    expect(rows.at(-1)).toMatchObject({ action: "test.commit", actor_user_id: actor.userId, prev_hash: rows.at(-2)?.hash ?? GENESIS_HASH });
    await expect(
      env.db.transaction().execute(async (trx) => {
        await writeAudit(trx, actor, { action: "test.rolled_back", entityType: "test", entityId: "r1" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await entries(env)).length).toBe(before + 1);
    expect(await env.db.selectFrom("audit_pending").select("id").execute()).toEqual([]);
  });

  it("numbers and chains entries in commit order, whatever order they were written in", async () => {
    const actor = actorFor(await createUser(env, "operator"));
    // The first transaction writes first and commits last.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const first = env.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actor, { action: "test.order", entityType: "test", entityId: "first-written" });
      written();
      await held;
    });
    await firstWritten;
    if (kind === "postgres") {
      await writeAudit(env.db, actor, { action: "test.order", entityType: "test", entityId: "second-written" });
      release();
      await first;
      const order = (await env.db.selectFrom("audit_log").select("entity_id").where("action", "=", "test.order").orderBy("id").execute()).map(
        (r) => r.entity_id,
      );
      expect(order).toEqual(["second-written", "first-written"]);
    } else {
      // PGlite runs one transaction at a time: the second waits for the first.
      release();
      await first;
    }
    expect((await verifyAuditChain(env.ctx)).broken).toBeNull();
  });

  it("sealAuditEntries chains a transaction's entries at once, so an erasure later in it reaches them", async () => {
    const actor = actorFor(await createUser(env, "operator"));
    await env.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actor, { action: "test.sealed", entityType: "test", entityId: "s1", after: { name: "Nguyễn Văn An" } });
      await sealAuditEntries(trx);
      const sealed = await trx.selectFrom("audit_log").selectAll().where("action", "=", "test.sealed").executeTakeFirstOrThrow();
      expect(sealed.hash).toMatch(/^[0-9a-f]{64}$/);
      await trx.updateTable("audit_log").set({ after: null }).where("id", "=", sealed.id).execute();
      // Written after the seal, in the same transaction: chained as it is written.
      await writeAudit(trx, actor, { action: "test.sealed", entityType: "test", entityId: "s2" });
      expect((await trx.selectFrom("audit_log").select("id").where("action", "=", "test.sealed").execute()).length).toBe(2);
    });
    const report = await verifyAuditChain(env.ctx);
    expect(report.broken).toBeNull();
    expect(report.erased.after).toBeGreaterThanOrEqual(1);
    expect(await env.db.selectFrom("audit_pending").select("id").execute()).toEqual([]);
  });

  it("keeps every column of an entry while it waits (a column added to audit_log must be added to audit_pending and its trigger)", async () => {
    const columns = async (table: string) =>
      (
        await sql<{
          column_name: string;
        }>`select column_name from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(env.db)
      ).rows
        .map((r) => r.column_name)
        .sort();
    const chained = new Set(["id", "prev_hash", "hash"]);
    const waiting = new Set(await columns("audit_pending"));
    expect((await columns("audit_log")).filter((c) => !chained.has(c) && !waiting.has(c))).toEqual([]);
    const trigger = await sql<{ body: string }>`select prosrc as body from pg_proc where proname = 'seal_audit_entry'`.execute(env.db);
    for (const c of await columns("audit_log")) if (!["id"].includes(c)) expect(trigger.rows[0]!.body, c).toContain(c);
  });

  it("an account deletion erases personal values and the chain still holds", async () => {
    const applicant = await createUser(env, "applicant");
    const actor = actorFor(applicant);
    await writeAudit(env.db, actor, { action: "user.update", entityType: "user", entityId: applicant.id, after: { name: applicant.name } });
    await deleteMyAccount(env.ctx, actor, { password: TEST_PASSWORD, confirm: "on" });
    const report = await verifyAuditChain(env.ctx);
    expect(report.broken).toBeNull();
    expect(report.erased.after).toBeGreaterThanOrEqual(1);
    expect(report.erased.actor_user_id).toBeGreaterThanOrEqual(1);
  });
});

describe.each(DATABASE_KINDS)("%s: migration 0018", (kind) => {
  const env = useTestDatabase(kind, { migrate: false });

  it("chains the entries written before it, oldest first", async () => {
    await migrateUpTo(env.db, "0015-case-studies");
    await sql`insert into audit_log (at, actor_role, action, entity_type, entity_id, before, after, ip) values
      ('2027-04-01T00:00:00.123456Z', 'operator', 'round.create', 'round', 'r1', null, '{"b":1,"a":{"y":2,"x":[1,2]}}'::jsonb, '127.0.0.1'),
      ('2027-04-01T00:00:01Z', 'system', 'user.delete', 'user', 'u1', '{"name":"Ann"}'::jsonb, null, null)`.execute(env.db);
    expect(await migrateToLatest(env.db)).toContain("0018-audit-chain");
    const rows = await entries(env);
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, rows[0]!.hash]);
    expect(await verifyAuditChain(env.ctx)).toEqual({ entries: 2, erased: {}, broken: null });
    const actor = actorFor(await createUser(env, "operator"));
    await writeAudit(env.db, actor, { action: "test.after_migration", entityType: "test", entityId: null });
    expect(await verifyAuditChain(env.ctx)).toMatchObject({ entries: 3, broken: null });
  });
});
