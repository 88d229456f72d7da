import { normalizeSeverity, rankApplications, validateNormalizationInput } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { loadRound, loadRubric, loadSettings, roundScoreInputs } from "./screening-record.ts";

/**
 * The operator (re)computes the round's ranking: the submitted reads are
 * normalized for reviewer severity (least squares, severities summing to zero
 * per connected part; ADR 0012), ranked (ties broken by raw mean, reads, id),
 * and stored in screening_ranks, replacing the previous ranking, for
 * selection (#14) to read. Refused without any submitted read or once
 * screening is closed.
 */
export async function computeScreeningRanking(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<{ ranked: number }> {
  const who = authorize(actor, "screening.manage");
  await loadRound(ctx.db, roundId);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    const settings = await loadSettings(trx, roundId);
    if (settings.closedAt) throw new RefusedError("screening.refusals", [{ code: "closed" }]);
    const rubric = await loadRubric(trx, roundId);
    const scores = await roundScoreInputs(trx, roundId, rubric);
    if (scores.length === 0) throw new RefusedError("screening.refusals", [{ code: "noScores" }]);
    const options = { disagreementThreshold: settings.disagreementThreshold };
    const problems = validateNormalizationInput(scores, options);
    if (problems.length > 0) throw new Error(`normalization input: ${JSON.stringify(problems.slice(0, 3))}`);
    const result = normalizeSeverity(scores, options);
    const ranked = rankApplications(
      result.applications.map((a) => ({ application: a.application, normalizedScore: a.normalizedScore, rawMean: a.rawMean, reads: a.scores.length })),
    );
    const flagged = new Set(result.needsAnotherRead);
    await trx.deleteFrom("screening_ranks").where("round_id", "=", roundId).execute();
    await trx
      .insertInto("screening_ranks")
      .values(
        ranked.map((r) => ({
          application_id: r.application,
          round_id: roundId,
          raw_mean: r.rawMean,
          normalized_score: r.normalizedScore,
          reads: r.reads,
          rank: r.rank,
          position: r.position,
          flagged: flagged.has(r.application),
          computed_at: now,
        })),
      )
      .execute();
    await writeAudit(trx, who, {
      action: "screening.rank",
      entityType: "round",
      entityId: roundId,
      after: { ranked: ranked.length, scores: scores.length, residualSd: result.residualSd, flagged: result.needsAnotherRead.length },
    });
    return { ranked: ranked.length };
  });
}
