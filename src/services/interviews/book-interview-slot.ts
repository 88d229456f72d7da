/**
 * The applicant books an interview slot, or moves their booking to another
 * (issue 14). One transaction: the application and the slot rows are locked,
 * so a slot is never booked beyond its capacity whatever the concurrency; the
 * domain's booking rules (src/domain/interviews/booking.ts) refuse a full,
 * past or cancelled slot, one too close to its start, a stage they were not
 * invited to. The confirmation e-mail carries the calendar file: same UID for
 * the stage, a higher SEQUENCE at every change.
 */
import { z } from "zod";
import { checkBooking, checkReschedule } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { bookingPolicy, myInterviewApplication, myInterviews } from "./my-interview-record.ts";
import { writeBooking } from "./write-booking.ts";

const schema = z.object({ slotId: requiredText(100) });

export async function bookInterviewSlot(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ kind: "booked" | "moved"; interviewId: string }> {
  const who = authorize(actor, "interview.book");
  const input = parseInput(schema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await myInterviewApplication(trx, who.userId, true);
    if (!app || app.status !== "interview") throw new RefusedError("interviews.refusals", [{ code: "not_invited" }]);
    const slot = await trx
      .selectFrom("interview_slots")
      .selectAll()
      .where("id", "=", input.slotId)
      .where("round_id", "=", app.round_id)
      .forUpdate()
      .executeTakeFirst();
    if (!slot) throw new RefusedError("interviews.refusals", [{ code: "no_such_slot" }]);
    const { n } = await trx
      .selectFrom("interviews")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("slot_id", "=", slot.id)
      .where("status", "=", "scheduled")
      .executeTakeFirstOrThrow();
    const invitation = await trx
      .selectFrom("interview_invitations")
      .select(["round_id", "stage"])
      .where("application_id", "=", app.id)
      .where("stage", "=", slot.stage)
      .executeTakeFirst();
    const existing = (await myInterviews(trx, app.id)).find((i) => i.stage === slot.stage) ?? null;
    const current = existing && existing.status === "scheduled" && existing.slot_id ? { slotId: existing.slot_id, startsAt: existing.starts_at } : null;
    const check = {
      now: ctx.clock(),
      slot: {
        id: slot.id,
        roundId: slot.round_id,
        stage: slot.stage,
        startsAt: slot.starts_at,
        endsAt: slot.ends_at,
        capacity: slot.capacity,
        bookedCount: Number(n),
        cancelled: slot.cancelled_at !== null,
      },
      invitation: invitation ? { roundId: invitation.round_id, stage: invitation.stage } : null,
      current,
      policy: await bookingPolicy(trx, app.round_id),
    };
    const refusals = current ? checkReschedule(check) : checkBooking(check);
    if (refusals.length > 0)
      throw new RefusedError(
        "interviews.refusals",
        refusals.map((r) => ({ ...r })),
      );
    const { kind, interviewId, sequence } = await writeBooking(ctx, trx, {
      slot,
      existing: existing ? { id: existing.id, icsSequence: existing.ics_sequence } : null,
      moving: current !== null,
      applicationId: app.id,
      roundId: app.round_id,
      stage: slot.stage,
      icsStage: slot.stage,
    });
    await writeAudit(trx, who, {
      action: `interview.${kind}`,
      entityType: "interview",
      entityId: interviewId,
      before: current ? { slot: current.slotId } : undefined,
      after: { slot: slot.id, sequence },
    });
    return { kind, interviewId };
  });
}
