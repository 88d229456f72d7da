/**
 * The selection's background jobs (issue 14, ADR 0033), run in the server
 * process every 5 seconds:
 * - interview reminders: 24 hours before a booked selection interview, one
 *   e-mail in the applicant's language with the time in their own zone (and
 *   Japan time). Due interviews are claimed with one UPDATE … WHERE
 *   reminder_sent_at IS NULL … RETURNING in the transaction that queues the
 *   e-mails, so two runs or two app nodes never remind the same interview
 *   twice; moving the booking clears the mark (the new time is reminded of).
 * - lapsed waiting-list offers: each open offer past its deadline is claimed
 *   (UPDATE … WHERE status = 'open' … RETURNING, with the round locked first),
 *   marked expired with an audit entry and an e-mail, and the place is offered
 *   to the next person on the list (src/services/selection/offer-free-places.ts).
 */
import type { ServiceContext } from "../services/context.ts";
import { writeAudit } from "../services/audit/write-audit.ts";
import { applicantOf, applicantsOf, interviewPageUrl, whenFor } from "../services/interviews/interview-mail.ts";
import { offerFreePlaces } from "../services/selection/offer-free-places.ts";
import { repeatJob } from "./repeat.ts";

export const INTERVIEW_REMINDER_HOURS = 24;

export async function sendInterviewReminders(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ queued: number }> {
  const horizon = new Date(now.getTime() + INTERVIEW_REMINDER_HOURS * 3600_000);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("interviews")
      .set({ reminder_sent_at: now })
      .where("reminder_sent_at", "is", null)
      .where("status", "=", "scheduled")
      .where("position_id", "is", null)
      .where("starts_at", ">", now)
      .where("starts_at", "<=", horizon)
      .where("slot_id", "in", (eb) => eb.selectFrom("interview_slots").select("id").where("cancelled_at", "is", null))
      .returning(["id", "application_id", "slot_id", "starts_at"])
      .execute();
    if (claimed.length === 0) return { queued: 0 };
    const slots = new Map(
      (
        await trx
          .selectFrom("interview_slots")
          .select(["id", "place", "meeting_url"])
          .where(
            "id",
            "in",
            claimed.map((c) => c.slot_id!),
          )
          .execute()
      ).map((s) => [s.id, s]),
    );
    const people = await applicantsOf(
      trx,
      claimed.map((c) => c.application_id),
    );
    const mails = claimed.flatMap((c) => {
      const person = people.get(c.application_id);
      if (!person) return [];
      const slot = slots.get(c.slot_id!);
      return [
        {
          to: person.email,
          template: "selectionOffers.mail.interviewReminder" as const,
          locale: person.locale,
          params: {
            name: person.name,
            when: whenFor(c.starts_at, person),
            place: slot?.place ?? slot?.meeting_url ?? "—",
            url: interviewPageUrl(ctx, person.locale),
          },
        },
      ];
    });
    await ctx.mailer.queueAll(mails, trx);
    return { queued: mails.length };
  });
}

export async function expireSelectionOffers(ctx: ServiceContext, now: Date = ctx.clock()): Promise<{ expired: number; offered: number }> {
  const due = await ctx.db
    .selectFrom("selection_offers")
    .select(["id", "round_id"])
    .where("status", "=", "open")
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(100)
    .execute();
  let expired = 0;
  let offered = 0;
  for (const offer of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.selectFrom("rounds").select("id").where("id", "=", offer.round_id).forUpdate().executeTakeFirst();
      const claimed = await trx
        .updateTable("selection_offers")
        .set({ status: "expired", responded_at: now })
        .where("id", "=", offer.id)
        .where("status", "=", "open")
        .where("expires_at", "<=", now)
        .returning(["application_id", "expires_at"])
        .executeTakeFirst();
      if (!claimed) return;
      expired++;
      await writeAudit(trx, null, {
        action: "selection.offer_expired",
        entityType: "application",
        entityId: claimed.application_id,
        after: { offerId: offer.id, expiresAt: claimed.expires_at.toISOString() },
      });
      const person = await applicantOf(trx, claimed.application_id);
      if (person)
        await ctx.mailer.queue(
          {
            to: person.email,
            template: "selectionOffers.mail.expired",
            locale: person.locale,
            params: { name: person.name, deadline: whenFor(claimed.expires_at, person) },
          },
          trx,
        );
      offered += (await offerFreePlaces(ctx, trx, null, offer.round_id, claimed.application_id)).length;
    });
  }
  return { expired, offered };
}

/** Both jobs every 5 seconds in the server process (two indexed queries when nothing is due); returns a stop function. */
export function startSelectionJobs(ctx: ServiceContext, everyMs = 5_000): () => void {
  const stopReminders = repeatJob("interview reminder job", everyMs, () => sendInterviewReminders(ctx));
  const stopOffers = repeatJob("selection offer expiry job", everyMs, () => expireSelectionOffers(ctx));
  return () => {
    stopReminders();
    stopOffers();
  };
}
