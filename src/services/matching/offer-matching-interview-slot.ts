/**
 * A host member offers an interview slot for one of its positions in an office-shortlist round
 * (ADR 0037): a start (Japan time), a length, and a place or an online link (https). The slot is
 * an ordinary interview slot of stage `host` carrying the position; the member is its interviewer.
 * Only while ranking is open. Audited.
 */
import { z } from "zod";
import { SLOT_LENGTH_MINUTES } from "../../domain/interviews/index.ts";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { optionalText, requiredText, wholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { requireMyPosition } from "./host-access.ts";
import { HOST_STAGE } from "./matching-interview-record.ts";
import { findRound, requireRankingOpen } from "./matching-record.ts";

const schema = z.object({
  startsAt: requiredText(16),
  lengthMinutes: wholeNumber(SLOT_LENGTH_MINUTES.min, SLOT_LENGTH_MINUTES.max),
  place: optionalText(200),
  meetingUrl: optionalText(500),
});

const MESSAGES = "matchingShortlistStaff.refusals";

export async function offerMatchingInterviewSlot(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { positionId: string; form: unknown },
): Promise<{ slotId: string }> {
  const mine = await requireMyPosition(ctx.db, actor, input.positionId);
  const form = parseInput(schema, input.form);
  const startsAt = tokyoLocalToInstant(form.startsAt);
  const errors: Record<string, { key: string }[]> = {};
  if (!startsAt) errors.startsAt = [{ key: "errors.date" }];
  if (form.meetingUrl && !/^https:\/\/\S+$/.test(form.meetingUrl)) errors.meetingUrl = [{ key: "interviewsStaff.errors.url" }];
  if (!form.place && !form.meetingUrl) errors.place = [{ key: "matchingShortlistStaff.errors.placeOrLink" }];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const round = await findRound(ctx.db, mine.roundId);
  if (round.matchingMode !== "office_shortlist") throw new RefusedError(MESSAGES, [{ code: "not_shortlist_mode" }]);
  const now = ctx.clock();
  requireRankingOpen(round, now, MESSAGES);
  if (startsAt!.getTime() <= now.getTime()) throw new RefusedError(MESSAGES, [{ code: "slot_in_past", at: startsAt! }]);
  const id = crypto.randomUUID();
  const endsAt = new Date(startsAt!.getTime() + form.lengthMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("interview_slots")
      .values({
        id,
        round_id: round.id,
        stage: HOST_STAGE,
        position_id: mine.positionId,
        interviewer_user_id: mine.actor.userId,
        starts_at: startsAt!,
        ends_at: endsAt,
        capacity: 1,
        place: form.place,
        meeting_url: form.meetingUrl,
        created_by: mine.actor.userId,
        created_at: now,
      })
      .execute();
    await writeAudit(trx, mine.actor, {
      action: "matching.interview_slot_offered",
      entityType: "position",
      entityId: mine.positionId,
      after: { slot: id, startsAt: startsAt!, endsAt },
    });
  });
  return { slotId: id };
}
