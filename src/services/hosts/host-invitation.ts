/** The open host invitation behind a link (invitations.ts: the mechanism shared with staff invitations). Internal to the invitation use cases. */
import { userWithEmail } from "../email-address.ts";
import { invitationOpen } from "../invitations.ts";
import { hashToken } from "../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { findMembership } from "./membership.ts";

export async function openInvitation(ctx: ServiceContext, token: string) {
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
  if (!inv || !invitationOpen(inv, ctx.clock())) throw new NotFoundError("host_invitation");
  const user = await userWithEmail(ctx.db, inv.email).select(["id", "role"]).executeTakeFirst();
  if (user && (user.role !== "host" || (await findMembership(ctx.db, user.id)))) throw new NotFoundError("host_invitation");
  return { inv, user };
}
