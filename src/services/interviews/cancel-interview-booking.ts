/**
 * The applicant cancels their interview booking for a stage before the
 * cutoff (issue 14). The e-mail carries the calendar file's cancellation
 * (METHOD:CANCEL, same UID, higher SEQUENCE).
 */
import { checkCancellation } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { bookingPolicy, myInterviewApplication, myInterviews } from "./my-interview-record.ts";
import { writeCancellation } from "./write-booking.ts";

export async function cancelInterviewBooking(ctx: ServiceContext, actor: Actor | null, stage: string): Promise<void> {
  const who = authorize(actor, "interview.book");
  await ctx.db.transaction().execute(async (trx) => {
    const app = await myInterviewApplication(trx, who.userId, true);
    if (!app) throw new RefusedError("interviews.refusals", [{ code: "not_booked" }]);
    const existing = (await myInterviews(trx, app.id)).find((i) => i.stage === stage && i.status === "scheduled") ?? null;
    const current = existing?.slot_id ? { slotId: existing.slot_id, startsAt: existing.starts_at } : null;
    const refusals = checkCancellation({ now: ctx.clock(), current, policy: await bookingPolicy(trx, app.round_id) });
    if (refusals.length > 0 || !existing)
      throw new RefusedError(
        "interviews.refusals",
        refusals.map((r) => ({ ...r })),
      );
    const { sequence } = await writeCancellation(ctx, trx, {
      interviewId: existing.id,
      icsSequence: existing.ics_sequence,
      applicationId: app.id,
      slot: { startsAt: existing.starts_at, endsAt: existing.ends_at, place: existing.place, meetingUrl: existing.meeting_url, stage },
    });
    await writeAudit(trx, who, { action: "interview.cancelled", entityType: "interview", entityId: existing.id, after: { sequence } });
  });
}
