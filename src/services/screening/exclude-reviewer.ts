import { z } from "zod";
import { assignReviewers, validateAssignmentInstance } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { applyAssignment, buildInstance, loadRound, loadSettings, roundReviewers } from "./screening-record.ts";

const schema = z.object({
  reviewer: z.string().trim().min(1, { error: "errors.required" }),
  reason: requiredText(1000),
});

/**
 * The operator excludes a reviewer from one application by hand, with a
 * reason (a conflict the affiliations do not show): recorded as a conflict of
 * interest declared by the operator, so no later run assigns the pair. When
 * the reviewer reads it, the read (and its scores) is released and, while
 * screening is open, the solver fills the gap at once, keeping every other
 * assignment (as for a conflict the reviewer declares). One transaction,
 * audited.
 */
export async function excludeReviewer(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  applicationId: string,
  raw: unknown,
): Promise<{ released: boolean; reassigned: boolean }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  await loadRound(ctx.db, roundId);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select(["id", "phase"]).where("id", "=", roundId).forUpdate().executeTakeFirstOrThrow();
    const settings = await loadSettings(trx, roundId);
    if (settings.closedAt) throw new RefusedError("screeningOps.refusals", [{ code: "closed" }]);
    const app = await trx.selectFrom("applications").select("id").where("id", "=", applicationId).where("round_id", "=", roundId).executeTakeFirst();
    if (!app) throw new NotFoundError("application");
    const reviewer = (await roundReviewers(trx, roundId)).find((r) => r.user_id === input.reviewer && r.profile_user_id !== null);
    if (!reviewer) throw new RefusedError("screeningOps.refusals", [{ code: "notInRound" }]);
    const existing = await trx
      .selectFrom("conflicts_of_interest")
      .select("id")
      .where("application_id", "=", applicationId)
      .where("reviewer_user_id", "=", input.reviewer)
      .executeTakeFirst();
    if (existing) throw new RefusedError("screeningOps.refusals", [{ code: "alreadyExcluded" }]);
    await trx
      .insertInto("conflicts_of_interest")
      .values({
        id: crypto.randomUUID(),
        reviewer_user_id: input.reviewer,
        application_id: applicationId,
        reason: input.reason,
        declared_at: now,
        declared_by: who.userId,
      })
      .execute();
    const released = await trx
      .deleteFrom("review_assignments")
      .where("application_id", "=", applicationId)
      .where("reviewer_user_id", "=", input.reviewer)
      .returning("id")
      .execute();
    await writeAudit(trx, who, {
      action: "screening.exclude",
      entityType: "application",
      entityId: applicationId,
      after: { reviewer: input.reviewer, reason: input.reason, released: released.map((r) => r.id) },
    });
    if (released.length === 0 || round.phase !== "screening") return { released: released.length > 0, reassigned: false };
    const { instance } = await buildInstance(trx, roundId, settings.reads);
    if (!validateAssignmentInstance(instance).ok) return { released: true, reassigned: false };
    const result = assignReviewers(instance);
    if (result.status !== "assigned" || !result.check.valid) return { released: true, reassigned: false };
    const applied = await applyAssignment(trx, who, roundId, result, now);
    return { released: true, reassigned: applied.added > 0 };
  });
}
