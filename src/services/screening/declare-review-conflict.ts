import { z } from "zod";
import { assignReviewers, validateAssignmentInstance } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { applyAssignment, buildInstance, loadSettings, ownAssignment, refuseForeignAssignment } from "./screening-record.ts";

const schema = z.object({ reason: requiredText(1000) });

/**
 * A reviewer declares a conflict of interest on an application assigned to
 * them, with a reason: the conflict is recorded (the pair is excluded from
 * every later run), the assignment and its scores are released, and the
 * application gets another reviewer at once when one is free (the same
 * solver as the operator's run, keeping every other assignment). When none
 * is, the application stays short until the operator runs the assignment
 * again. One transaction, audited.
 */
export async function declareReviewConflict(ctx: ServiceContext, actor: Actor | null, assignmentId: string, raw: unknown): Promise<{ reassigned: boolean }> {
  const who = authorize(actor, "review.score");
  const input = parseInput(schema, raw);
  if (!(await ownAssignment(ctx.db, assignmentId, who.userId))) {
    return refuseForeignAssignment(ctx.db, who, assignmentId);
  }
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const a = await ownAssignment(trx, assignmentId, who.userId);
    if (!a) throw new NotFoundError("review_assignment");
    await trx.selectFrom("rounds").select("id").where("id", "=", a.round_id).forUpdate().execute();
    await trx
      .insertInto("conflicts_of_interest")
      .values({ id: crypto.randomUUID(), reviewer_user_id: who.userId, application_id: a.application_id, reason: input.reason, declared_at: now })
      .execute();
    await trx.deleteFrom("review_assignments").where("id", "=", a.id).execute();
    await writeAudit(trx, who, {
      action: "screening.declare_conflict",
      entityType: "application",
      entityId: a.application_id,
      after: { assignment: a.id, reason: input.reason },
    });
    const settings = await loadSettings(trx, a.round_id);
    if (settings.closedAt) return { reassigned: false };
    const { instance } = await buildInstance(trx, a.round_id, settings.reads);
    if (!validateAssignmentInstance(instance).ok) return { reassigned: false };
    const result = assignReviewers(instance);
    if (result.status !== "assigned" || !result.check.valid) return { reassigned: false };
    const applied = await applyAssignment(trx, who, a.round_id, result, now);
    return { reassigned: applied.added > 0 };
  });
}
