/**
 * Several users per organization: the admin invites colleagues by e-mail
 * (7-day single-use link, stored hashed), changes their role and removes
 * them; an organization always keeps at least one admin. Every change is audited.
 */
import { randomBytes } from "node:crypto";
import { parseInput } from "../validation.ts";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { password, passwordNotAboutThem, personName } from "../auth/auth-schemas.ts";
import { EmailTakenError, hashPassword, insertVerifiedUser } from "../auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { INVITATION_TTL_MS, hashToken } from "../staff/invite-staff.ts";
import { inviteMemberSchema } from "./host-schemas.ts";
import { findMembership, requireMembership } from "./membership.ts";
import { UNIFORM_FLOOR_MS, inUniformTime } from "../auth/uniform-time.ts";

export async function inviteMember(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(inviteMemberSchema, raw);
  return inUniformTime(UNIFORM_FLOOR_MS.hostInvitation, () => invite(ctx, m, input));
}

async function invite(
  ctx: ServiceContext,
  m: Awaited<ReturnType<typeof requireMembership>>,
  input: ReturnType<typeof inviteMemberSchema.parse>,
): Promise<{ id: string }> {
  const user = await ctx.db
    .selectFrom("user")
    .select(["id", "role"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email))
    .executeTakeFirst();
  // Whether the address has an account, of which kind, or belongs to another organization is not told
  // (issue 11 item 5): the invitation is made and sent alike, and a link the address cannot use says so when
  // opened. Only a member of this organization — listed on the admin's own page — is pointed out.
  // The same lookups whether or not the address has an account.
  const membership = await findMembership(ctx.db, user?.id ?? "");
  if (membership && membership.organizationId === m.organizationId) throw new ValidationError({ email: [{ key: "hostOrg.errors.alreadyMember" }] });
  const org = await ctx.db.selectFrom("host_organizations").select("name_ja").where("id", "=", m.organizationId).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString("base64url");
  const id = crypto.randomUUID();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("host_invitations")
      .values({
        id,
        organization_id: m.organizationId,
        email: input.email,
        org_role: input.orgRole,
        token_hash: hashToken(token),
        invited_by: m.actor.userId,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .execute();
    await writeAudit(trx, m.actor, {
      action: "host_member.invite",
      entityType: "host_invitation",
      entityId: id,
      after: { organizationId: m.organizationId, email: input.email, orgRole: input.orgRole },
    });
    await ctx.mailer.queue(
      {
        to: input.email,
        template: "hostInvitation",
        locale: input.locale,
        params: { inviter: m.actor.name, organization: org.name_ja, url: `${ctx.publicUrl}/${input.locale}/host/invitation/${token}` },
      },
      trx,
    );
  });
  return { id };
}

export interface OpenHostInvitation {
  email: string;
  orgRole: "admin" | "member";
  organizationName: string;
  /** The address already has a (host) account: the invitee signs in and joins. */
  hasAccount: boolean;
}

async function openInvitation(ctx: ServiceContext, token: string) {
  const inv = await ctx.db
    .selectFrom("host_invitations")
    .innerJoin("host_organizations", "host_organizations.id", "host_invitations.organization_id")
    .select([
      "host_invitations.id",
      "host_invitations.email",
      "host_invitations.org_role",
      "host_invitations.organization_id",
      "host_invitations.expires_at",
      "host_invitations.accepted_at",
      "host_organizations.name_ja",
    ])
    .where("host_invitations.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!inv || inv.accepted_at || inv.expires_at.getTime() < ctx.clock().getTime()) throw new NotFoundError("host_invitation");
  const user = await ctx.db
    .selectFrom("user")
    .select(["id", "role"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", inv.email.toLowerCase()))
    .executeTakeFirst();
  if (user && (user.role !== "host" || (await findMembership(ctx.db, user.id)))) throw new NotFoundError("host_invitation");
  return { inv, user };
}

export async function findOpenHostInvitation(ctx: ServiceContext, token: string): Promise<OpenHostInvitation> {
  const { inv, user } = await openInvitation(ctx, token);
  return { email: inv.email, orgRole: inv.org_role as "admin" | "member", organizationName: inv.name_ja, hasAccount: Boolean(user) };
}

const acceptNewSchema = z
  .object({ name: personName, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" })
  .superRefine(passwordNotAboutThem);

/**
 * Accepting: an address without an account creates it here (following the
 * link proves the address); an address with a host account must be signed
 * in as that account.
 */
export async function acceptHostInvitation(
  ctx: ServiceContext,
  actor: Actor | null,
  token: string,
  raw: unknown,
  locale: string,
): Promise<{ createdAccount: boolean }> {
  const { inv, user } = await openInvitation(ctx, token);
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (user) {
    if (!actor || actor.userId !== user.id) throw new ValidationError({}, [{ key: "hostOrg.errors.signInAsInvitee", params: { email: inv.email } }]);
  } else {
    const input = parseInput(acceptNewSchema, raw);
    newAccount = { name: input.name, passwordHash: await hashPassword(ctx, input.password) };
  }
  // A new account, the membership and the accepted invitation commit together.
  await ctx.db.transaction().execute(async (trx) => {
    const userId = newAccount
      ? (
          await insertVerifiedUser(trx, ctx.clock(), {
            email: inv.email,
            name: newAccount.name,
            passwordHash: newAccount.passwordHash,
            role: "host",
            locale,
          }).catch((err: unknown) => {
            // Someone accepted first (a double submit, the link in two tabs): for this request the link is spent.
            throw err instanceof EmailTakenError ? new NotFoundError("host_invitation") : err;
          })
        ).id
      : user!.id;
    const updated = await trx
      .updateTable("host_invitations")
      .set({ accepted_at: ctx.clock() })
      .where("id", "=", inv.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotFoundError("host_invitation");
    await trx
      .insertInto("host_memberships")
      .values({ organization_id: inv.organization_id, user_id: userId, org_role: inv.org_role, created_at: ctx.clock() })
      .execute();
    await writeAudit(trx, actor, {
      action: "host_member.accept_invitation",
      entityType: "host_organization",
      entityId: inv.organization_id,
      after: { userId, email: inv.email, orgRole: inv.org_role },
    });
  });
  return { createdAccount: !user };
}

const memberChangeSchema = z.object({ userId: z.string().min(1), orgRole: z.enum(["admin", "member"], { error: "errors.required" }) });

async function adminCount(db: Kysely<Database>, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom("host_memberships")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("organization_id", "=", organizationId)
    .where("org_role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function changeMemberRole(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(memberChangeSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("host_memberships")
      .select("org_role")
      .where("organization_id", "=", m.organizationId)
      .where("user_id", "=", input.userId)
      .executeTakeFirst();
    if (!target) throw new NotFoundError("host_membership");
    if (target.org_role === input.orgRole) return;
    if (target.org_role === "admin" && (await adminCount(trx, m.organizationId)) <= 1) throw new ValidationError({}, [{ key: "hostOrg.errors.lastAdmin" }]);
    await trx
      .updateTable("host_memberships")
      .set({ org_role: input.orgRole })
      .where("organization_id", "=", m.organizationId)
      .where("user_id", "=", input.userId)
      .execute();
    await writeAudit(trx, m.actor, {
      action: "host_member.change_role",
      entityType: "host_organization",
      entityId: m.organizationId,
      before: { userId: input.userId, orgRole: target.org_role },
      after: { userId: input.userId, orgRole: input.orgRole },
    });
  });
}

export async function removeMember(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(z.object({ userId: z.string().min(1) }), raw);
  await ctx.db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("host_memberships")
      .select("org_role")
      .where("organization_id", "=", m.organizationId)
      .where("user_id", "=", input.userId)
      .executeTakeFirst();
    if (!target) throw new NotFoundError("host_membership");
    if (target.org_role === "admin" && (await adminCount(trx, m.organizationId)) <= 1) throw new ValidationError({}, [{ key: "hostOrg.errors.lastAdmin" }]);
    await trx.deleteFrom("host_memberships").where("organization_id", "=", m.organizationId).where("user_id", "=", input.userId).execute();
    await writeAudit(trx, m.actor, {
      action: "host_member.remove",
      entityType: "host_organization",
      entityId: m.organizationId,
      before: { userId: input.userId, orgRole: target.org_role },
    });
  });
}
