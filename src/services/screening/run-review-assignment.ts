import { z } from "zod";
import type { AssignmentInfeasibility } from "../../domain/screening/index.ts";
import { assignReviewers, validateAssignmentInstance } from "../../domain/screening/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { parseInput } from "../validation.ts";
import { applyAssignment, buildInstance, ensureRubric, loadRound, loadSettings } from "./screening-record.ts";

const schema = z.object({ reads: typedWholeNumber(1, 10), commit: z.enum(["preview", "commit"]).default("preview") });

export interface AssignmentOutcome {
  committed: boolean;
  reads: number;
  applications: number;
  reviewers: number;
  conflicts: number;
  kept: number;
  added: number;
  released: number;
  languageMatches: number;
  meanExpertiseFit: number;
  loads: { reviewer: string; capacity: number; kept: number; added: number; total: number }[];
  movedToReview: number;
}

/** The infeasibility of an assignment as refusal reasons (the applications concerned and the capacity missing). */
function refusalOf(inf: AssignmentInfeasibility) {
  return new RefusedError("screening.refusals", [
    { code: "infeasible", missing: inf.missingReads, needed: inf.readsNeeded, placeable: inf.readsPlaceable },
    ...inf.tooFewReviewers.map((t) => ({ code: "tooFewReviewers", application: t.application, needed: t.needed, eligible: t.eligibleReviewers })),
  ]);
}

/**
 * The operator assigns reviewers to the round's eligible applications: each
 * gets `reads` distinct reviewers, none in conflict, capacities respected,
 * loads balanced (domain solver, ADR 0011; its independent checker must
 * pass). Valid existing assignments are kept, only what is missing is added.
 * "preview" computes and writes nothing; "commit" writes it in one
 * transaction (new pairs, released pairs, applications to under_review with
 * their status history, the round's `reads`, the audit entry). Infeasible:
 * refused with the applications concerned, nothing written.
 */
export async function runReviewAssignment(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<AssignmentOutcome> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  const round = await loadRound(ctx.db, roundId);
  if (round.phase !== "screening") throw new RefusedError("screening.refusals", [{ code: "notScreening" }]);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    const settings = await loadSettings(trx, roundId);
    if (settings.closedAt) throw new RefusedError("screening.refusals", [{ code: "closed" }]);
    const { instance, conflictCount } = await buildInstance(trx, roundId, input.reads);
    const valid = validateAssignmentInstance(instance);
    if (!valid.ok) throw new Error(`invalid assignment instance: ${JSON.stringify(valid.error)}`);
    if (instance.reviewers.length === 0) throw new RefusedError("screening.refusals", [{ code: "noReviewers" }]);
    const result = assignReviewers(instance);
    if (result.status === "infeasible") throw refusalOf(result.infeasibility);
    if (!result.check.valid) throw new Error(`assignment failed its check: ${JSON.stringify(result.check.violations.slice(0, 5))}`);
    const outcome: AssignmentOutcome = {
      committed: input.commit === "commit",
      reads: input.reads,
      applications: instance.applications.length,
      reviewers: instance.reviewers.length,
      conflicts: conflictCount,
      kept: result.summary.kept,
      added: result.summary.added,
      released: result.released.length,
      languageMatches: result.summary.languageMatches,
      meanExpertiseFit: result.summary.meanExpertiseFit,
      loads: result.loads.map((l) => ({ reviewer: l.reviewer, capacity: l.capacity, kept: l.kept, added: l.added, total: l.total })),
      movedToReview: 0,
    };
    if (input.commit !== "commit") return outcome;
    await trx
      .insertInto("screening_settings")
      .values({ round_id: roundId, reads: input.reads })
      .onConflict((oc) => oc.column("round_id").doUpdateSet({ reads: input.reads }))
      .execute();
    await ensureRubric(trx, roundId, now);
    const applied = await applyAssignment(trx, who, roundId, result, now);
    await writeAudit(trx, who, { action: "screening.settings", entityType: "round", entityId: roundId, after: { reads: input.reads } });
    return { ...outcome, movedToReview: applied.movedToReview };
  });
}
