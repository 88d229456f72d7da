/**
 * Security controls of issue 11 (items 1–5), each proved on PGlite and
 * PostgreSQL; docs/security.md maps each control to its test here.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRound } from "#src/services/rounds/create-round.ts";
import { requestPasswordReset } from "#src/services/auth/password-reset.ts";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { inviteMember } from "#src/services/hosts/members.ts";
import { listOutbox } from "#src/services/mail/list-outbox.ts";
import { createTransport } from "#src/services/mail/transport.ts";
import { deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import { createSession } from "#src/services/sessions/manage-session.ts";
import { registerForSession } from "#src/services/sessions/registrations.ts";
import { inviteStaff } from "#src/services/staff/invite-staff.ts";
import { corporateNumberCheckDigit } from "#src/domain/corporate-number.ts";
import type { Actor } from "#src/services/context.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { quietly } from "./support/expect-errors.ts";
import { emlText, sentText } from "./support/mail.ts";
import { type TestSmtpServer, startSmtpServer } from "./support/smtp-server.ts";

const STRONG = "violet-harbour-lantern-42";
const unique = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@security.test.jip.example`;

/** Every link in a text that carries a secret: reset, verification, invitation, cancel. */
const SECRET_LINK =
  /\/api\/auth\/reset-password\/|verify-email\?token=|\/staff-invitation\/[A-Za-z0-9_-]{8}|\/host\/invitation\/[A-Za-z0-9_-]{8}|\/sessions\/cancel\/[A-Za-z0-9_-]{8}/;

function corporateNumber(): string {
  const base = `${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 1e4)).padStart(4, "0")}`;
  return `${corporateNumberCheckDigit(base)}${base}`;
}

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
      await registerOrganization(env.ctx, admin, {
        corporateNumber: corporateNumber(),
        legalForm: "株式会社",
        kind: "sme",
        nameJa: "秘密工業株式会社",
        nameEn: "Himitsu Kogyo",
        postalCode: "060-0001",
        prefectureCode: "01",
        addressJa: "札幌市中央区北1条西1丁目",
        jsicDivision: "E",
        employees: "12",
        capitalYen: "10,000,000",
        overseasStatus: "ongoing",
        overseasCountries: "vn",
        workLanguages: ["ja"],
        website: "https://example.jp",
      });
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
});
