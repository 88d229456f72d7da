/**
 * Late daily report reminders by timer (issue 16, ADR 0040): every
 * DAILY_REPORT_REMINDER_INTERVAL the job reminds each intern of a placement
 * in progress of the working days without a daily report that nobody
 * reminded them of yet, as the operator's button does (ADR 0035), through
 * the e-mail queue. The claim is the button's (daily_report_reminders keyed
 * by placement and day; insert … on conflict do nothing returning), so the
 * timer, the button, two app processes or a restart never remind an intern
 * twice of one day. Audited as the system only when something was queued.
 */
import { writeAudit } from "../services/audit/write-audit.ts";
import type { ServiceContext } from "../services/context.ts";
import { queueReportReminders } from "../services/internship/late-reports.ts";
import { repeatJob } from "./repeat.ts";

export const DAILY_REPORT_REMINDER_INTERVAL_MS = 60 * 60_000;

export async function sendDueDailyReportReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ emails: number; days: number }> {
  const rounds = await ctx.db.selectFrom("placements").select("round_id").where("status", "=", "active").distinct().orderBy("round_id").execute();
  let emails = 0;
  let days = 0;
  for (const { round_id } of rounds) {
    const out = await ctx.db.transaction().execute(async (trx) => {
      const sent = await queueReportReminders(ctx, trx, round_id, now);
      if (sent.emails > 0)
        await writeAudit(trx, null, { action: "daily_report.remind", entityType: "round", entityId: round_id, after: { ...sent, job: true } });
      return sent;
    });
    emails += out.emails;
    days += out.days;
  }
  return { emails, days };
}

/** Runs the daily report reminder job hourly in the server process; returns a stop function. */
export function startDailyReportReminderJob(ctx: ServiceContext, everyMs = DAILY_REPORT_REMINDER_INTERVAL_MS): () => void {
  return repeatJob("daily report reminder job", everyMs, () => sendDueDailyReportReminders(ctx));
}
