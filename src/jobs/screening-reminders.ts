/**
 * Screening reminders by timer (issue 13 item 6, ADR 0036): once a round's
 * screening deadline is at most SCREENING_REMINDER_DAYS away (and not yet
 * passed: after it scores can no longer change), each reviewer with open reads
 * is e-mailed once for that deadline, without an operator pressing the
 * board's button. The claim is the button's (screening_reminders, keyed by
 * round, reviewer and deadline; insert … on conflict do nothing returning, with
 * the round row locked), so the timer, the button, two app nodes or a restart
 * never remind a reviewer twice for one deadline; a moved deadline allows one
 * more. Audited as the system only when something was queued.
 */
import type { ServiceContext } from "../services/context.ts";
import { queueScreeningReminders } from "../services/screening/send-screening-reminders.ts";
import { repeatJob } from "./repeat.ts";

export const SCREENING_REMINDER_DAYS = 3;

export async function sendDueScreeningReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ queued: number }> {
  const horizon = new Date(now.getTime() + SCREENING_REMINDER_DAYS * 24 * 3600_000);
  const due = await ctx.db
    .selectFrom("rounds")
    .innerJoin("round_deadlines", (j) => j.onRef("round_deadlines.round_id", "=", "rounds.id").on("round_deadlines.kind", "=", "screening_end"))
    .leftJoin("screening_settings", "screening_settings.round_id", "rounds.id")
    .select(["rounds.id", "round_deadlines.due_at"])
    .where("rounds.phase", "=", "screening")
    .where("screening_settings.closed_at", "is", null)
    .where("round_deadlines.due_at", ">", now)
    .where("round_deadlines.due_at", "<=", horizon)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("review_assignments")
          .innerJoin("applications", "applications.id", "review_assignments.application_id")
          .select("review_assignments.id")
          .whereRef("applications.round_id", "=", "rounds.id")
          .where("review_assignments.completed_at", "is", null)
          .where((e) =>
            e.not(
              e.exists(
                e
                  .selectFrom("screening_reminders")
                  .select("screening_reminders.round_id")
                  .whereRef("screening_reminders.round_id", "=", "rounds.id")
                  .whereRef("screening_reminders.reviewer_user_id", "=", "review_assignments.reviewer_user_id")
                  .whereRef("screening_reminders.due_at", "=", "round_deadlines.due_at"),
              ),
            ),
          ),
      ),
    )
    .execute();
  let queued = 0;
  for (const { id } of due) {
    queued += await ctx.db.transaction().execute(async (trx) => {
      // re-read under the round's lock: the phase, the closing and the deadline may have changed since
      const round = await trx.selectFrom("rounds").select(["id", "name_ja", "name_en", "phase"]).where("id", "=", id).forUpdate().executeTakeFirst();
      if (!round || round.phase !== "screening") return 0;
      const closed = await trx.selectFrom("screening_settings").select("closed_at").where("round_id", "=", id).executeTakeFirst();
      if (closed?.closed_at) return 0;
      const deadline = await trx
        .selectFrom("round_deadlines")
        .select("due_at")
        .where("round_id", "=", id)
        .where("kind", "=", "screening_end")
        .executeTakeFirst();
      if (!deadline || deadline.due_at <= now || deadline.due_at > horizon) return 0;
      return (await queueScreeningReminders(ctx, trx, round, deadline.due_at, now, null, false)).queued;
    });
  }
  return { queued };
}

/** Runs the screening reminder job every minute in the server process (one indexed query when nothing is due); returns a stop function. */
export function startScreeningReminderJob(ctx: ServiceContext, everyMs = 60_000): () => void {
  return repeatJob("screening reminder job", everyMs, () => sendDueScreeningReminders(ctx));
}
