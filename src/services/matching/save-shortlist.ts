/**
 * The operator records a position's shortlist in an office-shortlist round (ADR 0037): applicants
 * chosen among the round's selected ones (the form starts from the fit suggestion). It is what the
 * host sees and ranks, and the positions its applicants may rank. Only in office-shortlist mode,
 * in the matching phase and before the ranking deadline. Audited with the list before and after.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { stringList } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { writeCancellation } from "../interviews/write-booking.ts";
import { officeShortlistOf } from "./host-access.ts";
import { HOST_STAGE, hostIcsStage } from "./matching-interview-record.ts";
import { findRound, requireRankingOpen } from "./matching-record.ts";

const schema = z.object({ applicants: stringList });

const MESSAGES = "matchingShortlistStaff.refusals";

/**
 * Taken off the shortlist, an applicant no longer has an interview with the host for that position: their scheduled
 * one is cancelled, with the cancellation e-mail and its calendar CANCEL (same UID, higher SEQUENCE). Audited.
 */
async function cancelHostInterviews(ctx: ServiceContext, trx: Kysely<Database>, who: Actor, positionId: string, applicationIds: readonly string[]) {
  const booked = await trx
    .selectFrom("interviews as i")
    .leftJoin("interview_slots as s", "s.id", "i.slot_id")
    .select(["i.id", "i.application_id", "i.starts_at", "i.ends_at", "i.meeting_url", "i.ics_sequence", "s.place"])
    .where("i.stage", "=", HOST_STAGE)
    .where("i.position_id", "=", positionId)
    .where("i.application_id", "in", applicationIds)
    .where("i.status", "=", "scheduled")
    .execute();
  for (const b of booked) {
    const { sequence } = await writeCancellation(ctx, trx, {
      interviewId: b.id,
      icsSequence: b.ics_sequence,
      applicationId: b.application_id,
      slot:
        b.starts_at && b.ends_at
          ? { startsAt: b.starts_at, endsAt: b.ends_at, place: b.place, meetingUrl: b.meeting_url, stage: hostIcsStage(positionId) }
          : null,
      pageUrl: (locale) => `${ctx.publicUrl}/${locale}/matching/interviews`,
    });
    await writeAudit(trx, who, {
      action: "matching.interview_cancelled",
      entityType: "interview",
      entityId: b.id,
      after: { reason: "removed_from_shortlist", position: positionId, sequence },
    });
  }
}

export async function saveShortlist(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { positionId: string; form: unknown },
): Promise<{ count: number; added: number; removed: number }> {
  const who = authorize(actor, "round.manage");
  const { applicants } = parseInput(schema, input.form);
  if (!/^[0-9a-f-]{36}$/.test(input.positionId)) throw new NotFoundError("position");
  const position = await ctx.db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .select(["p.id", "ha.round_id", "ha.status"])
    .where("p.id", "=", input.positionId)
    .executeTakeFirst();
  if (!position || position.status !== "accepted") throw new NotFoundError("position");
  const round = await findRound(ctx.db, position.round_id);
  if (round.matchingMode !== "office_shortlist") throw new RefusedError(MESSAGES, [{ code: "not_shortlist_mode" }]);
  const now = ctx.clock();
  requireRankingOpen(round, now, MESSAGES);
  const wanted = [...new Set(applicants)];
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("positions").select("id").where("id", "=", position.id).forUpdate().execute();
    const selected =
      wanted.length === 0
        ? []
        : await trx
            .selectFrom("applications")
            .select("id")
            .where("round_id", "=", round.id)
            .where("status", "=", "selected")
            .where("id", "in", wanted)
            .execute();
    if (selected.length !== wanted.length) throw new RefusedError(MESSAGES, [{ code: "not_selected_applicant", count: wanted.length - selected.length }]);
    const before = await officeShortlistOf(trx, position.id);
    const removed = before.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !before.includes(id));
    if (removed.length > 0) {
      await trx.deleteFrom("matching_shortlists").where("position_id", "=", position.id).where("application_id", "in", removed).execute();
      await cancelHostInterviews(ctx, trx, who, position.id, removed);
    }
    if (added.length > 0)
      await trx
        .insertInto("matching_shortlists")
        .values(added.map((id) => ({ position_id: position.id, application_id: id, round_id: round.id, added_by: who.userId, added_at: now })))
        .execute();
    await writeAudit(trx, who, {
      action: "matching.shortlist_saved",
      entityType: "position",
      entityId: position.id,
      before: { shortlist: before },
      after: { shortlist: await officeShortlistOf(trx, position.id) },
    });
    return { count: wanted.length, added: added.length, removed: removed.length };
  });
}
