/**
 * Reminder e-mails 24 hours before an information session, exactly once per
 * registrant (ADR 0007). Due registrations are claimed in one UPDATE … WHERE
 * reminder_sent_at IS NULL … RETURNING, so two runs (two app nodes, a restart,
 * a retry) never claim the same person; the mails go out after the commit.
 * A mail that fails to send releases its claim, so the next run retries it.
 */
import type { ServiceContext } from "../services/context.ts";
import { repeatJob } from "./repeat.ts";
import { sessionMail } from "../services/sessions/session-mail.ts";

const DAY_MS = 24 * 3600_000;

export async function sendDueReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ sent: number; failed: number }> {
  const horizon = new Date(now.getTime() + DAY_MS);
  const claimed = await ctx.db
    .updateTable("session_registrations")
    .set({ reminder_sent_at: now })
    .where("reminder_sent_at", "is", null)
    .where("status", "=", "registered")
    .where("session_id", "in", (eb) =>
      eb
        .selectFrom("information_sessions")
        .select("id")
        .where("cancelled_at", "is", null)
        .where("starts_at", ">", now)
        .where("starts_at", "<=", horizon),
    )
    .returning(["id", "session_id", "name", "email", "locale"])
    .execute();
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const sessionIds = [...new Set(claimed.map((c) => c.session_id))];
  const sessions = new Map((await ctx.db.selectFrom("information_sessions").selectAll().where("id", "in", sessionIds).execute()).map((s) => [s.id, s]));
  let sent = 0;
  let failed = 0;
  for (const person of claimed) {
    const session = sessions.get(person.session_id)!;
    try {
      await ctx.mailer.send(sessionMail(ctx, session, person, "sessionReminder", { cancelUrl: null }));
      sent++;
    } catch (err) {
      failed++;
      console.error("reminder e-mail failed; it will be retried", person.id, err);
      await ctx.db.updateTable("session_registrations").set({ reminder_sent_at: null }).where("id", "=", person.id).where("reminder_sent_at", "=", now).execute();
    }
  }
  return { sent, failed };
}

/** Runs the reminder job every minute in the server process; returns a stop function. */
export function startReminderJob(ctx: ServiceContext, everyMs = 60_000): () => void {
  return repeatJob("reminder job", everyMs, () => sendDueReminders(ctx));
}

