/**
 * Messages to groups on PGlite and PostgreSQL: the form rules, the preview
 * (count and one rendered sample per language, nothing written), the send
 * (message, queued e-mails, deliveries and audit entry together; no e-mail
 * sent during the request), the delivery job (each recipient once, in their language), the
 * in-app inbox (read on open, only one's own), the host and session-registrant
 * audiences, and transport failures: retried with back-off, visible with the
 * reason, never sent twice.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { backOffMs, deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "#src/services/errors.ts";
import { createTransport } from "#src/services/mail/transport.ts";
import { previewMessage } from "#src/services/messages/preview-message.ts";
import { sendMessage } from "#src/services/messages/send-message.ts";
import { getMessage } from "#src/services/messages/get-message.ts";
import { listInbox } from "#src/services/messages/list-inbox.ts";
import { listMessages } from "#src/services/messages/list-messages.ts";
import { openInboxMessage } from "#src/services/messages/open-inbox-message.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { markAttendance } from "#src/services/sessions/mark-attendance.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import { DATABASE_KINDS, type TestEnv, type TestUser, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { caught, quietly, refusalOf } from "./support/expect-errors.ts";
import { startSmtpServer } from "./support/smtp-server.ts";

const texts = {
  subjects: { ja: "{name}さんへのお知らせ", en: "News for {name}", vi: "Tin cho {name}" },
  bodies: { ja: "{name}さん、こんにちは。<b>{name}</b>", en: "Hello {name}, it's <b>plain</b> & {other}.", vi: "Xin chào {name}." },
};

function applicantsForm(roundId: string, status = "submitted", overrides: Record<string, unknown> = {}) {
  return { audience: "applicants", roundId, applicationStatus: status, ...texts, ...overrides };
}

async function addApplication(
  env: TestEnv,
  roundId: string,
  user: TestUser,
  status: string,
  given: string,
  family = "Test",
  nationality: string | null = null,
) {
  await env.db
    .insertInto("applications")
    .values({ id: crypto.randomUUID(), round_id: roundId, applicant_user_id: user.id, status, given_name: given, family_name: family, nationality })
    .execute();
}

async function mailsTo(env: TestEnv, to: string) {
  return env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", to).where("template", "=", "groupMessage").orderBy("created_at").execute();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let ministry: Actor;
  let roundId: string;
  let vi: TestUser;
  let en: TestUser;
  let th: TestUser;
  let draft: TestUser;

  beforeAll(async () => {
    env.clock.reset();
    const [op, min] = await Promise.all([createUser(env, "operator"), createUser(env, "ministry")]);
    operator = actorFor(op);
    ministry = actorFor(min);
    roundId = (await createRound(env.ctx, operator, roundInput())).id;
    [vi, en, th, draft] = await Promise.all([
      createUser(env, "applicant", { locale: "vi" }),
      createUser(env, "applicant", { locale: "en" }),
      createUser(env, "applicant", { locale: "th" }),
      createUser(env, "applicant", { locale: "vi" }),
    ]);
    // Vietnamese names are family name first: the tester saw "Chào Thị Lan Nguyễn".
    await addApplication(env, roundId, vi, "submitted", "Thị Lan", "Nguyễn", "VN");
    await addApplication(env, roundId, en, "submitted", "Grace");
    await addApplication(env, roundId, th, "submitted", "Somchai");
    await addApplication(env, roundId, draft, "draft", "Minh");
  });

  it("requires Japanese and English, the audience fields, and the operator role", async () => {
    const err = (await caught(
      previewMessage(env.ctx, operator, applicantsForm(roundId, "", { subjects: { en: "x", vi: "y" }, bodies: { en: "x" } })),
    )) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors["subjects.ja"]?.[0]?.key).toBe("errors.required");
    expect(err.fieldErrors["bodies.ja"]?.[0]?.key).toBe("errors.required");
    expect(err.fieldErrors["bodies.vi"]?.[0]?.key).toBe("errors.required");
    expect(err.fieldErrors.applicationStatus?.[0]?.key).toBe("errors.chooseOne");
    const session = (await caught(previewMessage(env.ctx, operator, { audience: "sessionRegistrants", ...texts }))) as ValidationError;
    expect(session.fieldErrors.sessionId?.[0]?.key).toBe("errors.chooseOne");
    expect(await caught(sendMessage(env.ctx, ministry, applicantsForm(roundId)))).toBeInstanceOf(ForbiddenError);
    const none = await refusalOf(sendMessage(env.ctx, operator, applicantsForm(roundId, "placed")));
    expect([none.messages, none.refusals]).toEqual(["messagesStaff.refusals", [{ code: "no_recipients" }]]);
    expect(await env.db.selectFrom("messages").select("id").execute()).toHaveLength(0);
  });

  it("previews the count and one rendered sample per language without writing anything", async () => {
    const preview = await previewMessage(env.ctx, operator, applicantsForm(roundId));
    expect(preview.recipients).toBe(3);
    const byLocale = Object.fromEntries(preview.samples.map((s) => [s.locale, s]));
    expect(Object.keys(byLocale).sort()).toEqual(["en", "vi"]);
    expect(byLocale.vi).toMatchObject({ recipients: 1, sampleName: "Nguyễn Thị Lan", subject: "Tin cho Nguyễn Thị Lan", body: "Xin chào Nguyễn Thị Lan." });
    // The Thai applicant gets English (no Thai version); nothing but {name} is replaced or escaped.
    expect(byLocale.en!.recipients).toBe(2);
    expect(byLocale.en!.body).toMatch(/^Hello (Grace|Somchai) Test, it's <b>plain<\/b> & \{other\}\.$/);
    expect(await env.db.selectFrom("messages").select("id").execute()).toHaveLength(0);
    expect(await env.db.selectFrom("message_deliveries").select("message_id").execute()).toHaveLength(0);
  });

  it("sends: rows in one transaction, e-mails only from the job, each once and in the recipient's language; the inbox", async () => {
    const { id, recipients } = await sendMessage(env.ctx, operator, applicantsForm(roundId));
    expect(recipients).toBe(3);
    const rows = await env.db.selectFrom("message_deliveries").selectAll().where("message_id", "=", id).orderBy("recipient_email").execute();
    const queued = await env.db
      .selectFrom("outbound_emails")
      .select(["id", "status"])
      .where(
        "id",
        "in",
        rows.map((r) => r.email_id!),
      )
      .execute();
    expect(queued.map((e) => e.status)).toEqual(["pending", "pending", "pending"]);
    expect(rows.find((r) => r.recipient_user_id === th.id)!.locale).toBe("en");
    expect(rows.some((r) => r.recipient_user_id === draft.id)).toBe(false);
    const audit = await env.db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["message.send"]);
    // The request wrote rows only: each e-mail is queued, none sent yet.
    expect((await mailsTo(env, vi.email)).map((m) => [m.status, m.file_name])).toEqual([["pending", null]]);
    expect((await getMessage(env.ctx, operator, id, "en")).counts).toEqual({ pending: 3, sent: 0, failed: 0 });

    expect(await deliverDueEmails(env.ctx)).toEqual({ sent: 3, failed: 0 });
    expect(await deliverDueEmails(env.ctx)).toEqual({ sent: 0, failed: 0 });
    const viMails = await mailsTo(env, vi.email);
    expect(viMails).toHaveLength(1);
    expect(viMails[0]).toMatchObject({ status: "sent" });
    expect(viMails[0]).toMatchObject({ subject: "Tin cho Nguyễn Thị Lan", body_text: "Xin chào Nguyễn Thị Lan.", locale: "vi" });
    expect((await mailsTo(env, th.email))[0]).toMatchObject({ subject: "News for Somchai Test", locale: "en" });
    expect(await mailsTo(env, draft.email)).toHaveLength(0);
    expect((await getMessage(env.ctx, operator, id, "en")).counts).toEqual({ pending: 0, sent: 3, failed: 0 });
    expect((await listMessages(env.ctx, operator, "en"))[0]).toMatchObject({ id, counts: { pending: 0, sent: 3, failed: 0 } });

    // The inbox: the recipient's version, unread until opened; nobody else can open it.
    const viActor = actorFor(vi, { locale: "vi" });
    expect(await listInbox(env.ctx, viActor)).toEqual([expect.objectContaining({ id, subject: "Tin cho Nguyễn Thị Lan", read: false, locale: "vi" })]);
    expect(await openInboxMessage(env.ctx, viActor, id)).toMatchObject({ subject: "Tin cho Nguyễn Thị Lan", body: "Xin chào Nguyễn Thị Lan." });
    expect((await listInbox(env.ctx, viActor))[0]!.read).toBe(true);
    expect(await listInbox(env.ctx, actorFor(draft))).toEqual([]);
    expect(await caught(openInboxMessage(env.ctx, actorFor(draft), id))).toBeInstanceOf(NotFoundError);
    expect((await getMessage(env.ctx, operator, id, "en")).read).toBe(1);
  });

  it("reaches host organization members by host application status and region, in Japanese", async () => {
    const host = await createUser(env, "host", { locale: "en", name: "Host Person" });
    const orgId = crypto.randomUUID();
    await env.db
      .insertInto("host_organizations")
      .values({
        id: orgId,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: "テスト株式会社",
        prefecture_code: "13",
        jsic_division: "E",
        employees: 10,
        overseas_status: "planned",
      })
      .execute();
    await env.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: host.id, org_role: "admin" }).execute();
    await env.db.insertInto("host_applications").values({ id: crypto.randomUUID(), round_id: roundId, organization_id: orgId, status: "submitted" }).execute();
    const tokyo = await env.db.selectFrom("prefectures").select("region_code").where("code", "=", "13").executeTakeFirstOrThrow();
    const other = await env.db.selectFrom("regions").select("code").where("code", "<>", tokyo.region_code).executeTakeFirstOrThrow();
    const form = (o: Record<string, unknown>) => ({ audience: "hosts", roundId, ...texts, ...o });
    expect((await previewMessage(env.ctx, operator, form({ hostStatus: "submitted", regionCode: tokyo.region_code }))).samples).toEqual([
      {
        locale: "ja",
        recipients: 1,
        sampleName: "Host Person",
        subject: "Host Personさんへのお知らせ",
        body: "Host Personさん、こんにちは。<b>Host Person</b>",
      },
    ]);
    expect((await previewMessage(env.ctx, operator, form({ hostStatus: "accepted" }))).recipients).toBe(0);
    expect((await previewMessage(env.ctx, operator, form({ regionCode: other.code }))).recipients).toBe(0);
  });

  it("reaches registrants of a session by registration status (attended), with or without an account", async () => {
    const { id: sessionId } = await createSession(env.ctx, operator, {
      roundId,
      titles: { ja: "説明会", en: "Session" },
      descriptions: {},
      mode: "online",
      meetingUrl: "https://meet.example/x",
      timeZone: "Asia/Tokyo",
      startsAt: "2027-04-11T18:00",
      endsAt: "2027-04-11T20:00",
      language: "en",
      capacity: "10",
      audience: "applicants",
    });
    const people = ["a", "b"].map((n) => ({
      name: `Person ${n}`,
      email: `${n}-${crypto.randomUUID().slice(0, 6)}@example.org`,
      countryCode: "VN",
      locale: "vi",
    }));
    for (const p of people) await registerForSession(env.ctx, null, { sessionId, ...p });
    const regs = await env.db.selectFrom("session_registrations").select(["id", "email"]).where("session_id", "=", sessionId).execute();
    await markAttendance(env.ctx, operator, sessionId, [regs.find((r) => r.email === people[0]!.email)!.id]);
    const form = (status: string) => ({ audience: "sessionRegistrants", sessionId, registrantStatus: status, ...texts });
    expect((await previewMessage(env.ctx, operator, form("registered"))).recipients).toBe(2);
    const attended = await previewMessage(env.ctx, operator, form("attended"));
    expect(attended.samples).toEqual([expect.objectContaining({ locale: "vi", recipients: 1, subject: "Tin cho Person a" })]);
  });

  it("a refusing mail server: failed with the reason, retried with exponential back-off, at most N attempts, never a duplicate", async () => {
    env.clock.set("2027-05-01T00:00:00Z");
    await deliverDueEmails(env.ctx); // what earlier tests queued goes out first
    const { id } = await sendMessage(env.ctx, operator, applicantsForm(roundId, "submitted", { subjects: { ...texts.subjects, en: "Retry {name}" } }));
    const refusing = new Set([vi.email, en.email, th.email]);
    const smtp = await startSmtpServer({ refuse: (to) => (refusing.has(to) ? "4.2.2 Mailbox full" : null) });
    try {
      const viaSmtp = { ...env.ctx, transport: createTransport({ outboxDir: env.outboxDir, smtpUrl: smtp.url }) };
      const base = 1000;
      const run = (at: Date) => quietly(() => deliverDueEmails(viaSmtp, at, { baseDelayMs: base, maxAttempts: 3 }));
      expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 3 });
      const detail = await getMessage(env.ctx, operator, id, "en");
      expect(detail.counts).toEqual({ pending: 0, sent: 0, failed: 3 });
      expect(detail.failures[0]).toMatchObject({ reason: expect.stringMatching(/451.*Mailbox full/), attempts: 1, nextAttemptAt: "2027-05-01T00:00:01.000Z" });
      // Not due yet: nothing is claimed.
      expect(await run(new Date(env.clock.now().getTime() + base - 1))).toEqual({ sent: 0, failed: 0 });
      env.clock.advance(base);
      expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 3 });
      const second = await getMessage(env.ctx, operator, id, "en");
      expect(second.failures[0]).toMatchObject({ attempts: 2, nextAttemptAt: new Date(env.clock.now().getTime() + backOffMs(2, base)).toISOString() });

      // The Vietnamese recipient's mailbox has room again on the third attempt; the others fail a last time and stop.
      env.clock.advance(2 * base);
      refusing.delete(vi.email);
      expect(await run(env.clock.now())).toEqual({ sent: 1, failed: 2 });
      const third = await getMessage(env.ctx, operator, id, "en");
      expect(third.counts).toEqual({ pending: 0, sent: 1, failed: 2 });
      expect(third.failures.every((f) => f.attempts === 3 && f.nextAttemptAt === null && /Mailbox full/.test(f.reason))).toBe(true);
      env.clock.advance(3600_000);
      expect(await run(env.clock.now())).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received.filter((m) => m.to.includes(vi.email))).toHaveLength(1);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});
