/**
 * The operator marks the round's selection final (issue 14): every candidate
 * must have a decision; decisions lock; each application's status becomes its
 * decision (recorded in its status history) and each applicant is told in
 * their language. Refused when someone is undecided or it is final already.
 */
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { applicantsOf } from "../interviews/interview-mail.ts";
import { loadCandidates, roundSettings } from "./selection-board-data.ts";
import { decisionMail } from "./selection-mail.ts";

export async function finalizeSelection(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ notified: number }> {
  const who = authorize(actor, "selection.decide");
  return ctx.db.transaction().execute(async (trx) => {
    const round = await roundSettings(trx, roundId, true);
    if (!round) throw new NotFoundError("round");
    if (round.selection_results_final) throw new RefusedError("selection.refusals", [{ code: "results_final" }]);
    const candidates = (await loadCandidates(trx, roundId)).filter((c) => c.status === "interview");
    const undecided = candidates.filter((c) => !c.decision).length;
    if (undecided > 0) throw new RefusedError("selection.refusals", [{ code: "undecided", count: undecided }]);
    if (candidates.length === 0) throw new RefusedError("selection.refusals", [{ code: "no_candidates" }]);
    const now = ctx.clock();
    const mails = [];
    const people = await applicantsOf(
      trx,
      candidates.map((c) => c.id),
    );
    for (const c of candidates) {
      await trx.updateTable("applications").set({ status: c.decision!, updated_at: now }).where("id", "=", c.id).execute();
      await trx
        .insertInto("application_status_history")
        .values({ application_id: c.id, from_status: "interview", to_status: c.decision!, reason: "selection_final", changed_by: who.userId, changed_at: now })
        .execute();
      const person = people.get(c.id);
      if (person) mails.push(decisionMail(ctx, person, c.decision!, c.waitlistRank));
    }
    await trx.updateTable("selection_decisions").set({ notified_at: now }).where("round_id", "=", roundId).execute();
    await trx.updateTable("rounds").set({ selection_results_final: true, updated_at: now }).where("id", "=", roundId).execute();
    await ctx.mailer.queueAll(mails, trx);
    const count = (d: string) => candidates.filter((c) => c.decision === d).length;
    await writeAudit(trx, who, {
      action: "selection.finalized",
      entityType: "round",
      entityId: roundId,
      after: { selected: count("selected"), waitlisted: count("waitlisted"), rejected: count("rejected") },
    });
    return { notified: mails.length };
  });
}
