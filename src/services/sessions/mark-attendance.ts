import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PendingMail, sessionMail } from "./session-mail.ts";

export async function markAttendance(
  ctx: ServiceContext,
  actor: Actor | null,
  sessionId: string,
  attendedIds: string[],
): Promise<{ attended: number; followUps: number }> {
  const who = authorize(actor, "round.manage");
  const pending: PendingMail[] = [];
  const attending = new Set(attendedIds);
  const attended = await ctx.db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom("information_sessions").selectAll().where("id", "=", sessionId).forUpdate().executeTakeFirst();
    if (!session) throw new NotFoundError("information_session");
    const regs = await trx
      .selectFrom("session_registrations")
      .select(["id", "name", "email", "locale", "attended", "status"])
      .where("session_id", "=", sessionId)
      .execute();
    let count = 0;
    for (const r of regs) {
      const now = attending.has(r.id) && r.status !== "cancelled";
      if (now) count++;
      if ((r.attended === true) === now) continue;
      await trx.updateTable("session_registrations").set({ attended: now }).where("id", "=", r.id).execute();
      if (now && r.attended === null) {
        pending.push(
          sessionMail(ctx, session, r, "sessionFollowUp", { cancelUrl: null, applyUrl: `${ctx.publicUrl}/${r.locale}/apply?session=${session.id}` }),
        );
      }
    }
    await writeAudit(trx, who, {
      action: "session.attendance",
      entityType: "information_session",
      entityId: sessionId,
      after: { attended: [...attending].sort() },
    });
    await ctx.mailer.queueAll(pending, trx);
    return count;
  });
  return { attended, followUps: pending.length };
}
