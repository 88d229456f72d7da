import { z } from "zod";
import { STAFF_INVITABLE_ROLES } from "../../domain/roles.ts";
import { STAFF_LOCALES } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { email as emailSchema } from "../fields.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { userWithEmail } from "../email-address.ts";
import { newInvitation } from "../invitations.ts";

export const inviteStaffSchema = z.object({
  email: emailSchema,
  role: z.enum(STAFF_INVITABLE_ROLES, { error: "errors.required" }),
  locale: z.enum(STAFF_LOCALES).default("ja"),
});

/** An operator invites an operator, reviewer or ministry viewer by e-mail; the link is valid for 7 days. */
export async function inviteStaff(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "staff.invite");
  const input = parseInput(inviteStaffSchema, raw);
  const existing = await userWithEmail(ctx.db, input.email).select("id").executeTakeFirst();
  if (existing) throw new ValidationError({ email: [{ key: "errors.emailHasAccount" }] });
  const { token, tokenHash, expiresAt } = newInvitation(ctx.clock());
  const id = crypto.randomUUID();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("staff_invitations")
      .values({
        id,
        email: input.email,
        role: input.role,
        token_hash: tokenHash,
        invited_by: who.userId,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await writeAudit(trx, who, { action: "staff.invite", entityType: "staff_invitation", entityId: id, after: { email: input.email, role: input.role } });
    await ctx.mailer.queue(
      {
        to: input.email,
        template: "staffInvitation",
        locale: input.locale,
        params: { inviter: who.name, role: input.role, url: `${ctx.publicUrl}/${input.locale}/staff-invitation/${token}` },
      },
      trx,
    );
  });
  return { id };
}
