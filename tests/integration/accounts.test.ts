/** Applicant accounts: sign-up, e-mail verification, sign-in and its rate limit, on PGlite and PostgreSQL. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CATALOGUES, translator } from "#src/i18n/translator.ts";
import { getActor } from "#src/services/auth/get-actor.ts";
import { requestPasswordReset } from "#src/services/auth/request-password-reset.ts";
import { resetPassword } from "#src/services/auth/reset-password.ts";
import { signOut } from "#src/services/auth/sign-out.ts";
import { updatePreferences } from "#src/services/auth/update-preferences.ts";
import { FIRST_DELAY_MS, FREE_FAILURES } from "#src/services/auth/login-rate-limit.ts";
import { signIn } from "#src/services/auth/sign-in.ts";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import { UnauthenticatedError, ValidationError } from "#src/services/errors.ts";
import { DATABASE_KINDS, PUBLIC_URL, type TestEnv, deliverQueuedEmails, useTestDatabase } from "./support/databases.ts";
import { sentText } from "./support/mail.ts";

const PASSWORD = "a-long-enough-password";

async function validationErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const err = await promise.then(
    () => {
      throw new Error("expected a ValidationError");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

async function mailsTo(env: TestEnv, to: string) {
  return env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", to).orderBy("created_at").execute();
}

/** The Cookie header a browser would send back after these Set-Cookie headers. */
function cookieHeader(setCookies: string[]): Headers {
  return new Headers({ cookie: setCookies.map((c) => c.split(";")[0]).join("; ") });
}

function linkIn(body: string): string {
  const m = /https?:\/\/\S+/.exec(body);
  if (!m) throw new Error(`no link in: ${body}`);
  return m[0];
}

/** The vi catalogue may not have its mail texts yet; when it has, the subject must be the Vietnamese one. */
function viSubject(): string | null {
  const mail = (CATALOGUES.vi as { mail?: { verifyEmail?: { subject?: string } } }).mail;
  return mail?.verifyEmail?.subject ? translator("vi")("mail.verifyEmail.subject") : null;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  beforeEach(() => env.clock.reset());

  describe("sign-up, verification and sign-in", () => {
    const email = "lan.nguyen@example.vn";
    const ip = "198.51.100.10";
    let verificationUrl: string;

    beforeAll(async () => {
      await signUpApplicant(env.ctx, { name: "Nguyễn Thị Lan", email: "  Lan.Nguyen@Example.VN ", password: PASSWORD, passwordConfirm: PASSWORD }, "vi");
    });

    it("creates an unverified applicant in the chosen language and records the sign-up", async () => {
      const user = await env.db.selectFrom("user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
      expect(user).toMatchObject({ name: "Nguyễn Thị Lan", emailVerified: false, role: "applicant", locale: "vi" });
      const audit = await env.db.selectFrom("audit_log").selectAll().where("entity_id", "=", user.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "user.sign_up", actor_user_id: null, actor_role: "system", after: { email, role: "applicant", locale: "vi" } });
    });

    it("sends the verification e-mail in Vietnamese with a link to this server", async () => {
      // Signing up only queued it; the delivery job sends it.
      expect((await mailsTo(env, email)).map((m) => m.status)).toEqual(["pending"]);
      await deliverQueuedEmails(env);
      const mails = await mailsTo(env, email);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail).toMatchObject({ template: "verifyEmail", locale: "vi", status: "sent" });
      const expected = viSubject();
      if (expected) expect(mail.subject).toBe(expected);
      verificationUrl = linkIn(sentText(env, mail));
      expect(verificationUrl.startsWith(`${PUBLIC_URL}/api/auth/verify-email?token=`)).toBe(true);
      expect(new URL(verificationUrl).searchParams.get("callbackURL")).toBe("/vi/sign-in?verified=1");
      // the development outbox keeps a copy as an .eml file
      expect(mail.file_name).toMatch(/\.eml$/);
      const eml = readFileSync(path.join(env.outboxDir, mail.file_name!), "utf8");
      expect(eml).toContain("Content-Language: vi");
      expect(eml).toContain("To: lan.nguyen@example.vn");
    });

    it("refuses sign-in before the address is verified, and sends the link again", async () => {
      const err = await validationErrorOf(signIn(env.ctx, { email, password: PASSWORD }, ip));
      expect(err.formErrors).toEqual([{ key: "errors.emailNotVerified" }]);
      expect(err.fieldErrors).toEqual({});
      // errors.emailNotVerified tells the applicant "we have sent the link again"
      const mails = await mailsTo(env, email);
      expect(mails).toHaveLength(2);
      expect(mails[1]).toMatchObject({ template: "verifyEmail", locale: "vi" });
      expect(linkIn(sentText(env, mails[1]!))).toContain(`${PUBLIC_URL}/api/auth/verify-email?token=`);
    });

    it("says invalid credentials for a wrong password even before verification", async () => {
      const err = await validationErrorOf(signIn(env.ctx, { email, password: "wrong-password-123" }, "198.51.100.99"));
      expect(err.formErrors).toEqual([{ key: "errors.invalidCredentials" }]);
    });

    it("verifies the address by following the link, then signs in", async () => {
      const response = await env.ctx.auth.handler(new Request(verificationUrl));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/vi/sign-in?verified=1");
      const user = await env.db.selectFrom("user").select(["id", "emailVerified"]).where("email", "=", email).executeTakeFirstOrThrow();
      expect(user.emailVerified).toBe(true);

      const result = await signIn(env.ctx, { email: "LAN.NGUYEN@example.vn", password: PASSWORD }, ip);
      expect(result.kind).toBe("signedIn");
      expect(result.setCookies.some((c) => c.includes("session_token"))).toBe(true);
      const sessions = await env.db.selectFrom("session").select("userId").where("userId", "=", user.id).execute();
      expect(sessions).toHaveLength(1);
      const attempts = await env.db
        .selectFrom("login_attempts")
        .select(["succeeded", "ip", "at"])
        .where("email", "=", email)
        .where("succeeded", "=", true)
        .execute();
      expect(attempts).toEqual([{ succeeded: true, ip, at: env.clock.now() }]);
    });

    it("the session cookie identifies the applicant as an Actor; preferences change with an audit entry; sign-out ends it", async () => {
      const { setCookies } = await signIn(env.ctx, { email, password: PASSWORD }, ip);
      const headers = cookieHeader(setCookies);
      const actor = await getActor(env.ctx, headers, ip);
      expect(actor).toMatchObject({ email, name: "Nguyễn Thị Lan", role: "applicant", locale: "vi", timeZone: null, twoFactorEnabled: false, ip });

      await updatePreferences(env.ctx, actor, { locale: "en", timeZone: "Asia/Ho_Chi_Minh" });
      const bad = await validationErrorOf(updatePreferences(env.ctx, actor, { locale: "fr", timeZone: "Mars/Base" }));
      expect(bad.fieldErrors).toEqual({ locale: [{ key: "errors.invalid" }], timeZone: [{ key: "errors.timeZone" }] });
      await expect(updatePreferences(env.ctx, null, { locale: "en", timeZone: "" })).rejects.toBeInstanceOf(UnauthenticatedError);
      const prefs = await env.db.selectFrom("user").select(["locale", "timeZone"]).where("email", "=", email).executeTakeFirstOrThrow();
      expect(prefs).toEqual({ locale: "en", timeZone: "Asia/Ho_Chi_Minh" });
      const audit = await env.db
        .selectFrom("audit_log")
        .select(["before", "after"])
        .where("action", "=", "user.preferences")
        .where("entity_id", "=", actor!.userId)
        .execute();
      expect(audit).toEqual([{ before: { locale: "vi", timeZone: null }, after: { locale: "en", timeZone: "Asia/Ho_Chi_Minh" } }]);
      await updatePreferences(env.ctx, actor, { locale: "vi", timeZone: "" });

      await signOut(env.ctx, headers);
      expect(await getActor(env.ctx, headers, ip)).toBeNull();
      expect(await getActor(env.ctx, new Headers(), ip)).toBeNull();
    });

    it("resets a forgotten password by the mailed link, in the user's language, and signs out every session", async () => {
      const { setCookies } = await signIn(env.ctx, { email, password: PASSWORD }, ip);
      const headers = cookieHeader(setCookies);
      expect(await getActor(env.ctx, headers, ip)).not.toBeNull();

      await requestPasswordReset(env.ctx, { email: "Lan.Nguyen@example.vn" }, "vi");
      await requestPasswordReset(env.ctx, { email: "nobody-here@example.vn" }, "vi");
      expect(await mailsTo(env, "nobody-here@example.vn")).toEqual([]);
      const mail = (await mailsTo(env, email)).filter((m) => m.template === "resetPassword");
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ locale: "vi" });
      const link = new URL(linkIn(sentText(env, mail[0]!)));
      expect(link.origin).toBe(PUBLIC_URL);
      const token = /\/api\/auth\/reset-password\/([^/?]+)/.exec(link.pathname)?.[1];
      expect(token).toBeTruthy();

      const mismatch = await validationErrorOf(resetPassword(env.ctx, { token, password: "brand-new-password", passwordConfirm: "other" }));
      expect(mismatch.fieldErrors).toEqual({ passwordConfirm: [{ key: "errors.passwordMismatch" }] });
      const wrongToken = await validationErrorOf(
        resetPassword(env.ctx, { token: "forged", password: "brand-new-password", passwordConfirm: "brand-new-password" }),
      );
      expect(wrongToken.formErrors).toEqual([{ key: "errors.resetLinkInvalid" }]);

      await resetPassword(env.ctx, { token, password: "brand-new-password", passwordConfirm: "brand-new-password" });
      expect(await getActor(env.ctx, headers, ip)).toBeNull();
      const reused = await validationErrorOf(resetPassword(env.ctx, { token, password: "third-password-1", passwordConfirm: "third-password-1" }));
      expect(reused.formErrors).toEqual([{ key: "errors.resetLinkInvalid" }]);

      const old = await validationErrorOf(signIn(env.ctx, { email, password: PASSWORD }, ip));
      expect(old.formErrors).toEqual([{ key: "errors.invalidCredentials" }]);
      await expect(signIn(env.ctx, { email, password: "brand-new-password" }, ip)).resolves.toMatchObject({ kind: "signedIn" });
    });

    it("signing up again with the same address neither throws nor creates a user nor sends a mail", async () => {
      const mailsBefore = (await mailsTo(env, email)).length;
      await expect(
        signUpApplicant(
          env.ctx,
          { name: "Someone Else", email: "LAN.NGUYEN@EXAMPLE.VN", password: "another-password", passwordConfirm: "another-password" },
          "en",
        ),
      ).resolves.toBeUndefined();
      const users = await env.db
        .selectFrom("user")
        .select(["name", "locale"])
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", email))
        .execute();
      expect(users).toEqual([{ name: "Nguyễn Thị Lan", locale: "vi" }]);
      expect(await mailsTo(env, email)).toHaveLength(mailsBefore);
    });
  });

  describe("sign-in rate limit", () => {
    const email = "limited@example.id";
    beforeAll(async () => {
      await signUpApplicant(env.ctx, { name: "Budi", email, password: PASSWORD, passwordConfirm: PASSWORD }, "id");
      await env.db.updateTable("user").set({ emailVerified: true }).where("email", "=", email).execute();
    });

    it(`after ${FREE_FAILURES} failures from one client, that client is slowed down (even the right password waits); another client is not`, async () => {
      const ip = "203.0.113.1";
      const start = env.clock.now().getTime();
      for (let i = 0; i < FREE_FAILURES; i++) {
        env.clock.set(new Date(start + i * 60_000));
        const err = await validationErrorOf(signIn(env.ctx, { email, password: `wrong-password-${i}` }, ip));
        expect(err.formErrors).toEqual([{ key: "errors.invalidCredentials" }]);
      }
      // the 5th failure was at start+4min: the next try from this client waits 30 s
      env.clock.set(new Date(start + 4 * 60_000 + 1_000));
      const blocked = await validationErrorOf(signIn(env.ctx, { email, password: PASSWORD }, ip));
      expect(blocked.formErrors).toEqual([{ key: "errors.tooManyAttempts", params: { minutes: 1 } }]);
      await expect(signIn(env.ctx, { email: "Limited@Example.ID", password: PASSWORD }, "203.0.113.200")).resolves.toMatchObject({ kind: "signedIn" });
      env.clock.set(new Date(start + 4 * 60_000 + FIRST_DELAY_MS));
      await expect(signIn(env.ctx, { email, password: PASSWORD }, ip)).resolves.toMatchObject({ kind: "signedIn" });
    });

    it("refused tries are not recorded as more failures", async () => {
      const failures = await env.db.selectFrom("login_attempts").select("id").where("email", "=", email).where("succeeded", "=", false).execute();
      expect(failures).toHaveLength(FREE_FAILURES);
    });
  });

  describe("sign-up is one transaction (issue #20 item 4)", () => {
    const input = (email: string) => ({ name: "Somchai", email, password: PASSWORD, passwordConfirm: PASSWORD });

    async function leftBehind(email: string) {
      const users = await env.db.selectFrom("user").select("id").where("email", "=", email).execute();
      const accounts = await env.db
        .selectFrom("account")
        .innerJoin("user", "user.id", "account.userId")
        .select("account.id")
        .where("user.email", "=", email)
        .execute();
      const audits = await env.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "user.sign_up")
        .where(sql<string>`after->>'email'`, "=", email)
        .execute();
      return { users: users.length, accounts: accounts.length, mails: (await mailsTo(env, email)).length, audits: audits.length };
    }

    it("a failure after the user and its account were written (queuing the e-mail) leaves nothing, and signing up again works", async () => {
      const email = "crash.at.mail@example.th";
      const failingMailer = {
        ...env.ctx.mailer,
        queue: async () => {
          throw new Error("simulated crash while queuing the verification e-mail");
        },
      };
      await expect(signUpApplicant({ ...env.ctx, mailer: failingMailer }, input(email), "th")).rejects.toThrow(/simulated crash/);
      expect(await leftBehind(email)).toEqual({ users: 0, accounts: 0, mails: 0, audits: 0 });

      await signUpApplicant(env.ctx, input(email), "th");
      expect(await leftBehind(email)).toEqual({ users: 1, accounts: 1, mails: 1, audits: 1 });
    });

    it("a failing last write (the audit entry, refused by the database) rolls back the user, account and e-mail", async () => {
      const email = "crash.at.audit@example.th";
      // A real failing write in the database, not a stand-in: a trigger refuses this sign-up's audit entry.
      await sql
        .raw(
          `create function refuse_crash_audit() returns trigger language plpgsql as $$
           begin
             if new.after->>'email' = '${email}' then raise exception 'simulated crash before the audit entry'; end if;
             return new;
           end $$`,
        )
        .execute(env.db);
      await sql.raw("create trigger refuse_crash_audit before insert on audit_log for each row execute function refuse_crash_audit()").execute(env.db);
      try {
        await expect(signUpApplicant(env.ctx, input(email), "th")).rejects.toThrow(/simulated crash/);
        expect(await leftBehind(email)).toEqual({ users: 0, accounts: 0, mails: 0, audits: 0 });
      } finally {
        await sql.raw("drop trigger refuse_crash_audit on audit_log").execute(env.db);
        await sql.raw("drop function refuse_crash_audit()").execute(env.db);
      }
      // The address is free: the person signs up again, verifies and signs in.
      await signUpApplicant(env.ctx, input(email), "th");
      expect(await leftBehind(email)).toEqual({ users: 1, accounts: 1, mails: 1, audits: 1 });
      await deliverQueuedEmails(env);
      const [mail] = await mailsTo(env, email);
      const res = await env.ctx.auth.handler(new Request(linkIn(sentText(env, mail!)), { redirect: "manual" }));
      expect(res.status).toBeLessThan(400);
      const user = await env.db.selectFrom("user").select("emailVerified").where("email", "=", email).executeTakeFirstOrThrow();
      expect(user.emailVerified).toBe(true);
      await expect(signIn(env.ctx, { email, password: PASSWORD }, "198.51.100.31")).resolves.toMatchObject({ kind: "signedIn" });
    });
  });

  describe("sign-up validation", () => {
    it("reports each field by name and creates nothing", async () => {
      const err = await validationErrorOf(signUpApplicant(env.ctx, { name: " ", email: "not-an-address", password: "short", passwordConfirm: "other" }, "en"));
      expect(err.fieldErrors).toEqual({
        name: [{ key: "errors.required" }],
        email: [{ key: "errors.email" }],
        password: [{ key: "errors.passwordTooShort", params: { min: 10 } }],
        passwordConfirm: [{ key: "errors.passwordMismatch" }],
      });
      const mismatch = await validationErrorOf(
        signUpApplicant(env.ctx, { name: "A", email: "a@example.com", password: PASSWORD, passwordConfirm: `${PASSWORD}!` }, "en"),
      );
      expect(mismatch.fieldErrors).toEqual({ passwordConfirm: [{ key: "errors.passwordMismatch" }] });
      expect(await env.db.selectFrom("user").select("id").where("email", "=", "a@example.com").execute()).toEqual([]);
    });

    it("sign-in with a malformed address is a field error, not a lookup", async () => {
      const err = await validationErrorOf(signIn(env.ctx, { email: "nobody", password: "x" }, "198.51.100.77"));
      expect(err.fieldErrors).toEqual({ email: [{ key: "errors.email" }] });
      const unknown = await validationErrorOf(signIn(env.ctx, { email: "nobody@example.com", password: "whatever-1234" }, "198.51.100.77"));
      expect(unknown.formErrors).toEqual([{ key: "errors.invalidCredentials" }]);
    });
  });

  it("keeps the .eml files inside the temporary outbox folder", () => {
    expect(existsSync(env.outboxDir)).toBe(true);
  });
});
