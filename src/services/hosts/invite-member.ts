/** An organization's admin invites a colleague by e-mail (a 7-day single-use link, stored hashed). Audited. */
import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { userWithEmail } from "../email-address.ts";
import { newInvitation } from "../invitations.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
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
  const user = await userWithEmail(ctx.db, input.email).select(["id", "role"]).executeTakeFirst();
  // Whether the address has an account, of which kind, or belongs to another organization is not told
  // (issue 11 item 5): the invitation is made and sent alike, and a link the address cannot use says so when
  // opened. Only a member of this organization — listed on the admin's own page — is pointed out.
  // The same lookups whether or not the address has an account.
  const membership = await findMembership(ctx.db, user?.id ?? "");
  if (membership && membership.organizationId === m.organizationId) throw new ValidationError({ email: [{ key: "hostOrg.errors.alreadyMember" }] });
  const org = await ctx.db.selectFrom("host_organizations").select("name_ja").where("id", "=", m.organizationId).executeTakeFirstOrThrow();
  const { token, tokenHash, expiresAt } = newInvitation(ctx.clock());
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
        token_hash: tokenHash,
        invited_by: m.actor.userId,
        created_at: now,
        expires_at: expiresAt,
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
