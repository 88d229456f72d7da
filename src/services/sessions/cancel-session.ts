import { TOLD_OF_CANCELLATION } from "../../domain/information-sessions.ts";
import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PendingMail, sessionMail } from "./session-mail.ts";

/** Cancels a session: it leaves the calendar and everyone registered or waiting is told. */
export async function cancelSession(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const who = authorize(actor, "round.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom("information_sessions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!session) throw new NotFoundError("information_session");
    if (session.cancelled_at) return;
    const now = ctx.clock();
    await trx.updateTable("information_sessions").set({ cancelled_at: now }).where("id", "=", id).execute();
    await writeAudit(trx, who, { action: "session.cancel", entityType: "information_session", entityId: id, after: { cancelled_at: now } });
    const people = await trx
      .selectFrom("session_registrations")
      .select(["id", "name", "email", "locale"])
      .where("session_id", "=", id)
      .where("status", "in", [...TOLD_OF_CANCELLATION])
      .execute();
    const mails: PendingMail[] = people.map((p) => sessionMail(ctx, { ...session, cancelled_at: now }, p, "sessionCancelled", { cancelUrl: null }));
    await ctx.mailer.queueAll(mails, trx);
  });
}
