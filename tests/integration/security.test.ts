/**
 * Security controls of issue 11 (items 1–5), each proved on PGlite and
 * PostgreSQL; docs/security.md maps each control to its test here.
 */
import { createHash } from "node:crypto";
import { totp } from "../../e2e/support/totp.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { listAuditLog } from "#src/services/audit/list-audit-log.ts";
import { savePosition } from "#src/services/hosts/save-position.ts";
import { getPublicSession } from "#src/services/sessions/get-public-session.ts";
import { getActor } from "#src/services/auth/get-actor.ts";
import { confirmPassword, REAUTH_WINDOW_MS, STAFF_IDLE_MS } from "#src/services/auth/session-policy.ts";
import { startTwoFactorEnrolment } from "#src/services/auth/start-two-factor-enrolment.ts";
import { verifyTwoFactorCode } from "#src/services/auth/verify-two-factor-code.ts";
import { signUpApplicant as signUpAgain } from "#src/services/auth/sign-up-applicant.ts";
import { acceptHostInvitation } from "#src/services/hosts/accept-host-invitation.ts";
import { BadInputError, ReauthenticationRequiredError } from "#src/services/errors.ts";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createRound } from "#src/services/rounds/create-round.ts";
import { requestPasswordReset } from "#src/services/auth/request-password-reset.ts";
import { resetPassword } from "#src/services/auth/reset-password.ts";
import { CLIENT_FREE_FAILURES, FIRST_DELAY_MS, FORGET_AFTER_MS, FREE_FAILURES, MAX_DELAY_MS, delayAfter } from "#src/services/auth/login-rate-limit.ts";
import { signIn } from "#src/services/auth/sign-in.ts";
import { ValidationError } from "#src/services/errors.ts";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { inviteMember } from "#src/services/hosts/invite-member.ts";
import { listOutbox } from "#src/services/mail/list-outbox.ts";
import { createTransport } from "#src/services/mail/transport.ts";
import { deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";
import { inviteStaff } from "#src/services/staff/invite-staff.ts";
import { hostOrgInput } from "../support/host-inputs.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, TEST_PASSWORD, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { quietly, validationErrorOf } from "./support/expect-errors.ts";
import { emlText, sentText } from "./support/mail.ts";
import { type TestSmtpServer, startSmtpServer } from "./support/smtp-server.ts";

const STRONG = "violet-harbour-lantern-42";
const unique = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@security.test.jip.example`;

/** Every link in a text that carries a secret: reset, verification, invitation, cancel. */
const SECRET_LINK =
  /\/api\/auth\/reset-password\/|verify-email\?token=|\/staff-invitation\/[A-Za-z0-9_-]{8}|\/host\/invitation\/[A-Za-z0-9_-]{8}|\/sessions\/cancel\/[A-Za-z0-9_-]{8}/;

async function mailRow(env: TestEnv, to: string, template: string) {
  return env.db
    .selectFrom("outbound_emails")
    .selectAll()
    .where("to_address", "=", to)
    .where("template", "=", template)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    roundId = (await createRound(env.ctx, operator, roundInput())).id;
  });

  describe("item 1: no authentication secret is shown to staff", () => {
    const addresses: Record<string, string> = {};
    let smtp: TestSmtpServer;

    beforeAll(async () => {
      smtp = await startSmtpServer();
      addresses.verifyEmail = unique("verify");
      await signUpApplicant(env.ctx, { name: "Lan", email: addresses.verifyEmail, password: STRONG, passwordConfirm: STRONG }, "vi");
      addresses.resetPassword = (await createUser(env, "ministry")).email;
      await requestPasswordReset(env.ctx, { email: addresses.resetPassword }, "ja");
      addresses.staffInvitation = unique("staff");
      await inviteStaff(env.ctx, operator, { email: addresses.staffInvitation, role: "reviewer", locale: "en" });
      const admin = actorFor(await createUser(env, "host"));
      await registerOrganization(env.ctx, admin, hostOrgInput({ nameJa: "秘密工業株式会社", nameEn: "Himitsu Kogyo", overseasCountries: "vn" }));
      addresses.hostInvitation = unique("host");
      await inviteMember(env.ctx, admin, { email: addresses.hostInvitation, orgRole: "member", locale: "ja" });
      const { id: sessionId } = await createSession(env.ctx, operator, {
        roundId,
        titles: { ja: "説明会", en: "Information session" },
        descriptions: {},
        mode: "in_person",
        meetingUrl: "",
        venue: "Hall A",
        city: "Hanoi",
        countryCode: "VN",
        timeZone: "Asia/Ho_Chi_Minh",
        startsAt: "2027-05-11T18:00",
        endsAt: "2027-05-11T20:00",
        language: "vi",
        capacity: "10",
        partnerOrganization: "",
        audience: "applicants",
      });
      addresses.sessionRegistered = unique("session");
      await registerForSession(env.ctx, null, {
        sessionId,
        name: "Minh",
        email: addresses.sessionRegistered,
        countryCode: "VN",
        affiliation: "",
        locale: "en",
      });
    });
    afterAll(() => smtp.close());

    it("the operator's E-mails page shows that a link was sent, never the link; the recipient's text has it", async () => {
      for (const [template, to] of Object.entries(addresses)) {
        const page = await listOutbox(env.ctx, operator, { to }, { page: 1, size: 20 });
        const shown = page.items.find((m) => m.template === template);
        expect(shown, template).toBeDefined();
        expect(shown!.body, template).not.toMatch(SECRET_LINK);
        const row = await mailRow(env, to, template);
        expect(row.body_text).toBe(shown!.body);
        expect(row.body_text).toContain(row.locale === "ja" ? "本人のみに送信" : row.locale === "vi" ? "chỉ gửi cho người nhận" : "sent to the recipient only");
        // The text as sent is sealed in the database: the link is not readable there either.
        expect(row.secret_body).not.toBeNull();
        expect(row.secret_body).not.toMatch(SECRET_LINK);
        expect(sentText(env, row), template).toMatch(SECRET_LINK);
      }
    });

    it("a failed attempt logs no secret; once sent over SMTP the recipient has the link and the sealed copy is erased", async () => {
      const down = { ...env.ctx, transport: createTransport({ outboxDir: env.outboxDir, smtpUrl: "smtp://127.0.0.1:9" }) };
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(" "));
      try {
        await deliverDueEmails(down, env.clock.now(), { baseDelayMs: 1 });
      } finally {
        console.error = original;
      }
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line).not.toMatch(SECRET_LINK);
      const failed = await listOutbox(env.ctx, operator, { status: "failed" }, { page: 1, size: 100 });
      for (const m of failed.items) expect(`${m.body} ${m.error}`).not.toMatch(SECRET_LINK);

      const outboxFiles = () => (existsSync(env.outboxDir) ? readdirSync(env.outboxDir).length : 0);
      const filesBefore = outboxFiles();
      const viaSmtp = { ...env.ctx, transport: createTransport({ outboxDir: env.outboxDir, smtpUrl: smtp.url }) };
      await quietly(() => deliverDueEmails(viaSmtp, new Date(env.clock.now().getTime() + 60_000)));
      for (const [template, to] of Object.entries(addresses)) {
        const row = await mailRow(env, to, template);
        expect(row.status, template).toBe("sent");
        expect(row.secret_body, template).toBeNull();
        expect(row.body_text, template).not.toMatch(SECRET_LINK);
        const received = smtp.received.find((r) => r.to.includes(to));
        expect(emlText(received?.raw ?? ""), template).toMatch(SECRET_LINK);
      }
      // With an SMTP server configured, nothing is written to the development outbox folder.
      expect(outboxFiles()).toBe(filesBefore);
    });

    it("without an SMTP server, the development outbox file keeps the full text", async () => {
      const to = unique("outbox");
      await requestPasswordReset(env.ctx, { email: (await createUser(env, "applicant", { email: to })).email }, "en");
      await deliverDueEmails(env.ctx, new Date(env.clock.now().getTime() + 120_000));
      const row = await mailRow(env, to, "resetPassword");
      expect(row.secret_body).toBeNull();
      expect(row.body_text).not.toMatch(SECRET_LINK);
      expect(emlText(readFileSync(path.join(env.outboxDir, row.file_name!), "utf8"))).toMatch(SECRET_LINK);
    });
  });
  describe("item 2: the sign-in limiter holds under concurrency, per account and client, and slows down instead of locking", () => {
    /** What one sign-in came to: signed in, wrong password (the password was checked), or refused by the limiter. */
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => "signedIn",
        (err: unknown) => (err instanceof ValidationError ? (err.formErrors[0]?.key ?? "field") : `threw ${String(err)}`),
      );
    const failuresOf = (email: string) => env.db.selectFrom("login_attempts").select("id").where("email", "=", email).where("succeeded", "=", false).execute();

    it("120 simultaneous sign-ins for one account from one client: exactly the free tries are checked; the right password, sent last, is refused", async () => {
      env.clock.reset();
      const user = await createUser(env, "applicant");
      const ip = "198.51.100.120";
      const attempts = Array.from({ length: 120 }, (_, i) =>
        signIn(env.ctx, { email: user.email, password: i === 119 ? TEST_PASSWORD : `wrong-password-${i}` }, ip),
      );
      const outcomes = await Promise.all(attempts.map(outcome));
      const counts = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
      expect(counts).toEqual({ "errors.invalidCredentials": FREE_FAILURES, "errors.tooManyAttempts": 120 - FREE_FAILURES });
      expect(outcomes[119]).toBe("errors.tooManyAttempts");
      expect(await failuresOf(user.email)).toHaveLength(FREE_FAILURES);
      const sessions = await env.db.selectFrom("session").select("id").where("userId", "=", user.id).execute();
      expect(sessions).toEqual([]);
    });

    it("an attacker's failures slow down only the attacker's client: the owner signs in from elsewhere at once", async () => {
      env.clock.reset();
      const owner = await createUser(env, "applicant");
      for (let i = 0; i < FREE_FAILURES + 3; i++) await outcome(signIn(env.ctx, { email: owner.email, password: `guess-${i}-abcdefgh` }, "203.0.113.66"));
      expect(await outcome(signIn(env.ctx, { email: owner.email, password: TEST_PASSWORD }, "203.0.113.66"))).toBe("errors.tooManyAttempts");
      expect(await outcome(signIn(env.ctx, { email: owner.email, password: TEST_PASSWORD }, "192.0.2.10"))).toBe("signedIn");
    });

    it("slows down rather than locks: 30 s after the free tries, then twice as long after each failure, at most 15 minutes; forgotten after 15 quiet minutes", async () => {
      expect([4, 5, 6, 7, 8, 9, 10, 20].map((n) => delayAfter(n))).toEqual([0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, MAX_DELAY_MS]);
      env.clock.reset();
      const t0 = env.clock.now().getTime();
      const at = (ms: number) => env.clock.set(new Date(t0 + ms));
      const user = await createUser(env, "applicant");
      const ip = "203.0.113.77";
      const tryWith = (password: string) => outcome(signIn(env.ctx, { email: user.email, password }, ip));
      for (let i = 0; i < FREE_FAILURES; i++) expect(await tryWith("not-the-password-1")).toBe("errors.invalidCredentials");
      at(FIRST_DELAY_MS - 1);
      expect(await tryWith(TEST_PASSWORD)).toBe("errors.tooManyAttempts");
      at(FIRST_DELAY_MS);
      expect(await tryWith("not-the-password-2")).toBe("errors.invalidCredentials");
      at(FIRST_DELAY_MS + 2 * FIRST_DELAY_MS - 1);
      expect(await tryWith(TEST_PASSWORD)).toBe("errors.tooManyAttempts");
      at(FIRST_DELAY_MS + 2 * FIRST_DELAY_MS);
      expect(await tryWith(TEST_PASSWORD)).toBe("signedIn");
      // Quiet for 15 minutes after failures: the free tries are back.
      for (let i = 0; i < FREE_FAILURES; i++) expect(await tryWith("not-the-password-3")).toBe("errors.invalidCredentials");
      expect(await tryWith(TEST_PASSWORD)).toBe("errors.tooManyAttempts");
      at(FIRST_DELAY_MS + 2 * FIRST_DELAY_MS + FORGET_AFTER_MS);
      expect(await tryWith(TEST_PASSWORD)).toBe("signedIn");
    });

    it("a password reset clears the limiter for the account, from every client", async () => {
      env.clock.reset();
      const user = await createUser(env, "applicant");
      for (const ip of ["203.0.113.88", "203.0.113.89"]) {
        for (let i = 0; i < FREE_FAILURES; i++) await outcome(signIn(env.ctx, { email: user.email, password: `guess-${i}-abcdefgh` }, ip));
        expect(await outcome(signIn(env.ctx, { email: user.email, password: TEST_PASSWORD }, ip))).toBe("errors.tooManyAttempts");
      }
      await requestPasswordReset(env.ctx, { email: user.email }, "en");
      const token = /\/reset-password\/([^/?\s]+)/.exec(sentText(env, await mailRow(env, user.email, "resetPassword")))![1]!;
      await resetPassword(env.ctx, { token, password: STRONG, passwordConfirm: STRONG });
      for (const ip of ["203.0.113.88", "203.0.113.89"]) expect(await outcome(signIn(env.ctx, { email: user.email, password: STRONG }, ip))).toBe("signedIn");
    });

    it(`one client trying many accounts (password spraying) is slowed down after ${CLIENT_FREE_FAILURES} failures`, async () => {
      env.clock.reset();
      const ip = "203.0.113.99";
      const sprayed = await Promise.all(
        Array.from({ length: CLIENT_FREE_FAILURES }, (_, i) =>
          outcome(signIn(env.ctx, { email: `sprayed-${i}@example.org`, password: "Summer2027!summer" }, ip)),
        ),
      );
      expect(new Set(sprayed)).toEqual(new Set(["errors.invalidCredentials"]));
      const victim = await createUser(env, "applicant");
      expect(await outcome(signIn(env.ctx, { email: victim.email, password: TEST_PASSWORD }, ip))).toBe("errors.tooManyAttempts");
      expect(await outcome(signIn(env.ctx, { email: victim.email, password: TEST_PASSWORD }, "192.0.2.99"))).toBe("signedIn");
    });
  });
  describe("item 4: bad input is refused as bad input, never a server error", () => {
    it("a NUL character in an id never reaches PostgreSQL: the guard refuses it as bad input", async () => {
      await expect(getPublicSession(env.ctx, null, "a\u0000b", "en")).rejects.toBeInstanceOf(BadInputError);
      await expect(env.db.selectFrom("rounds").select("id").where("created_at", "<", new Date(Number.NaN)).execute()).rejects.toBeInstanceOf(BadInputError);
      await expect(
        env.db
          .insertInto("audit_log")
          .values({ action: "x", entity_type: "y", after: { note: "\u0000" } })
          .execute(),
      ).rejects.toBeInstanceOf(BadInputError);
    });

    it("impossible dates in position periods are field errors", async () => {
      const host = actorFor(await createUser(env, "host"));
      await registerOrganization(env.ctx, host, hostOrgInput({ nameJa: "日付工業株式会社", nameEn: "Hizuke Kogyo", overseasCountries: "vn" }));
      const position = { title: "営業", description: "資料作成", department: "", prefectureCode: "01", capacity: "1", language: "N3", fields: "" };
      for (const [periodStart, periodEnd] of [
        ["0000-00-00", "2027-13-45"],
        ["2027-02-30", "0000-01-01"],
      ]) {
        const err = await validationErrorOf(savePosition(env.ctx, host, roundId, null, { ...position, periodStart, periodEnd }));
        expect(err.fieldErrors, JSON.stringify(err.fieldErrors)).toMatchObject({ periodStart: [{ key: "errors.date" }], periodEnd: [{ key: "errors.date" }] });
      }
    });

    it("the audit filter with impossible dates and a page number beyond any offset lists instead of failing", async () => {
      const page = pageRequestFrom(new URLSearchParams("page=99999999999999999999"));
      await expect(listAuditLog(env.ctx, operator, { from: "0000-00-00", to: "2027-13-45" }, page)).resolves.toMatchObject({ items: [] });
      const all = await listAuditLog(env.ctx, operator, { from: "2027-13-45", to: "0000-00-00" }, { page: 1, size: 5 });
      expect(all.total).toBeGreaterThan(0);
    });

    it("a NUL in a form field is a field error naming it", async () => {
      const err = await validationErrorOf(
        signUpApplicant(env.ctx, { name: "Lan\u0000", email: unique("nul"), password: STRONG, passwordConfirm: STRONG }, "en"),
      );
      expect(err.fieldErrors).toEqual({ name: [{ key: "errors.invalidCharacters" }] });
    });
  });

  describe("item 5: account hygiene", () => {
    const cookieHeader = (setCookies: string[]) => new Headers({ cookie: setCookies.map((c) => c.split(";")[0]).join("; ") });
    afterEach(() => {
      vi.useRealTimers();
      env.clock.reset();
    });

    it("weak and common passwords are refused, in every form that sets one, with a message of their own", async () => {
      for (const weak of ["password123456", "P@ssw0rd2027!", "iloveyou2027", "qwertyuiop12", "1234567890"]) {
        const err = await validationErrorOf(signUpApplicant(env.ctx, { name: "Weak", email: unique("weak"), password: weak, passwordConfirm: weak }, "en"));
        expect(err.fieldErrors, weak).toEqual({ password: [{ key: "errors.passwordWeak" }] });
      }
      // Built from the person's own name and address.
      const mine = "nguyenthilan2027";
      const named = await validationErrorOf(
        signUpApplicant(env.ctx, { name: "Nguyen Thi Lan", email: unique("lan"), password: mine, passwordConfirm: mine }, "vi"),
      );
      expect(named.fieldErrors).toEqual({ password: [{ key: "errors.passwordWeak" }] });
      const resetWeak = await validationErrorOf(resetPassword(env.ctx, { token: "any", password: "password123456", passwordConfirm: "password123456" }));
      expect(resetWeak.fieldErrors).toEqual({ password: [{ key: "errors.passwordWeak" }] });
      const admin = actorFor(await createUser(env, "host"));
      await registerOrganization(env.ctx, admin, hostOrgInput({ nameJa: "弱鍵工業株式会社", nameEn: "Yowakagi Kogyo", overseasCountries: "vn" }));
      const invitee = unique("weakinvitee");
      await inviteMember(env.ctx, admin, { email: invitee, orgRole: "member", locale: "en" });
      const token = /\/host\/invitation\/([A-Za-z0-9_-]+)/.exec(sentText(env, await mailRow(env, invitee, "hostInvitation")))![1]!;
      const inv = await validationErrorOf(
        acceptHostInvitation(env.ctx, null, token, { name: "Col", password: "Password1234", passwordConfirm: "Password1234" }, "en"),
      );
      expect(inv.fieldErrors).toEqual({ password: [{ key: "errors.passwordWeak" }] });
      await expect(signUpAgain(env.ctx, { name: "Strong", email: unique("strong"), password: STRONG, passwordConfirm: STRONG }, "en")).resolves.toBeUndefined();
    });

    it("a session lasts 12 hours from sign-in, however much it is used", async () => {
      const user = await createUser(env, "applicant");
      const { setCookies } = await signIn(env.ctx, { email: user.email, password: TEST_PASSWORD }, "192.0.2.50");
      const headers = cookieHeader(setCookies);
      const row = await env.db.selectFrom("session").select(["createdAt", "expiresAt"]).where("userId", "=", user.id).executeTakeFirstOrThrow();
      expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 12 * 3600_000)).toBeLessThan(1_000);
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(row.createdAt.getTime() + 11 * 3600_000);
      expect(await getActor(env.ctx, headers, "192.0.2.50")).not.toBeNull();
      const after = await env.db.selectFrom("session").select("expiresAt").where("userId", "=", user.id).executeTakeFirstOrThrow();
      expect(after.expiresAt).toEqual(row.expiresAt);
      vi.setSystemTime(row.createdAt.getTime() + 12 * 3600_000 + 1_000);
      expect(await getActor(env.ctx, headers, "192.0.2.50")).toBeNull();
    });

    it("a staff session ends after 30 minutes without a request; an applicant's does not", async () => {
      const staff = await createUser(env, "reviewer");
      const applicant = await createUser(env, "applicant");
      const staffHeaders = cookieHeader((await signIn(env.ctx, { email: staff.email, password: TEST_PASSWORD }, "192.0.2.51")).setCookies);
      const applicantHeaders = cookieHeader((await signIn(env.ctx, { email: applicant.email, password: TEST_PASSWORD }, "192.0.2.51")).setCookies);
      for (let i = 0; i < 3; i++) {
        env.clock.advance(STAFF_IDLE_MS - 60_000);
        expect(await getActor(env.ctx, staffHeaders, "192.0.2.51"), `used after ${i + 1} × 29 minutes`).not.toBeNull();
      }
      env.clock.advance(STAFF_IDLE_MS + 1);
      expect(await getActor(env.ctx, staffHeaders, "192.0.2.51")).toBeNull();
      expect(await env.db.selectFrom("session").select("id").where("userId", "=", staff.id).execute()).toEqual([]);
      expect(await getActor(env.ctx, applicantHeaders, "192.0.2.51")).not.toBeNull();
    });

    it("sensitive staff actions need the password entered in the last 15 minutes; the confirm step asks for it again", async () => {
      const op = await createUser(env, "operator");
      const headers = cookieHeader((await signIn(env.ctx, { email: op.email, password: TEST_PASSWORD }, "192.0.2.52")).setCookies);
      const actorNow = async () => ({ ...(await getActor(env.ctx, headers, "192.0.2.52"))!, twoFactorEnabled: true });
      await expect(inviteStaff(env.ctx, await actorNow(), { email: unique("fresh"), role: "reviewer", locale: "en" })).resolves.toMatchObject({
        id: expect.any(String),
      });
      env.clock.advance(REAUTH_WINDOW_MS + 1_000);
      const stale = await actorNow();
      expect(stale.recentlyAuthenticated).toBe(false);
      await expect(inviteStaff(env.ctx, stale, { email: unique("stale"), role: "reviewer", locale: "en" })).rejects.toBeInstanceOf(
        ReauthenticationRequiredError,
      );
      // Not sensitive: reading still works.
      await expect(listOutbox(env.ctx, stale, {}, { page: 1, size: 1 })).resolves.toBeDefined();
      const wrong = await validationErrorOf(confirmPassword(env.ctx, stale, headers, { password: "not-my-password-1" }));
      expect(wrong.fieldErrors).toEqual({ password: [{ key: "errors.wrongPassword" }] });
      await confirmPassword(env.ctx, stale, headers, { password: TEST_PASSWORD });
      await expect(inviteStaff(env.ctx, await actorNow(), { email: unique("again"), role: "reviewer", locale: "en" })).resolves.toMatchObject({
        id: expect.any(String),
      });
      const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", op.id).where("action", "=", "user.reauthenticate").execute();
      expect(audit).toHaveLength(1);
    });

    it("a TOTP code opens one session only: the same code again is refused and no session is made", async () => {
      const op = await createUser(env, "operator");
      const ip = "192.0.2.53";
      const first = cookieHeader((await signIn(env.ctx, { email: op.email, password: TEST_PASSWORD }, ip)).setCookies);
      const actor = (await getActor(env.ctx, first, ip))!;
      const { secret } = await startTwoFactorEnrolment(env.ctx, actor, first, TEST_PASSWORD);
      const now = Date.now();
      await verifyTwoFactorCode(env.ctx, actor, first, { code: totp(secret, now - 30_000) });
      const code = totp(secret, now);
      const challenge = async () => {
        const r = await signIn(env.ctx, { email: op.email, password: TEST_PASSWORD }, ip);
        expect(r.kind).toBe("twoFactor");
        return cookieHeader(r.setCookies);
      };
      const opened = await verifyTwoFactorCode(env.ctx, null, await challenge(), { code });
      expect(await getActor(env.ctx, cookieHeader(opened.setCookies), ip)).toMatchObject({ userId: op.id, recentlyAuthenticated: true });
      const sessionsBefore = await env.db.selectFrom("session").select("id").where("userId", "=", op.id).execute();
      const replay = await validationErrorOf(verifyTwoFactorCode(env.ctx, null, await challenge(), { code }));
      expect(replay.fieldErrors).toEqual({ code: [{ key: "errors.totpUsed" }] });
      expect(await env.db.selectFrom("session").select("id").where("userId", "=", op.id).execute()).toHaveLength(sessionsBefore.length);
      // Two at once with the same fresh code: one wins.
      const next = totp(secret, now + 30_000);
      const [c1, c2] = [await challenge(), await challenge()];
      const results = await Promise.allSettled([
        verifyTwoFactorCode(env.ctx, null, c1, { code: next }),
        verifyTwoFactorCode(env.ctx, null, c2, { code: next }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    });

    it("password-reset tokens are stored hashed", async () => {
      const user = await createUser(env, "applicant");
      await requestPasswordReset(env.ctx, { email: user.email }, "en");
      const token = /\/reset-password\/([^/?\s]+)/.exec(sentText(env, await mailRow(env, user.email, "resetPassword")))![1]!;
      const rows = await env.db.selectFrom("verification").select(["identifier", "value"]).where("value", "=", user.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.identifier).not.toContain(token);
      expect(rows[0]!.identifier).toBe(createHash("sha256").update(`reset-password:${token}`).digest("base64url"));
      await resetPassword(env.ctx, { token, password: STRONG, passwordConfirm: STRONG });
      expect(await outcomeOfSignIn(user.email, STRONG)).toBe("signedIn");
    });

    async function outcomeOfSignIn(email: string, password: string): Promise<string> {
      return signIn(env.ctx, { email, password }, "192.0.2.54").then(
        () => "signedIn",
        (err: unknown) => (err instanceof ValidationError ? (err.formErrors[0]?.key ?? "field") : String(err)),
      );
    }

    it("sign-up, sign-in, forgot-password, host invitation and session registration answer alike for known and unknown addresses", async () => {
      const known = await createUser(env, "applicant");
      const unknown = unique("nobody");
      // sign-up: the same (nothing), no second account, and the password hashed on both paths
      const auth = await env.ctx.auth.$context;
      const hash = vi.spyOn(auth.password, "hash");
      await expect(signUpApplicant(env.ctx, { name: "X", email: known.email, password: STRONG, passwordConfirm: STRONG }, "en")).resolves.toBeUndefined();
      const hashedForKnown = hash.mock.calls.length;
      await expect(signUpApplicant(env.ctx, { name: "X", email: unknown, password: STRONG, passwordConfirm: STRONG }, "en")).resolves.toBeUndefined();
      expect(hashedForKnown).toBe(1);
      expect(hash.mock.calls.length - hashedForKnown).toBe(1);
      hash.mockRestore();
      // sign-in: the same message for a wrong password and an unknown address
      expect(await outcomeOfSignIn(known.email, "not-the-password-9")).toBe("errors.invalidCredentials");
      expect(await outcomeOfSignIn(unique("ghost"), "not-the-password-9")).toBe("errors.invalidCredentials");
      // forgot-password: the same (nothing)
      await expect(requestPasswordReset(env.ctx, { email: known.email }, "en")).resolves.toBeUndefined();
      await expect(requestPasswordReset(env.ctx, { email: unique("ghost") }, "en")).resolves.toBeUndefined();
      // host invitation: an address with an applicant account, a host of another organization, and no account
      const admin = actorFor(await createUser(env, "host"));
      const otherAdmin = actorFor(await createUser(env, "host"));
      for (const a of [admin, otherAdmin]) {
        await registerOrganization(env.ctx, a, hostOrgInput({ nameJa: "列挙工業株式会社", nameEn: "Rekkyo Kogyo", overseasCountries: "vn" }));
      }
      for (const email of [known.email, otherAdmin.email, unique("newhost")]) {
        await expect(inviteMember(env.ctx, admin, { email, orgRole: "member", locale: "en" }), email).resolves.toMatchObject({ id: expect.any(String) });
        expect((await mailRow(env, email, "hostInvitation")).template).toBe("hostInvitation");
      }
      // session registration, not signed in: an address already registered gets what a new one gets
      const { id: sessionId } = await createSession(env.ctx, operator, {
        roundId,
        titles: { ja: "説明会", en: "Enumeration session" },
        descriptions: {},
        mode: "in_person",
        meetingUrl: "",
        venue: "Hall B",
        city: "Hanoi",
        countryCode: "VN",
        timeZone: "Asia/Ho_Chi_Minh",
        startsAt: "2027-05-12T18:00",
        endsAt: "2027-05-12T20:00",
        language: "vi",
        capacity: "1",
        partnerOrganization: "",
        audience: "applicants",
      });
      const form = (email: string) => ({ sessionId, name: "P", email, countryCode: "VN", affiliation: "", locale: "en" });
      const registered = unique("registered");
      await registerForSession(env.ctx, null, form(registered));
      const forKnown = await registerForSession(env.ctx, null, form(registered));
      const forNew = await registerForSession(env.ctx, null, form(unique("fresh")));
      expect(forKnown).toEqual({ status: "waitlisted", again: false });
      expect(forNew).toEqual(forKnown);
    });
  });
});
