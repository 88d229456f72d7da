import { z } from "zod";
import type { StaffRole } from "../../domain/roles.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { password, passwordNotAboutThem, personName } from "../auth/auth-schemas.ts";
import { EmailTakenError, hashPassword, insertVerifiedUser } from "../auth/create-verified-user.ts";
import type { ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { hashToken } from "./invite-staff.ts";

const acceptSchema = z
  .object({ name: personName, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" })
  .superRefine(passwordNotAboutThem);

/** The invitation behind a link, if it is still open and its address has no account yet. */
export async function findOpenStaffInvitation(ctx: ServiceContext, token: string): Promise<{ email: string; role: StaffRole }> {
  const inv = await ctx.db
    .selectFrom("staff_invitations")
    .select(["email", "role", "expires_at", "accepted_at"])
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!inv || inv.accepted_at || inv.expires_at.getTime() < ctx.clock().getTime()) throw new NotFoundError("staff_invitation");
  // Another invitation for the same address was accepted (or the address signed up since): this one is spent.
  const taken = await ctx.db
    .selectFrom("user")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", inv.email.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new NotFoundError("staff_invitation");
  return { email: inv.email, role: inv.role as StaffRole };
}

/** Someone accepted first (a double submit, or the same link in two tabs): for this request the link is spent. */
function spentIfTaken(err: unknown): never {
  throw err instanceof EmailTakenError ? new NotFoundError("staff_invitation") : err;
}

/** Following the link proves the address: the account is created verified, with the invited role. */
export async function acceptStaffInvitation(ctx: ServiceContext, token: string, raw: unknown, locale: string): Promise<void> {
  const input = parseInput(acceptSchema, raw);
  const inv = await findOpenStaffInvitation(ctx, token);
  const passwordHash = await hashPassword(ctx, input.password);
  // The account and the accepted invitation commit together: a crash leaves either both or neither.
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertVerifiedUser(trx, ctx.clock(), { email: inv.email, name: input.name, passwordHash, role: inv.role, locale }).catch(spentIfTaken);
    const updated = await trx
      .updateTable("staff_invitations")
      .set({ accepted_at: ctx.clock(), accepted_user_id: id })
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotFoundError("staff_invitation");
    await writeAudit(trx, null, { action: "staff.accept_invitation", entityType: "user", entityId: id, after: { email: inv.email, role: inv.role } });
  });
}
