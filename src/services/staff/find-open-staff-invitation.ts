import type { StaffRole } from "../../domain/roles.ts";
import { userWithEmail } from "../email-address.ts";
import { invitationOpen } from "../invitations.ts";
import { hashToken } from "../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";

/** The invitation behind a link, if it is still open and its address has no account yet. */
export async function findOpenStaffInvitation(ctx: ServiceContext, token: string): Promise<{ email: string; role: StaffRole }> {
  const inv = await ctx.db
    .selectFrom("staff_invitations")
    .select(["email", "role", "expires_at", "accepted_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!inv || !invitationOpen(inv, ctx.clock())) throw new NotFoundError("staff_invitation");
  // Another invitation for the same address was accepted (or the address signed up since): this one is spent.
  const taken = await userWithEmail(ctx.db, inv.email).select("id").executeTakeFirst();
  if (taken) throw new NotFoundError("staff_invitation");
  return { email: inv.email, role: inv.role as StaffRole };
}
