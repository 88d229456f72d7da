import { z } from "zod";
import { STAFF_LOCALES } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";
import { RefusedError } from "../errors.ts";
import { email as emailSchema } from "../fields.ts";
import { newInvitation } from "../invitations.ts";
import { parseInput } from "../validation.ts";
import { loadRound } from "./screening-record.ts";

const schema = z.object({ email: emailSchema, locale: z.enum(STAFF_LOCALES).default("ja") });

/**
 * An operator invites a reviewer to screen a round. A reviewer account with
 * that address joins the round at once; an address without an account gets
 * the staff invitation (role reviewer, the same link and 7 days as any staff
 * invitation: src/services/invitations.ts) and is a reviewer of the round as
 * soon as they accept it. Creating an invitation is sensitive (staff.invite:
 * password entered recently). An address of a non-reviewer account is refused.
 */
export async function inviteReviewerToRound(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  raw: unknown,
): Promise<{ invited: "existing" | "invitation" }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  const address = input.email.toLowerCase();
  await loadRound(ctx.db, roundId);
  const account = await userWithEmail(ctx.db, address).select(["id", "role"]).executeTakeFirst();
  if (account && account.role !== "reviewer") throw new RefusedError("screening.refusals", [{ code: "notReviewer" }]);
  if (!account) authorize(actor, "staff.invite");
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const already = await trx.selectFrom("round_reviewers").select("email").where("round_id", "=", roundId).where("email", "=", address).executeTakeFirst();
    if (already) throw new RefusedError("screening.refusals", [{ code: "alreadyInvited" }]);
    let invitationId: string | null = null;
    if (!account) {
      const { token, tokenHash, expiresAt } = newInvitation(now);
      invitationId = crypto.randomUUID();
      await trx
        .insertInto("staff_invitations")
        .values({ id: invitationId, email: address, role: "reviewer", token_hash: tokenHash, invited_by: who.userId, created_at: now, expires_at: expiresAt })
        .execute();
      await ctx.mailer.queue(
        {
          to: address,
          template: "staffInvitation",
          locale: input.locale,
          params: { inviter: who.name, role: "reviewer", url: `${ctx.publicUrl}/${input.locale}/staff-invitation/${token}` },
        },
        trx,
      );
    }
    await trx
      .insertInto("round_reviewers")
      .values({ round_id: roundId, email: address, invitation_id: invitationId, invited_by: who.userId, invited_at: now })
      .execute();
    await writeAudit(trx, who, {
      action: "screening.invite_reviewer",
      entityType: "round",
      entityId: roundId,
      after: { email: address, invitation: invitationId },
    });
    return { invited: account ? "existing" : "invitation" };
  });
}
