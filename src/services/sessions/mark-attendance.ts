/**
 * The operator marks who attended (the checked boxes; unchecked means absent).
 * Each person newly marked as attending gets a follow-up e-mail whose apply
 * link carries the session, so the application can be attributed to it.
 */
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

/** The e-mail addresses found anywhere in a CSV export (any column, any header), lower-cased. */
export function emailsInCsv(csv: string): string[] {
  const found = new Set<string>();
  for (const m of csv.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)) found.add(m[0].toLowerCase());
  return [...found];
}

/**
 * Attendance from a CSV (e.g. a video-meeting attendance export): everyone
 * registered whose e-mail appears is marked as attending, in addition to those
 * already marked. Returns the addresses that match no registration.
 */
export async function markAttendanceFromCsv(
  ctx: ServiceContext,
  actor: Actor | null,
  sessionId: string,
  csv: string,
): Promise<{ attended: number; followUps: number; matched: number; unknown: string[] }> {
  authorize(actor, "round.manage");
  const emails = emailsInCsv(csv);
  const regs = await ctx.db.selectFrom("session_registrations").select(["id", "email", "attended", "status"]).where("session_id", "=", sessionId).execute();
  const byEmail = new Map(regs.filter((r) => r.status !== "cancelled").map((r) => [r.email.toLowerCase(), r]));
  const matched = emails.filter((e) => byEmail.has(e)).map((e) => byEmail.get(e)!.id);
  const already = regs.filter((r) => r.attended === true).map((r) => r.id);
  const result = await markAttendance(ctx, actor, sessionId, [...new Set([...already, ...matched])]);
  return { ...result, matched: matched.length, unknown: emails.filter((e) => !byEmail.has(e)) };
}
