import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadRound, loadRubric } from "./screening-record.ts";

const schema = z.object({ interviewCount: typedWholeNumber(1, 100_000) });

/**
 * The operator closes screening: the top N applications of the stored
 * ranking (by position; N chosen by the operator) move from under_review to
 * interview, each with a status history entry; the rest stay under_review for
 * selection to decide (reject). Each one moved gets its document score on
 * 0–100 (selection_document_scores), which selection weighs with the interview.
 * Scores are frozen from then on. Refused
 * without a ranking, when N exceeds the ranked applications, or when already
 * closed. One transaction, audited.
 */
export async function closeScreening(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  raw: unknown,
): Promise<{ toInterview: number; remaining: number }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  const round = await loadRound(ctx.db, roundId);
  if (round.phase !== "screening") throw new RefusedError("screening.refusals", [{ code: "notScreening" }]);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    const settings = await trx.selectFrom("screening_settings").select("closed_at").where("round_id", "=", roundId).executeTakeFirst();
    if (settings?.closed_at) throw new RefusedError("screening.refusals", [{ code: "closed" }]);
    const ranks = await trx
      .selectFrom("screening_ranks")
      .innerJoin("applications", "applications.id", "screening_ranks.application_id")
      .select(["screening_ranks.application_id", "screening_ranks.position", "screening_ranks.normalized_score", "applications.status"])
      .where("screening_ranks.round_id", "=", roundId)
      .orderBy("screening_ranks.position")
      .execute();
    if (ranks.length === 0) throw new RefusedError("screening.refusals", [{ code: "noRanking" }]);
    if (input.interviewCount > ranks.length) throw new RefusedError("screening.refusals", [{ code: "tooMany", ranked: ranks.length }]);
    const top = ranks.slice(0, input.interviewCount).filter((r) => r.status === "under_review");
    if (top.length > 0) {
      await trx
        .updateTable("applications")
        .set({ status: "interview", updated_at: now })
        .where(
          "id",
          "in",
          top.map((t) => t.application_id),
        )
        .where("status", "=", "under_review")
        .execute();
      await trx
        .insertInto("application_status_history")
        .values(
          top.map((t) => ({
            application_id: t.application_id,
            from_status: "under_review",
            to_status: "interview",
            reason: `screening.rank ${t.position}`,
            changed_by: who.userId,
            changed_at: now,
          })),
        )
        .execute();
    }
    if (top.length > 0) {
      // Selection (issue 14) weighs the document score on 0–100: the normalized mean on the rubric's scale, mapped linearly.
      const { scale } = await loadRubric(trx, roundId);
      await trx
        .insertInto("selection_document_scores")
        .values(
          top.map((t) => ({ application_id: t.application_id, round_id: roundId, score: documentScore(Number(t.normalized_score), scale), recorded_at: now })),
        )
        .onConflict((oc) => oc.column("application_id").doUpdateSet((eb) => ({ score: eb.ref("excluded.score"), recorded_at: now })))
        .execute();
    }
    await trx
      .insertInto("screening_settings")
      .values({ round_id: roundId, closed_at: now, closed_by: who.userId, interview_count: input.interviewCount })
      .onConflict((oc) => oc.column("round_id").doUpdateSet({ closed_at: now, closed_by: who.userId, interview_count: input.interviewCount }))
      .execute();
    await writeAudit(trx, who, {
      action: "screening.close",
      entityType: "round",
      entityId: roundId,
      after: { interviewCount: input.interviewCount, toInterview: top.map((t) => t.application_id) },
    });
    return { toInterview: top.length, remaining: ranks.length - top.length };
  });
}

/** A normalized screening score on the rubric's scale as 0–100 (clamped: severity correction can step past either end). */
export function documentScore(normalized: number, scale: { min: number; max: number }): number {
  const share = (normalized - scale.min) / (scale.max - scale.min);
  return Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 100;
}
