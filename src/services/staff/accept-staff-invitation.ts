import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { password, passwordNotAboutThem, personName } from "../auth/auth-schemas.ts";
import { hashPassword, insertVerifiedUser } from "../auth/create-verified-user.ts";
import { requireClaimed, spentIfTaken } from "../invitations.ts";
import { hashToken } from "../tokens.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { findOpenStaffInvitation } from "./find-open-staff-invitation.ts";

const acceptSchema = z
  .object({ name: personName, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" })
  .superRefine(passwordNotAboutThem);

/** Following the link proves the address: the account is created verified, with the invited role. */
export async function acceptStaffInvitation(ctx: ServiceContext, token: string, raw: unknown, locale: string): Promise<void> {
  const input = parseInput(acceptSchema, raw);
  const inv = await findOpenStaffInvitation(ctx, token);
  const passwordHash = await hashPassword(ctx, input.password);
  // The account and the accepted invitation commit together: a crash leaves either both or neither.
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertVerifiedUser(trx, ctx.clock(), { email: inv.email, name: input.name, passwordHash, role: inv.role, locale }).catch(
      spentIfTaken("staff_invitation"),
    );
    const updated = await trx
      .updateTable("staff_invitations")
      .set({ accepted_at: ctx.clock(), accepted_user_id: id })
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    requireClaimed(updated.numUpdatedRows, "staff_invitation");
    await writeAudit(trx, null, { action: "staff.accept_invitation", entityType: "user", entityId: id, after: { email: inv.email, role: inv.role } });
  });
}
