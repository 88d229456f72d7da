import { parseInput } from "../validation.ts";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { password, passwordNotAboutThem, personName } from "../auth/auth-schemas.ts";
import { hashPassword, insertVerifiedUser } from "../auth/create-verified-user.ts";
import { requireClaimed, spentIfTaken } from "../invitations.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { openInvitation } from "./host-invitation.ts";

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
    if (!actor || actor.userId !== user.id) throw new RefusedError("hostOrg.refusals", [{ code: "sign_in_as_invitee", email: inv.email }]);
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
          }).catch(spentIfTaken("host_invitation"))
        ).id
      : user!.id;
    const updated = await trx
      .updateTable("host_invitations")
      .set({ accepted_at: ctx.clock() })
      .where("id", "=", inv.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    requireClaimed(updated.numUpdatedRows, "host_invitation");
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
