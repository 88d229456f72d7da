import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { hashToken } from "../tokens.ts";
import { promoteWaitlisted } from "./waiting-list.ts";

/** Cancels by the link's token; a freed place goes to the first person waiting (told by e-mail). */
export async function cancelRegistration(ctx: ServiceContext, token: string): Promise<{ alreadyCancelled: boolean }> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const reg = await trx.selectFrom("session_registrations").selectAll().where("cancel_token_hash", "=", hashToken(token)).executeTakeFirst();
    if (!reg) throw new NotFoundError("session_registration");
    await trx.selectFrom("information_sessions").select("id").where("id", "=", reg.session_id).forUpdate().execute();
    if (reg.status === "cancelled") return { alreadyCancelled: true };
    await trx.updateTable("session_registrations").set({ status: "cancelled" }).where("id", "=", reg.id).execute();
    await writeAudit(trx, null, {
      action: "session.registration_cancel",
      entityType: "session_registration",
      entityId: reg.id,
      before: { status: reg.status },
    });
    if (reg.status === "registered") await ctx.mailer.queueAll(await promoteWaitlisted(ctx, trx, reg.session_id), trx);
    return { alreadyCancelled: false };
  });
  return result;
}
