/**
 * Reminder e-mails 24 hours before an information session, exactly once per
 * registrant (ADR 0010). In one transaction, due registrations are
 * claimed with one UPDATE … WHERE reminder_sent_at IS NULL … RETURNING and
 * their reminders queued, so two runs (two app nodes, a restart, a retry)
 * never claim the same person, and a crash either leaves both undone or
 * both done. Sending, and retrying a failed send, is the e-mail queue's job.
 */
import type { ServiceContext } from "../services/context.ts";
import { sessionMail } from "../services/sessions/session-mail.ts";
import { repeatJob } from "./repeat.ts";

const DAY_MS = 24 * 3600_000;

export async function sendDueReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ queued: number }> {
  const horizon = new Date(now.getTime() + DAY_MS);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("session_registrations")
      .set({ reminder_sent_at: now })
      .where("reminder_sent_at", "is", null)
      .where("status", "=", "registered")
      .where("session_id", "in", (eb) =>
        eb.selectFrom("information_sessions").select("id").where("cancelled_at", "is", null).where("starts_at", ">", now).where("starts_at", "<=", horizon),
      )
      .returning(["id", "session_id", "name", "email", "locale"])
      .execute();
    if (claimed.length === 0) return { queued: 0 };
    const sessionIds = [...new Set(claimed.map((c) => c.session_id))];
    const sessions = new Map((await trx.selectFrom("information_sessions").selectAll().where("id", "in", sessionIds).execute()).map((s) => [s.id, s]));
    await ctx.mailer.queueAll(
      claimed.map((person) => sessionMail(ctx, sessions.get(person.session_id)!, person, "sessionReminder", { cancelUrl: null })),
      trx,
    );
    return { queued: claimed.length };
  });
}

/** Runs the reminder job every 5 seconds in the server process (one indexed UPDATE when nothing is due); returns a stop function. */
export function startReminderJob(ctx: ServiceContext, everyMs = 5_000): () => void {
  return repeatJob("reminder job", everyMs, () => sendDueReminders(ctx));
}
