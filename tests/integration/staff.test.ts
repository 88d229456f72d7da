/** Staff invitations: invite by e-mail, accept once, expire after 7 days; on PGlite and PostgreSQL. */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translator } from "#src/i18n/translator.ts";
import { EmailTakenError } from "#src/services/auth/create-verified-user.ts";
import { signIn } from "#src/services/auth/sign-in.ts";
import type { Actor } from "#src/services/context.ts";
import { NotFoundError, ValidationError } from "#src/services/errors.ts";
import { listOutbox } from "#src/services/mail/list-outbox.ts";
import { acceptStaffInvitation } from "#src/services/staff/accept-staff-invitation.ts";
import { findOpenStaffInvitation } from "#src/services/staff/find-open-staff-invitation.ts";
import { createOperator } from "#src/services/staff/create-operator.ts";
import { INVITATION_TTL_MS } from "#src/services/invitations.ts";
import { inviteStaff } from "#src/services/staff/invite-staff.ts";
import { DATABASE_KINDS, PUBLIC_URL, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { sentText } from "./support/mail.ts";

const NEW_PASSWORD = "staff-password-2027";
const accept = { name: "Kenji Watanabe", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };

async function invitationToken(env: TestEnv, email: string, locale = "ja"): Promise<string> {
  const mail = await env.db
    .selectFrom("outbound_emails")
    .selectAll()
    .where("to_address", "=", email)
    .where("template", "=", "staffInvitation")
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
  const prefix = `${PUBLIC_URL}/${locale}/staff-invitation/`;
  const m = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}([A-Za-z0-9_-]+)`).exec(sentText(env, mail));
  if (!m) throw new Error(`no invitation link in ${sentText(env, mail)}`);
  return m[1]!;
}

const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@staff.test.jip.example`;

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator", { name: "Operator Sato" }));
  });
  beforeEach(() => env.clock.reset());

  it("an operator invites a reviewer: one invitation, one audit entry, one e-mail with a link", async () => {
    const email = uniqueEmail("reviewer");
    const { id } = await inviteStaff(env.ctx, operator, { email: email.toUpperCase(), role: "reviewer", locale: "en" });
    const inv = await env.db.selectFrom("staff_invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(inv).toMatchObject({ email, role: "reviewer", invited_by: operator.userId, accepted_at: null, accepted_user_id: null });
    expect(inv.created_at.getTime()).toBe(env.clock.now().getTime());
    expect(inv.expires_at.getTime() - inv.created_at.getTime()).toBe(INVITATION_TTL_MS);
    expect(inv.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const mails = await env.db.selectFrom("outbound_emails").selectAll().where("to_address", "=", email).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "staffInvitation", locale: "en", subject: translator("en")("mail.staffInvitation.subject") });
    expect(mails[0]!.body_text).toContain("Operator Sato invited you");
    expect(mails[0]!.body_text).toContain("as a reviewer");
    const token = await invitationToken(env, email, "en");
    // the database keeps only the hash of the token
    expect(inv.token_hash).not.toContain(token);

    const audit = await env.db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "staff.invite",
      entity_type: "staff_invitation",
      actor_user_id: operator.userId,
      after: { email, role: "reviewer" },
    });
  });

  it("following the link creates a verified user with the invited role, who can sign in; the link then stops working", async () => {
    const email = uniqueEmail("ministry");
    await inviteStaff(env.ctx, operator, { email, role: "ministry" });
    const token = await invitationToken(env, email);
    expect(await findOpenStaffInvitation(env.ctx, token)).toEqual({ email, role: "ministry" });

    env.clock.advance(3600_000);
    await acceptStaffInvitation(env.ctx, token, accept, "ja");
    const user = await env.db.selectFrom("user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "Kenji Watanabe", role: "ministry", emailVerified: true, locale: "ja" });
    const inv = await env.db.selectFrom("staff_invitations").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(inv.accepted_user_id).toBe(user.id);
    expect(inv.accepted_at?.getTime()).toBe(env.clock.now().getTime());
    const audit = await env.db.selectFrom("audit_log").selectAll().where("action", "=", "staff.accept_invitation").where("entity_id", "=", user.id).execute();
    expect(audit).toHaveLength(1);

    await expect(signIn(env.ctx, { email, password: NEW_PASSWORD }, "192.0.2.50")).resolves.toMatchObject({ kind: "signedIn" });

    await expect(findOpenStaffInvitation(env.ctx, token)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptStaffInvitation(env.ctx, token, { ...accept, name: "Intruder" }, "ja")).rejects.toBeInstanceOf(NotFoundError);
    const users = await env.db.selectFrom("user").select(["name", "role"]).where("email", "=", email).execute();
    expect(users).toEqual([{ name: "Kenji Watanabe", role: "ministry" }]);
  });

  it("the link is valid for exactly 7 days", async () => {
    const email = uniqueEmail("late");
    await inviteStaff(env.ctx, operator, { email, role: "operator" });
    const token = await invitationToken(env, email);
    env.clock.advance(INVITATION_TTL_MS);
    await expect(findOpenStaffInvitation(env.ctx, token)).resolves.toEqual({ email, role: "operator" });
    env.clock.advance(1);
    await expect(findOpenStaffInvitation(env.ctx, token)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptStaffInvitation(env.ctx, token, accept, "ja")).rejects.toBeInstanceOf(NotFoundError);
    expect(await env.db.selectFrom("user").select("id").where("email", "=", email).execute()).toEqual([]);
  });

  it("jip create-operator: a verified operator who can sign in, audited; the same address again is refused and changes nothing", async () => {
    const email = uniqueEmail("cli");
    const { id, password } = await createOperator(env.ctx, { email: email.toUpperCase(), name: "Ops" });
    expect(await env.db.selectFrom("user").select(["email", "role", "emailVerified"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      email,
      role: "operator",
      emailVerified: true,
    });
    await expect(signIn(env.ctx, { email, password }, "192.0.2.60")).resolves.toMatchObject({ kind: "signedIn" });
    await expect(createOperator(env.ctx, { email })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await env.db.selectFrom("user").select("id").where("email", "=", email).execute()).toHaveLength(1);
    const audit = await env.db.selectFrom("audit_log").select("entity_id").where("action", "=", "staff.create_operator").where("entity_id", "=", id).execute();
    expect(audit).toHaveLength(1);
  });

  it("the same link accepted twice at once: one account, the other request told the link is spent", async () => {
    const email = uniqueEmail("twice");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer" });
    const token = await invitationToken(env, email);
    const results = await Promise.allSettled([acceptStaffInvitation(env.ctx, token, accept, "ja"), acceptStaffInvitation(env.ctx, token, accept, "ja")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(NotFoundError);
    const users = await env.db.selectFrom("user").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
    const inv = await env.db.selectFrom("staff_invitations").select(["accepted_user_id"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(inv.accepted_user_id).toBe(users[0]!.id);
    expect(await env.db.selectFrom("account").select("id").where("userId", "=", users[0]!.id).execute()).toHaveLength(1);
    // The account works: better-auth accepts the password hashed by the same hasher.
    await expect(signIn(env.ctx, { email, password: NEW_PASSWORD }, "203.0.113.9")).resolves.toMatchObject({ kind: "signedIn" });
  });

  it("the operator's outbox lists sent e-mails newest first, filtered by recipient", async () => {
    const email = uniqueEmail("outbox");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer", locale: "en" });
    env.clock.advance(1000);
    await inviteStaff(env.ctx, operator, { email, role: "ministry", locale: "ja" });
    // created_at is the database's now(): pin it so the order cannot depend on timer resolution
    await env.db
      .updateTable("outbound_emails")
      .set({ created_at: new Date("2030-01-01T00:00:00Z") })
      .where("to_address", "=", email)
      .where("locale", "=", "en")
      .execute();
    await env.db
      .updateTable("outbound_emails")
      .set({ created_at: new Date("2030-01-01T00:00:01Z") })
      .where("to_address", "=", email)
      .where("locale", "=", "ja")
      .execute();
    const page = await listOutbox(env.ctx, operator, { to: email.toUpperCase() }, { page: 1, size: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((m) => [m.to, m.template, m.locale])).toEqual([
      [email, "staffInvitation", "ja"],
      [email, "staffInvitation", "en"],
    ]);
    expect(page.items[0]!.subject).toBe(translator("ja")("mail.staffInvitation.subject"));
    expect(page.items[0]!.createdAt).toBeInstanceOf(Date);
    const all = await listOutbox(env.ctx, operator, {}, { page: 1, size: 1 });
    expect(all.items).toHaveLength(1);
    expect(all.total).toBeGreaterThanOrEqual(2);
  });

  it("an unknown token is NotFound", async () => {
    await expect(findOpenStaffInvitation(env.ctx, "no-such-token")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findOpenStaffInvitation(env.ctx, "")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("checks the acceptance form before anything else", async () => {
    const email = uniqueEmail("form");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer" });
    const token = await invitationToken(env, email);
    const err = await acceptStaffInvitation(env.ctx, token, { name: "", password: "short", passwordConfirm: "different" }, "ja").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fieldErrors).sort()).toEqual(["name", "password", "passwordConfirm"]);
    await expect(findOpenStaffInvitation(env.ctx, token)).resolves.toMatchObject({ email });
  });

  it("refuses to invite an address that already has an account, or a role that is not staff", async () => {
    const err = await inviteStaff(env.ctx, operator, { email: operator.email.toUpperCase(), role: "reviewer" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ email: [{ key: "errors.emailHasAccount" }] });
    for (const role of ["applicant", "host", "admin", ""]) {
      const bad = await inviteStaff(env.ctx, operator, { email: uniqueEmail("role"), role }).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(ValidationError);
      expect(Object.keys((bad as ValidationError).fieldErrors)).toEqual(["role"]);
    }
    const applicantLocale = await inviteStaff(env.ctx, operator, { email: uniqueEmail("vi"), role: "reviewer", locale: "vi" }).catch((e: unknown) => e);
    expect(applicantLocale).toBeInstanceOf(ValidationError);
  });

  it("two open invitations for one address: once one is accepted the other is refused cleanly", async () => {
    const email = uniqueEmail("twice");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer" });
    const first = await invitationToken(env, email);
    // make the first mail clearly older, so invitationToken() picks the second one next
    await env.db
      .updateTable("outbound_emails")
      .set({ created_at: new Date("2000-01-01T00:00:00Z") })
      .where("to_address", "=", email)
      .execute();
    env.clock.advance(1000);
    await inviteStaff(env.ctx, operator, { email, role: "operator" });
    const second = await invitationToken(env, email);
    expect(second).not.toBe(first);
    await acceptStaffInvitation(env.ctx, second, accept, "ja");
    await expect(acceptStaffInvitation(env.ctx, first, accept, "ja")).rejects.toBeInstanceOf(NotFoundError);
    await expect(findOpenStaffInvitation(env.ctx, first)).rejects.toBeInstanceOf(NotFoundError);
    const users = await env.db.selectFrom("user").select("role").where("email", "=", email).execute();
    expect(users).toEqual([{ role: "operator" }]);
  });

  it("an invitation whose address has since got an account is no longer open", async () => {
    const email = uniqueEmail("taken");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer" });
    const token = await invitationToken(env, email);
    await createUser(env, "applicant", { email: email.toUpperCase() });
    await expect(findOpenStaffInvitation(env.ctx, token)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptStaffInvitation(env.ctx, token, accept, "ja")).rejects.toBeInstanceOf(NotFoundError);
    const users = await env.db.selectFrom("user").select("role").where("email", "=", email).execute();
    expect(users).toEqual([{ role: "applicant" }]);
  });

  it("two simultaneous acceptances of one link create one user", async () => {
    const email = uniqueEmail("race");
    await inviteStaff(env.ctx, operator, { email, role: "reviewer" });
    const token = await invitationToken(env, email);
    const results = await Promise.allSettled([acceptStaffInvitation(env.ctx, token, accept, "ja"), acceptStaffInvitation(env.ctx, token, accept, "ja")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await env.db.selectFrom("user").select("role").where("email", "=", email).execute()).toEqual([{ role: "reviewer" }]);
    const inv = await env.db.selectFrom("staff_invitations").select(["accepted_user_id"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(inv.accepted_user_id).not.toBeNull();
  });
});
