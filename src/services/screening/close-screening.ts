import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadRound } from "./screening-record.ts";

const schema = z.object({ interviewCount: typedWholeNumber(1, 100_000) });

/**
 * The operator closes screening: the top N applications of the stored
 * ranking (by position; N chosen by the operator) move from under_review to
 * interview, each with a status history entry; the rest stay under_review for
 * selection to decide (reject). Scores are frozen from then on. Refused
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
      .select(["screening_ranks.application_id", "screening_ranks.position", "applications.status"])
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
