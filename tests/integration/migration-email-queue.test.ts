/**
 * Migration 0007 (ADR 0008) on PGlite and PostgreSQL: group-message
 * deliveries made before the e-mail queue existed become queued e-mails with
 * their text, status, attempts and failure, so nothing waiting is lost and
 * nothing sent is sent again.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import { migrateToLatest, migrateUpTo } from "#src/db/migrate.ts";
import { getMessage } from "#src/services/messages/get-message.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind, { migrate: false });

  it("turns each delivery into an e-mail in its recipient's language, keeping where it stood", async () => {
    await migrateUpTo(env.db, "0006-group-messages");
    const messageId = crypto.randomUUID();
    await sql`insert into messages (id, subject, body, audience_filter, created_at, sent_at)
      values (${messageId}, ${JSON.stringify({ en: "News for {name}", vi: "Tin cho {name}" })}::jsonb, ${JSON.stringify({ en: "Hello {name}.", vi: "Xin chào {name}." })}::jsonb,
              '{"kind":"applicants"}'::jsonb, '2027-04-01T00:00:00Z', '2027-04-01T00:00:00Z')`.execute(env.db);
    await sql`insert into message_deliveries (message_id, recipient_email, recipient_name, locale, status, failure_reason, attempts, next_attempt_at, sent_at) values
      (${messageId}, 'lan@example.vn', 'Lan', 'vi', 'pending', null, 0, null, null),
      (${messageId}, 'ann@example.org', 'Ann', 'en', 'sent', null, 1, null, '2027-04-01T00:00:05Z'),
      (${messageId}, 'bob@example.org', 'Bob', 'en', 'failed', 'mailbox full', 2, '2027-04-01T00:02:00Z', null)`.execute(env.db);

    expect(await migrateToLatest(env.db)).toContain("0007-email-queue");

    const emails = await env.db
      .selectFrom("message_deliveries as d")
      .innerJoin("outbound_emails as e", "e.id", "d.email_id")
      .select(["e.to_address", "e.subject", "e.body_text", "e.locale", "e.status", "e.attempts", "e.error", "e.next_attempt_at", "e.sent_at", "e.template"])
      .where("d.message_id", "=", messageId)
      .orderBy("e.to_address")
      .execute();
    expect(emails).toEqual([
      {
        to_address: "ann@example.org",
        subject: "News for Ann",
        body_text: "Hello Ann.",
        locale: "en",
        status: "sent",
        attempts: 1,
        error: null,
        next_attempt_at: null,
        sent_at: new Date("2027-04-01T00:00:05Z"),
        template: "groupMessage",
      },
      {
        to_address: "bob@example.org",
        subject: "News for Bob",
        body_text: "Hello Bob.",
        locale: "en",
        status: "failed",
        attempts: 2,
        error: "mailbox full",
        next_attempt_at: new Date("2027-04-01T00:02:00Z"),
        sent_at: null,
        template: "groupMessage",
      },
      {
        to_address: "lan@example.vn",
        subject: "Tin cho Lan",
        body_text: "Xin chào Lan.",
        locale: "vi",
        status: "pending",
        attempts: 0,
        error: null,
        next_attempt_at: null,
        sent_at: null,
        template: "groupMessage",
      },
    ]);
    const operator = actorFor(await createUser(env, "operator"));
    expect((await getMessage(env.ctx, operator, messageId, "en")).counts).toEqual({ pending: 1, sent: 1, failed: 1 });

    // The queue takes over: the waiting and the failed (once due) go out; the sent one is not sent again.
    expect(await deliverDueEmails(env.ctx, new Date("2027-04-01T00:03:00Z"))).toEqual({ sent: 2, failed: 0 });
    expect((await getMessage(env.ctx, operator, messageId, "en")).counts).toEqual({ pending: 0, sent: 3, failed: 0 });
  });
});
