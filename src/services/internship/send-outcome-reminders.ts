/**
 * Outcome reminders (ADR 0039, amended): a host asked for a milestone's outcome that has not answered 14 days
 * later (OUTCOME_REMINDER_AFTER_DAYS) is reminded once while the milestone's answers are still taken, with the
 * same link and closing date as the request. Sent to whoever would be asked now (outcomeRecipient), in their
 * language.
 *
 * The claim is `reminded_at` on the milestone's row, set only while it is null and the milestone unanswered,
 * in the transaction that queues the e-mail: a second run, or a second process at the same time, claims
 * nothing. Run hourly beside the requests (src/jobs/outcome-requests.ts); audited as the system (`outcome.remind`).
 */
import { isOutcomeMilestone, outcomeReminderDue } from "../../domain/internship/outcomes.ts";
import { formatDate } from "../../i18n/format.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { hostLocale, outcomeMailParams, outcomeRecipient } from "./send-outcome-requests.ts";
import { placementQuery, tokyoToday, toPlacementRow } from "./placement-access.ts";

/** Longer than any milestone's window (six calendar months at most, outcomes.ts). */
const OPEN_AT_MOST_MS = 200 * 86_400_000;

export async function sendOutcomeReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ queued: number }> {
  const today = tokyoToday(now);
  const waiting = await ctx.db
    .selectFrom("outcome_followups")
    .select(["id", "placement_id", "months_after", "requested_at"])
    .where("requested_at", "is not", null)
    .where("answered_at", "is", null)
    .where("reminded_at", "is", null)
    // no window stays open longer than six months after its request (outcomes.ts): older requests cannot be due
    .where("requested_at", ">", new Date(now.getTime() - OPEN_AT_MOST_MS))
    .execute();
  if (waiting.length === 0) return { queued: 0 };
  const placements = new Map(
    (
      await placementQuery(ctx.db)
        .where("placements.status", "=", "completed")
        .where("placements.id", "in", [...new Set(waiting.map((w) => w.placement_id))])
        .execute()
    ).map((r) => [r.id, toPlacementRow(r)] as const),
  );
  const due = waiting.flatMap((w) => {
    const p = placements.get(w.placement_id);
    const milestone = w.months_after;
    if (!p || !isOutcomeMilestone(milestone) || !w.requested_at) return [];
    return outcomeReminderDue(p.endsOn, milestone, tokyoToday(w.requested_at), today) ? [{ w, p, milestone }] : [];
  });
  let queued = 0;
  for (const { w, p, milestone } of due) {
    queued += await ctx.db.transaction().execute(async (trx) => {
      const recipient = await outcomeRecipient(trx, p.organizationId, p.supervisorUserId);
      // nobody to remind (the organization has no member at the moment): not claimed, reminded on a later run
      if (!recipient) return 0;
      const claimed = await trx
        .updateTable("outcome_followups")
        .set({ reminded_at: now })
        .where("id", "=", w.id)
        .where("reminded_at", "is", null)
        .where("answered_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!claimed) return 0;
      const locale = hostLocale(recipient.locale);
      const params = { ...outcomeMailParams(ctx.publicUrl, recipient.name, p, milestone, locale), askedOn: formatDate(tokyoToday(w.requested_at!), locale) };
      const emailId = await ctx.mailer.queue({ to: recipient.email, template: "internshipOutcomes.mail.reminder", locale, params }, trx);
      await trx.updateTable("outcome_followups").set({ reminder_email_id: emailId }).where("id", "=", claimed.id).execute();
      await writeAudit(trx, null, { action: "outcome.remind", entityType: "placement", entityId: p.id, after: { months: milestone, to: recipient.userId } });
      return 1;
    });
  }
  return { queued };
}
