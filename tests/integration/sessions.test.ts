/**
 * Information sessions on PGlite and PostgreSQL: the operator's form rules,
 * registration with a waiting list, cancellation and promotion, the ICS
 * confirmation, reminders exactly once (controllable clock), attendance with
 * the follow-up e-mail, and the application attributed to its session.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { backOffMs, deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import { sendDueReminders } from "#src/jobs/send-due-reminders.ts";
import { findOrCreateDraft } from "#src/services/applications/find-or-create-draft.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, ValidationError } from "#src/services/errors.ts";
import { createTransport } from "#src/services/mail/transport.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { cancelSession } from "#src/services/sessions/cancel-session.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { updateSession } from "#src/services/sessions/update-session.ts";
import { emailsInCsv, markAttendanceFromCsv } from "#src/services/sessions/mark-attendance-from-csv.ts";
import { markAttendance } from "#src/services/sessions/mark-attendance.ts";
import { cancelRegistration } from "#src/services/sessions/cancel-registration.ts";
import { getRegistrationByToken } from "#src/services/sessions/get-registration-by-token.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import { getOperatorSession } from "#src/services/sessions/get-operator-session.ts";
import { getPublicSession } from "#src/services/sessions/get-public-session.ts";
import { listOperatorSessions } from "#src/services/sessions/list-operator-sessions.ts";
import { listUpcomingSessions } from "#src/services/sessions/list-upcoming-sessions.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, deliverQueuedEmails, roundInput, useTestDatabase } from "./support/databases.ts";
import { sentText } from "./support/mail.ts";
import { caught, quietly } from "./support/expect-errors.ts";

/** Session form input starting 10 days after the test clock's start, in Hanoi time. */
function sessionForm(roundId: string, overrides: Record<string, unknown> = {}) {
  return {
    roundId,
    titles: { ja: "ハノイ説明会", en: "Hanoi information session", vi: "Buổi giới thiệu tại Hà Nội" },
    descriptions: { en: "Meet former interns." },
    mode: "in_person",
    meetingUrl: "",
    venue: "Hall A, Hanoi University",
    city: "Hanoi",
    countryCode: "VN",
    timeZone: "Asia/Ho_Chi_Minh",
    startsAt: "2027-04-11T18:00",
    endsAt: "2027-04-11T20:00",
    language: "vi",
    capacity: "2",
    partnerOrganization: "Japan Club",
    audience: "applicants",
    ...overrides,
  };
}

async function mailsTo(env: TestEnv, to: string) {
  return env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", to).orderBy("created_at").execute();
}

function cancelTokenIn(body: string): string {
  const m = /\/sessions\/cancel\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no cancel link in: ${body}`);
  return m[1]!;
}

function person(n: number, overrides: Record<string, unknown> = {}) {
  return {
    name: `Person ${n}`,
    email: `person${n}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    countryCode: "VN",
    affiliation: "Hanoi University",
    locale: "vi",
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let ministry: Actor;
  let roundId: string;

  beforeAll(async () => {
    env.clock.reset();
    const [op, min] = await Promise.all([createUser(env, "operator"), createUser(env, "ministry")]);
    operator = actorFor(op);
    ministry = actorFor(min);
    roundId = (await createRound(env.ctx, operator, roundInput())).id;
  });

  it("refuses a start in the past, an end before the start, a capacity below 1, missing titles and venue (field by field)", async () => {
    const err = await caught(
      createSession(
        env.ctx,
        operator,
        sessionForm(roundId, { startsAt: "2027-03-01T10:00", endsAt: "2027-02-28T10:00", capacity: "0", titles: { en: "x" }, venue: "" }),
      ),
    );
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fieldErrors;
    expect(fields.capacity?.[0]?.key).toBe("errors.tooSmall");
    expect(fields["titles.ja"]?.[0]?.key).toBe("errors.required");
    expect(fields.venue?.[0]?.key).toBe("errors.required");
    const timing = (await caught(
      createSession(env.ctx, operator, sessionForm(roundId, { startsAt: "2027-03-01T10:00", endsAt: "2027-02-28T10:00" })),
    )) as ValidationError;
    expect(timing.fieldErrors.startsAt?.[0]?.key).toBe("sessionErrors.inPast");
    expect(timing.fieldErrors.endsAt?.[0]?.key).toBe("sessionErrors.endBeforeStart");
    const online = (await caught(createSession(env.ctx, operator, sessionForm(roundId, { mode: "online", meetingUrl: "" })))) as ValidationError;
    expect(online.fieldErrors.meetingUrl?.[0]?.key).toBe("errors.required");
    expect(await caught(createSession(env.ctx, ministry, sessionForm(roundId)))).toBeInstanceOf(ForbiddenError);
  });

  it("runs a full session: waiting list, re-registration, cancellation and promotion, reminders once, attendance, attribution", async () => {
    const { id } = await createSession(env.ctx, operator, sessionForm(roundId));
    const stored = await env.db.selectFrom("information_sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.starts_at.toISOString()).toBe("2027-04-11T11:00:00.000Z");
    expect((await getOperatorSession(env.ctx, operator, id, "en")).values.startsAt).toBe("2027-04-11T18:00");

    const [a, b, c] = [person(1), person(2), person(3, { locale: "en" })];
    expect((await registerForSession(env.ctx, null, { sessionId: id, ...a })).status).toBe("registered");
    expect((await registerForSession(env.ctx, null, { sessionId: id, ...b })).status).toBe("registered");
    expect((await registerForSession(env.ctx, null, { sessionId: id, ...c })).status).toBe("waitlisted");

    // Twice with the same e-mail (any case): one registration, the confirmation resent. The page tells someone
    // not signed in only what a new registration would get (the session is full: the waiting list), never
    // that the address was registered; the e-mail tells the owner (issue 11 item 5).
    const again = await registerForSession(env.ctx, null, { sessionId: id, ...a, email: a.email.toUpperCase() });
    expect(again).toEqual({ status: "waitlisted", again: false });
    const rowsA = await env.db.selectFrom("session_registrations").selectAll().where("session_id", "=", id).where("email", "=", a.email).execute();
    expect(rowsA).toHaveLength(1);
    const mailsA = await mailsTo(env, a.email);
    expect(mailsA.map((m) => m.template)).toEqual(["sessionRegistered", "sessionRegistered"]);
    expect(mailsA[0]!.subject).toContain("Buổi giới thiệu tại Hà Nội");
    expect((await mailsTo(env, c.email)).map((m) => m.template)).toEqual(["sessionWaitlisted"]);

    // The confirmation carries an ICS file (CRLF, UTC) in the .eml the delivery job writes.
    await deliverQueuedEmails(env);
    const eml = readdirSync(env.outboxDir)
      .map((f) => readFileSync(path.join(env.outboxDir, f), "utf8"))
      .find((raw) => raw.includes(`To: ${a.email}`));
    expect(eml).toMatch(/Content-Type: text\/calendar/);
    const ics = Buffer.from(/Content-Type: text\/calendar[\s\S]*?\n\n([A-Za-z0-9+/=\n]+?)\n(?:\n|--)/.exec(eml!)![1]!.replace(/\n/g, ""), "base64").toString(
      "utf8",
    );
    expect(ics.split("\r\n")).toEqual(
      expect.arrayContaining([
        "BEGIN:VEVENT",
        "DTSTART:20270411T110000Z",
        "DTEND:20270411T130000Z",
        "LOCATION:Hall A\\, Hanoi University\\, Hanoi\\, Việt Nam",
      ]),
    );
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");

    // The public page shows the session as full; the meeting link never leaks.
    const pub = await getPublicSession(env.ctx, null, id, "vi");
    expect(pub.full).toBe(true);
    expect(pub.title).toBe("Buổi giới thiệu tại Hà Nội");
    expect((await listUpcomingSessions(env.ctx, "en", { country: "VN" })).map((s) => s.id)).toContain(id);
    expect((await listUpcomingSessions(env.ctx, "en", { mode: "online" })).map((s) => s.id)).not.toContain(id);
    expect((await listUpcomingSessions(env.ctx, "en", { language: "ja" })).map((s) => s.id)).not.toContain(id);

    // B cancels with the link from their e-mail: C is promoted and told.
    const tokenB = cancelTokenIn(sentText(env, (await mailsTo(env, b.email))[0]!));
    expect((await getRegistrationByToken(env.ctx, tokenB, "en")).status).toBe("registered");
    expect(await cancelRegistration(env.ctx, tokenB)).toEqual({ alreadyCancelled: false });
    expect(await cancelRegistration(env.ctx, tokenB)).toEqual({ alreadyCancelled: true });
    const stored2 = await env.db.selectFrom("session_registrations").select(["email", "status", "cancel_token_hash"]).where("session_id", "=", id).execute();
    expect(Object.fromEntries(stored2.map((r) => [r.email, r.status]))).toEqual({ [a.email]: "registered", [b.email]: "cancelled", [c.email]: "registered" });
    expect(stored2.every((r) => /^[0-9a-f]{64}$/.test(r.cancel_token_hash))).toBe(true);
    expect((await mailsTo(env, c.email)).map((m) => m.template)).toEqual(["sessionWaitlisted", "sessionPromoted"]);

    // Reminders: nothing 25 h before; 23 h before, once per registrant even if the job runs twice or concurrently.
    env.clock.set(new Date(stored.starts_at.getTime() - 25 * 3600_000));
    expect(await sendDueReminders(env.ctx, env.clock.now())).toEqual({ queued: 0 });
    env.clock.set(new Date(stored.starts_at.getTime() - 23 * 3600_000));
    const [r1, r2] = await Promise.all([sendDueReminders(env.ctx, env.clock.now()), sendDueReminders(env.ctx, env.clock.now())]);
    expect(r1.queued + r2.queued).toBe(2);
    env.clock.advance(60_000);
    expect(await sendDueReminders(env.ctx, env.clock.now())).toEqual({ queued: 0 });
    for (const p of [a, b, c]) {
      expect((await mailsTo(env, p.email)).filter((m) => m.template === "sessionReminder")).toHaveLength(p === b ? 0 : 1);
    }

    // Attendance: A attended, C did not; A gets the follow-up with the apply link carrying the session.
    env.clock.set(new Date(stored.ends_at.getTime() + 3600_000));
    const detail = await getOperatorSession(env.ctx, operator, id, "en");
    const regA = detail.registrations!.find((r) => r.email === a.email)!;
    expect(await markAttendance(env.ctx, operator, id, [regA.id])).toEqual({ attended: 1, followUps: 1 });
    expect(await markAttendance(env.ctx, operator, id, [regA.id])).toEqual({ attended: 1, followUps: 0 });
    const followUp = (await mailsTo(env, a.email)).find((m) => m.template === "sessionFollowUp")!;
    expect(followUp.body_text).toContain(`/vi/apply?session=${id}`);

    // A signs up with the same address and starts an application: it records the session.
    await env.db.updateTable("rounds").set({ phase: "recruitment" }).where("id", "=", roundId).execute();
    const applicant = actorFor(await createUser(env, "applicant", { email: a.email }));
    const draft = await env.db.transaction().execute((trx) => findOrCreateDraft(trx, applicant, env.clock.now()));
    const app = await env.db.selectFrom("applications").select("source_session_id").where("id", "=", draft.id).executeTakeFirstOrThrow();
    expect(app.source_session_id).toBe(id);
    const row = (await listOperatorSessions(env.ctx, operator, "en", {}, { page: 1, size: 200 })).items.find((s) => s.id === id)!;
    expect({ registered: row.registered, waitlisted: row.waitlisted, attended: row.attended, applications: row.applications }).toEqual({
      registered: 2,
      waitlisted: 0,
      attended: 1,
      applications: 1,
    });
    env.clock.reset();
  });

  it("a larger capacity promotes the waiting list; cancelling the session tells everyone and hides it", async () => {
    const { id } = await createSession(env.ctx, operator, sessionForm(roundId, { capacity: "1", titles: { ja: "東京", en: "Tokyo" } }));
    const [a, b] = [person(4), person(5)];
    await registerForSession(env.ctx, null, { sessionId: id, ...a });
    expect((await registerForSession(env.ctx, null, { sessionId: id, ...b })).status).toBe("waitlisted");
    // The test clock stands still: a step apart, the e-mails' order by created_at is the order they were queued in.
    env.clock.advance(1_000);
    await updateSession(env.ctx, operator, id, sessionForm(roundId, { capacity: "2", titles: { ja: "東京", en: "Tokyo" } }));
    env.clock.advance(1_000);
    expect((await mailsTo(env, b.email)).map((m) => m.template)).toEqual(["sessionWaitlisted", "sessionPromoted"]);
    await cancelSession(env.ctx, operator, id);
    expect((await mailsTo(env, a.email)).map((m) => m.template)).toEqual(["sessionRegistered", "sessionCancelled"]);
    expect((await listUpcomingSessions(env.ctx, "en", {})).map((s) => s.id)).not.toContain(id);
    expect(await caught(registerForSession(env.ctx, null, { sessionId: id, ...person(6) }))).toBeTruthy();
    env.clock.reset();
  });

  it("marks attendance from a CSV export (addresses in any column), reports unknown addresses, keeps earlier marks", async () => {
    const { id } = await createSession(env.ctx, operator, sessionForm(roundId, { capacity: "5", titles: { ja: "CSV", en: "CSV session" } }));
    const [a, b, c] = [person(7), person(8), person(9)];
    for (const p of [a, b, c]) await registerForSession(env.ctx, null, { sessionId: id, ...p });
    const regs = (await getOperatorSession(env.ctx, operator, id, "en")).registrations!;
    await markAttendance(env.ctx, operator, id, [regs.find((r) => r.email === a.email)!.id]);
    const csv = `Name,Email,Duration\r\n"Person 8",${b.email.toUpperCase()},55\r\nStranger,stranger@example.org,3\r\n`;
    expect(emailsInCsv(csv)).toEqual([b.email, "stranger@example.org"]);
    expect(await markAttendanceFromCsv(env.ctx, operator, id, csv)).toEqual({ attended: 2, followUps: 1, matched: 1, unknown: ["stranger@example.org"] });
    const after = (await getOperatorSession(env.ctx, operator, id, "en")).registrations!;
    expect(Object.fromEntries(after.map((r) => [r.email, r.attended]))).toEqual({ [a.email]: true, [b.email]: true, [c.email]: false });
    expect((await listOperatorSessions(env.ctx, operator, "en", { roundId }, { page: 1, size: 200 })).items.map((s) => s.id)).toContain(id);
    expect(await listOperatorSessions(env.ctx, operator, "en", { roundId: "00000000-0000-4000-8000-000000000000" }, { page: 1, size: 50 })).toEqual({
      items: [],
      total: 0,
      page: 1,
      size: 50,
      pages: 1,
    });
    expect(await caught(markAttendanceFromCsv(env.ctx, ministry, id, csv))).toBeInstanceOf(ForbiddenError);
  });

  it("shows an online session's link only to a signed-in registrant; registers with the account's address; hosts have their own calendar", async () => {
    const { id } = await createSession(
      env.ctx,
      operator,
      sessionForm(roundId, {
        mode: "online",
        meetingUrl: "https://meet.example.org/jip-online",
        venue: "",
        city: "",
        countryCode: "",
        audience: "both",
        titles: { ja: "オンライン", en: "Online" },
      }),
    );
    const hostOnly = await createSession(env.ctx, operator, sessionForm(roundId, { audience: "hosts", titles: { ja: "企業向け", en: "For hosts" } }));
    const applicant = actorFor(await createUser(env, "applicant"));
    expect((await getPublicSession(env.ctx, null, id, "en")).meetingUrl).toBeNull();
    expect((await getPublicSession(env.ctx, applicant, id, "en")).meetingUrl).toBeNull();
    await registerForSession(env.ctx, applicant, { sessionId: id, ...person(10, { email: "typed-elsewhere@example.org" }) });
    const reg = await env.db.selectFrom("session_registrations").selectAll().where("session_id", "=", id).executeTakeFirstOrThrow();
    expect({ user: reg.user_id, email: reg.email }).toEqual({ user: applicant.userId, email: applicant.email.toLowerCase() });
    const mine = await getPublicSession(env.ctx, applicant, id, "en");
    expect({ link: mine.meetingUrl, status: mine.myStatus }).toEqual({ link: "https://meet.example.org/jip-online", status: "registered" });
    expect((await mailsTo(env, applicant.email.toLowerCase()))[0]!.body_text).toContain("https://meet.example.org/jip-online");
    const forApplicants = (await listUpcomingSessions(env.ctx, "en", {})).map((s) => s.id);
    const forHosts = (await listUpcomingSessions(env.ctx, "ja", {}, "hosts")).map((s) => s.id);
    expect([forApplicants.includes(id), forApplicants.includes(hostOnly.id)]).toEqual([true, false]);
    expect([forHosts.includes(id), forHosts.includes(hostOnly.id)]).toEqual([true, true]);
  });

  it("a reminder whose e-mail fails is retried by the e-mail queue and then sent once", async () => {
    const { id } = await createSession(env.ctx, operator, sessionForm(roundId, { capacity: "3", titles: { ja: "再送", en: "Retry" } }));
    const p = person(11);
    await registerForSession(env.ctx, null, { sessionId: id, ...p });
    const session = await env.db.selectFrom("information_sessions").select("starts_at").where("id", "=", id).executeTakeFirstOrThrow();
    const now = new Date(session.starts_at.getTime() - 2 * 3600_000);
    expect((await sendDueReminders(env.ctx, now)).queued).toBeGreaterThanOrEqual(1);
    const reminders = async () => (await mailsTo(env, p.email)).filter((m) => m.template === "sessionReminder");
    expect((await reminders()).map((m) => m.status)).toEqual(["pending"]);
    // The SMTP server is down (nothing listens on the port): the attempt fails and is kept for later.
    const down = { ...env.ctx, transport: createTransport({ outboxDir: env.outboxDir, smtpUrl: "smtp://127.0.0.1:9" }) };
    expect((await quietly(() => deliverDueEmails(down, now))).failed).toBeGreaterThanOrEqual(1);
    expect(await reminders()).toEqual([expect.objectContaining({ status: "failed", attempts: 1, error: expect.stringMatching(/ECONNREFUSED/) })]);
    // The job has claimed this person: later runs queue nothing new; the queue sends the one e-mail after its back-off.
    expect(await sendDueReminders(env.ctx, new Date(now.getTime() + 60_000))).toEqual({ queued: 0 });
    await deliverDueEmails(env.ctx, new Date(now.getTime() + 30_000));
    expect((await reminders()).map((m) => m.status)).toEqual(["failed"]);
    await deliverDueEmails(env.ctx, new Date(now.getTime() + backOffMs(1) + 1));
    await deliverDueEmails(env.ctx, new Date(now.getTime() + backOffMs(1) + 2));
    expect(await reminders()).toEqual([expect.objectContaining({ status: "sent", attempts: 2 })]);
  });
});
