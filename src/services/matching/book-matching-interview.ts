/**
 * The applicant books a host's interview slot for a position they are shortlisted for, or moves
 * their booking to another slot of the same position (ADR 0037). The selection's booking rules
 * apply (src/domain/interviews/booking.ts: not full, not past, before the round's cutoff; the
 * "invitation" is being on the position's shortlist; no booking after the ranking deadline), on
 * locked rows so a slot is never booked beyond its capacity. The confirmation e-mail carries the
 * calendar file (one UID per applicant and position, a higher SEQUENCE at every change). Audited.
 */
import { z } from "zod";
import { checkBooking, checkReschedule } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { bookingPolicy } from "../interviews/my-interview-record.ts";
import { writeBooking } from "../interviews/write-booking.ts";
import { parseInput } from "../validation.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { positionsShortlistedFor } from "./host-access.ts";
import { HOST_STAGE, hostIcsStage, matchingInterviewOf } from "./matching-interview-record.ts";
import { findRound } from "./matching-record.ts";

const schema = z.object({ slotId: requiredText(100) });
const MESSAGES = "interviews.refusals";

export async function bookMatchingInterview(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: unknown,
): Promise<{ kind: "booked" | "moved"; interviewId: string }> {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  const input = parseInput(schema, raw);
  if (!mine || mine.status !== "selected") throw new RefusedError("matching.refusals", [{ code: "not_selected" }]);
  const round = await findRound(ctx.db, mine.roundId);
  if (round.matchingMode !== "office_shortlist") throw new RefusedError("matchingShortlist.refusals", [{ code: "not_shortlisted" }]);
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("applications").select("id").where("id", "=", mine.applicationId).forUpdate().execute();
    const slot = await trx
      .selectFrom("interview_slots")
      .selectAll()
      .where("id", "=", input.slotId)
      .where("round_id", "=", round.id)
      .where("stage", "=", HOST_STAGE)
      .forUpdate()
      .executeTakeFirst();
    if (!slot || !slot.position_id) throw new RefusedError(MESSAGES, [{ code: "no_such_slot" }]);
    const positionId = slot.position_id;
    const shortlisted = (await positionsShortlistedFor(trx, mine.applicationId)).includes(positionId);
    const { n } = await trx
      .selectFrom("interviews")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("slot_id", "=", slot.id)
      .where("status", "in", ["scheduled", "done"])
      .executeTakeFirstOrThrow();
    const existing = await matchingInterviewOf(trx, mine.applicationId, positionId);
    const current = existing && existing.status === "scheduled" && existing.slotId ? { slotId: existing.slotId, startsAt: existing.startsAt } : null;
    const policy = { ...(await bookingPolicy(trx, round.id)), closesAt: round.matchingClose };
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
      invitation: shortlisted ? { roundId: round.id, stage: HOST_STAGE } : null,
      current,
      policy,
    };
    const refusals = current ? checkReschedule(check) : checkBooking(check);
    if (existing && existing.status === "done") refusals.push({ code: "already_booked", slotId: existing.slotId ?? slot.id });
    if (refusals.length > 0)
      throw new RefusedError(
        MESSAGES,
        refusals.map((r) => ({ ...r })),
      );
    const { kind, interviewId, sequence } = await writeBooking(ctx, trx, {
      slot,
      existing: existing ? { id: existing.id, icsSequence: existing.icsSequence } : null,
      moving: current !== null,
      applicationId: mine.applicationId,
      roundId: round.id,
      stage: HOST_STAGE,
      positionId,
      icsStage: hostIcsStage(positionId),
      pageUrl: (locale) => `${ctx.publicUrl}/${locale}/matching/interviews`,
    });
    await writeAudit(trx, mine.actor, {
      action: `matching.interview_${kind}`,
      entityType: "interview",
      entityId: interviewId,
      before: current ? { slot: current.slotId } : undefined,
      after: { slot: slot.id, position: positionId, sequence },
    });
    return { kind, interviewId };
  });
}
