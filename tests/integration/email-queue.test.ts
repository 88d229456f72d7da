/**
 * The e-mail queue on PGlite and PostgreSQL (ADR 0008): a use case only
 * writes a pending row, committed or rolled back with its transaction; the
 * delivery job sends it once, through the development outbox or a real SMTP
 * server, with a stable Message-ID; a failing transport is retried with
 * exponential back-off, the reason is visible to operators, and after the
 * last attempt it waits for an operator's retry; a claim left behind by a
 * crashed run is taken over after its lease; two concurrent runs never send
 * the same e-mail twice.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backOffMs, deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { countFailedEmails } from "#src/services/mail/count-failed-emails.ts";
import { listOutbox } from "#src/services/mail/list-outbox.ts";
import type { MailMessage } from "#src/services/mail/mailer.ts";
import { retryEmail } from "#src/services/mail/retry-email.ts";
import { createTransport } from "#src/services/mail/transport.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, quietly, refusalOf } from "./support/expect-errors.ts";
import { type TestSmtpServer, startSmtpServer } from "./support/smtp-server.ts";

const PAGE = { page: 1, size: 50 };

function receipt(to: string, locale = "vi"): MailMessage {
  return {
    to,
    template: "applicationReceipt",
    locale,
    params: { name: "Lan", receipt: "JIP27-1", url: "http://localhost:4000/vi/application/status", next: "" },
  };
}

function address(tag: string): string {
  return `${tag}-${crypto.randomUUID().slice(0, 8)}@example.org`;
}

async function row(env: TestEnv, id: string) {
  return env.db.selectFrom("outbound_emails").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let smtp: TestSmtpServer;
  const refused = new Set<string>();

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    smtp = await startSmtpServer({ refuse: (to) => (refused.has(to) ? "4.2.2 Mailbox full" : null) });
  });
  afterAll(async () => {
    await smtp?.close();
  });

  const viaSmtp = () => ({ ...env.ctx, transport: createTransport({ outboxDir: env.outboxDir, smtpUrl: smtp.url }) });

  it("queues inside the caller's transaction: nothing is queued when it rolls back", async () => {
    const to = address("rollback");
    const boom = new Error("the use case failed after queueing");
    await expect(
      env.db.transaction().execute(async (trx) => {
        await env.ctx.mailer.queue(receipt(to), trx);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await env.db.selectFrom("outbound_emails").select("id").where("to_address", "=", to).execute()).toEqual([]);
  });

  it("a queued e-mail waits for the job, then is written to the outbox once, with a stable Message-ID", async () => {
    env.clock.reset();
    const to = address("outbox");
    const id = await env.ctx.mailer.queue(receipt(to));
    const queued = await row(env, id);
    expect(queued).toMatchObject({ status: "pending", attempts: 0, file_name: null, locale: "vi", template: "applicationReceipt" });
    expect(queued.subject).toContain("JIP27-1");

    expect((await deliverDueEmails(env.ctx, env.clock.now())).sent).toBeGreaterThanOrEqual(1);
    const sent = await row(env, id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, error: null, claimed_at: null });
    expect(sent.sent_at).toEqual(env.clock.now());
    const eml = readFileSync(path.join(env.outboxDir, sent.file_name!), "utf8");
    expect(eml).toContain(`Message-ID: <${id}@jip-platform>`);
    expect(eml).toContain(`To: ${to}`);
    expect(eml).toContain("Content-Language: vi");

    // Nothing left to do: a second run sends nothing and the file is not duplicated.
    expect(await deliverDueEmails(env.ctx, env.clock.now())).toEqual({ sent: 0, failed: 0 });
    expect(readdirSync(env.outboxDir).filter((f) => f.endsWith(`${id}.eml`))).toHaveLength(1);
  });

  it("sends through SMTP when configured, attachments included", async () => {
    const to = address("smtp");
    const id = await env.ctx.mailer.queue({
      ...receipt(to, "en"),
      attachments: [{ filename: "session.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", contentType: "text/calendar; charset=utf-8" }],
    });
    await deliverDueEmails(viaSmtp(), env.clock.now());
    expect(await row(env, id)).toMatchObject({ status: "sent", file_name: null });
    const got = smtp.received.filter((m) => m.to.includes(to));
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).toContain(`Message-ID: <${id}@jip-platform>`);
    expect(got[0]!.raw).toMatch(/Content-Type: text\/calendar/);
    expect(got[0]!.raw).toMatch(/filename=session\.ics/);
  });

  it("a refusing server: failed with the reason, retried with back-off, given up after the last attempt, sent after an operator's retry", async () => {
    env.clock.set("2027-06-01T00:00:00Z");
    const to = address("full");
    refused.add(to);
    const id = await env.ctx.mailer.queue(receipt(to, "en"));
    const base = 1000;
    const options = { baseDelayMs: base, maxAttempts: 3 };
    const run = (at: Date) => quietly(() => deliverDueEmails(viaSmtp(), at, options));

    expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 1 });
    const first = await row(env, id);
    expect(first).toMatchObject({ status: "failed", attempts: 1, claimed_at: null });
    expect(first.error).toMatch(/451.*Mailbox full/);
    expect(first.next_attempt_at).toEqual(new Date(env.clock.now().getTime() + base));

    // Not due before the back-off has passed.
    expect(await run(new Date(env.clock.now().getTime() + base - 1))).toEqual({ sent: 0, failed: 0 });
    env.clock.advance(base);
    expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 1 });
    expect((await row(env, id)).next_attempt_at).toEqual(new Date(env.clock.now().getTime() + backOffMs(2, base)));
    expect(backOffMs(2, base)).toBe(2 * base);
    expect(backOffMs(3, base)).toBe(4 * base);
    env.clock.advance(2 * base);
    expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 1 });
    expect(await row(env, id)).toMatchObject({ status: "failed", attempts: 3, next_attempt_at: null });

    // Given up: later runs leave it alone; operators see it with its reason.
    env.clock.advance(3600_000);
    expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 0 });
    const failed = await listOutbox(env.ctx, operator, { status: "failed", to }, PAGE);
    expect(failed.items).toEqual([
      expect.objectContaining({ id, status: "failed", attempts: 3, nextAttemptAt: null, error: expect.stringMatching(/Mailbox full/) }),
    ]);
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(await countFailedEmails(env.ctx, operator)).toBe(failed.failed);
    const ministry = actorFor(await createUser(env, "ministry"));
    expect(await countFailedEmails(env.ctx, ministry)).toBeNull();
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(0);

    // Only operators may retry, only a failed e-mail; then it is sent exactly once.
    expect(await caught(retryEmail(env.ctx, ministry, id))).toBeInstanceOf(ForbiddenError);
    expect(await caught(retryEmail(env.ctx, operator, crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
    refused.delete(to);
    await retryEmail(env.ctx, operator, id);
    expect((await refusalOf(retryEmail(env.ctx, operator, id))).refusals).toEqual([{ code: "not_failed" }]);
    expect(await run(env.clock.now())).toEqual({ sent: 1, failed: 0 });
    expect(await row(env, id)).toMatchObject({ status: "sent", attempts: 1, error: null });
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    const audit = await env.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("entity_id", "=", id).execute();
    expect(audit).toEqual([{ action: "email.retry", actor_user_id: operator.userId }]);
  });

  it("a claim left by a crashed run is taken over after the lease, with the same Message-ID", async () => {
    env.clock.set("2027-07-01T00:00:00Z");
    const to = address("crash");
    const id = await env.ctx.mailer.queue(receipt(to));
    // A run claimed it and died before settling it.
    await env.db.updateTable("outbound_emails").set({ claimed_at: env.clock.now(), attempts: 1 }).where("id", "=", id).execute();
    const lease = 60_000;
    expect(await deliverDueEmails(env.ctx, new Date(env.clock.now().getTime() + lease - 1), { leaseMs: lease })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails(env.ctx, new Date(env.clock.now().getTime() + lease + 1), { leaseMs: lease })).toEqual({ sent: 1, failed: 0 });
    expect(await row(env, id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("two runs at once send each e-mail exactly once", async () => {
    env.clock.set("2027-08-01T00:00:00Z");
    const people = Array.from({ length: 30 }, (_, i) => address(`busy${i}`));
    const ids = await env.ctx.mailer.queueAll(people.map((to) => receipt(to)));
    expect(ids).toHaveLength(30);
    const [a, b] = await Promise.all([
      deliverDueEmails(viaSmtp(), env.clock.now(), { batchSize: 4 }),
      deliverDueEmails(viaSmtp(), env.clock.now(), { batchSize: 4 }),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect(a.failed + b.failed).toBe(0);
    for (const to of people) expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    const rows = await env.db.selectFrom("outbound_emails").select(["status", "attempts"]).where("id", "in", ids).execute();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});
