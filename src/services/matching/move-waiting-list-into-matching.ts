/**
 * Replacement from the selection's waiting list (issue 15 item 7, ADR 0034). When offers were
 * declined or expired, the operator moves the next applicants of the waiting list, in its order,
 * into matching: each application goes from waitlisted to selected (status history, the
 * selection decision records why), the applicant is e-mailed in their language to rank the
 * positions by the ranking deadline, and the next run (a new stage) includes them once they have
 * submitted a list. At most as many as there are places no offer holds; refused outside the
 * matching phase, after the ranking deadline (extend it first) and when the waiting list is empty.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { applicantsOf } from "../interviews/interview-mail.ts";
import { parseInput } from "../validation.ts";
import { findRound, requireRankingOpen, takeSnapshot } from "./matching-record.ts";
import { movedIntoMatchingMail } from "./offer-mail.ts";

const schema = z.object({ count: typedWholeNumber(1, 10000) });

/** The round's waiting list still waiting, first first: application id, receipt number, place on the list. */
export async function waitingListOf(db: ServiceContext["db"], roundId: string): Promise<{ id: string; code: string; rank: number | null }[]> {
  const rows = await db
    .selectFrom("applications as a")
    .leftJoin("selection_decisions as d", "d.application_id", "a.id")
    .select(["a.id", "a.receipt_number", "d.waitlist_rank"])
    .where("a.round_id", "=", roundId)
    .where("a.status", "=", "waitlisted")
    .orderBy((eb) => eb.fn.coalesce("d.waitlist_rank", eb.lit(1000000)))
    .orderBy("a.receipt_number")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.receipt_number ?? r.id.slice(0, 8), rank: r.waitlist_rank }));
}

export async function moveWaitingListIntoMatching(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { roundId: string; form: unknown },
): Promise<{ moved: string[] }> {
  const who = authorize(actor, "round.manage");
  const { count } = parseInput(schema, input.form);
  const round = await findRound(ctx.db, input.roundId);
  const now = ctx.clock();
  requireRankingOpen(round, now, "matchingOffersStaff.refusals");
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", round.id).forUpdate().execute();
    const snapshot = await takeSnapshot(trx, round.id, now);
    const freeSeats = snapshot.instance.hosts.reduce((s, h) => s + h.capacity, 0);
    if (count > freeSeats) throw new RefusedError("matchingOffersStaff.refusals", [{ code: "more_than_free", free: freeSeats }]);
    const waiting = await waitingListOf(trx, round.id);
    if (waiting.length === 0) throw new RefusedError("matchingOffersStaff.refusals", [{ code: "waiting_list_empty" }]);
    const moving = waiting.slice(0, count);
    const ids = moving.map((m) => m.id);
    await trx.updateTable("applications").set({ status: "selected", updated_at: now }).where("id", "in", ids).execute();
    await trx
      .insertInto("application_status_history")
      .values(
        ids.map((id) => ({
          application_id: id,
          from_status: "waitlisted",
          to_status: "selected",
          reason: "matching_replacement",
          changed_by: who.userId,
          changed_at: now,
        })),
      )
      .execute();
    await trx
      .updateTable("selection_decisions")
      .set({ decision: "selected", reason: "matching_replacement", decided_at: now, decided_by: who.userId, notified_at: now })
      .where("application_id", "in", ids)
      .execute();
    const people = await applicantsOf(trx, ids);
    const mails = ids.flatMap((id) => {
      const person = people.get(id);
      return person ? [movedIntoMatchingMail(ctx, person, round.matchingClose)] : [];
    });
    await ctx.mailer.queueAll(mails, trx);
    for (const m of moving) {
      await writeAudit(trx, who, {
        action: "matching.moved_from_waiting_list",
        entityType: "application",
        entityId: m.id,
        before: { status: "waitlisted", waitingListPosition: m.rank },
        after: { status: "selected", freeSeats },
      });
    }
    return { moved: ids };
  });
}
