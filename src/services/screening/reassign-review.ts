import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { conflictedReviewers, loadRound, loadSettings, reviewerLoads, roundReviewers } from "./screening-record.ts";

const schema = z.object({
  assignment: z.string().trim().min(1, { error: "errors.required" }),
  reviewer: z.string().trim().min(1, { error: "errors.required" }),
  reason: requiredText(1000),
});

/**
 * The operator moves one open read of an application to another reviewer of
 * the round, with a reason: the new reviewer must have a profile, not read
 * the application already, not be in conflict with it (declared, excluded or
 * by affiliation, aliases included) and have capacity left. A submitted read
 * is not moved (its scores count). The read's draft is discarded: the new
 * reviewer starts from nothing. One transaction, audited with both reviewers.
 */
export async function reassignReview(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  raw: unknown,
): Promise<{ application: string; from: string; to: string }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  const round = await loadRound(ctx.db, roundId);
  if (round.phase !== "screening") throw new RefusedError("screeningOps.refusals", [{ code: "notScreening" }]);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    if ((await loadSettings(trx, roundId)).closedAt) throw new RefusedError("screeningOps.refusals", [{ code: "closed" }]);
    const a = await trx
      .selectFrom("review_assignments")
      .innerJoin("applications", "applications.id", "review_assignments.application_id")
      .select(["review_assignments.id", "review_assignments.application_id", "review_assignments.reviewer_user_id", "review_assignments.completed_at"])
      .where("review_assignments.id", "=", input.assignment)
      .where("applications.round_id", "=", roundId)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw new NotFoundError("review_assignment");
    if (a.completed_at) throw new RefusedError("screeningOps.refusals", [{ code: "submitted" }]);
    const target = (await roundReviewers(trx, roundId)).find((r) => r.user_id === input.reviewer && r.profile_user_id !== null && r.active);
    if (!target) throw new RefusedError("screeningOps.refusals", [{ code: "notInRound" }]);
    const reading = await trx
      .selectFrom("review_assignments")
      .select("id")
      .where("application_id", "=", a.application_id)
      .where("reviewer_user_id", "=", input.reviewer)
      .executeTakeFirst();
    if (reading) throw new RefusedError("screeningOps.refusals", [{ code: "alreadyReading" }]);
    const conflicted = await conflictedReviewers(trx, a.application_id, [{ id: input.reviewer, affiliations: target.affiliations ?? [] }]);
    if (conflicted.has(input.reviewer)) throw new RefusedError("screeningOps.refusals", [{ code: "conflict" }]);
    const load = (await reviewerLoads(trx, roundId, [input.reviewer])).get(input.reviewer) ?? 0;
    if (load >= (target.max_load ?? 0)) throw new RefusedError("screeningOps.refusals", [{ code: "overCapacity", capacity: target.max_load ?? 0 }]);
    await trx.deleteFrom("review_scores").where("assignment_id", "=", a.id).execute();
    await trx
      .updateTable("review_assignments")
      .set({ reviewer_user_id: input.reviewer, assigned_at: now, draft_saved_at: null, recommendation: null, overall_comment: null })
      .where("id", "=", a.id)
      .execute();
    await writeAudit(trx, who, {
      action: "screening.reassign",
      entityType: "application",
      entityId: a.application_id,
      before: { assignment: a.id, reviewer: a.reviewer_user_id },
      after: { assignment: a.id, reviewer: input.reviewer, reason: input.reason },
    });
    return { application: a.application_id, from: a.reviewer_user_id, to: input.reviewer };
  });
}
