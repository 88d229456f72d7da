import { assignReviewers, normalizeSeverity, rankApplications, validateAssignmentInstance, validateNormalizationInput } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { applyAssignment, buildInstance, loadRound, loadRubric, loadSettings, roundScoreInputs } from "./screening-record.ts";

type Db = Kysely<Database>;

export interface RankingOutcome {
  ranked: number;
  /** applications flagged for disagreement in this computation */
  flagged: number;
  /** flagged applications given their extra read now */
  extraReadsAssigned: number;
  /** flagged applications still waiting for a reviewer to take their extra read (no free capacity now) */
  extraReadsWaiting: number;
}

/**
 * The operator (re)computes the round's ranking: the submitted reads are
 * normalized for reviewer severity (least squares, severities summing to zero
 * per connected part; ADR 0012), ranked (ties broken by raw mean, reads, id),
 * and stored in screening_ranks, replacing the previous ranking, for
 * selection (#14) to read. Refused without any submitted read or once
 * screening is closed.
 *
 * An application whose adjusted reads spread more than the round's
 * disagreement threshold is flagged and gets one more read, once: it is
 * marked in screening_extra_reads (it then needs k + 1 reads) and the
 * assignment solver runs at once, keeping every other assignment. When no
 * reviewer is free the mark stays and the operator's next assignment run
 * fills it. Audited with the ranking.
 */
export async function computeScreeningRanking(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RankingOutcome> {
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
    const extra = await requestExtraReads(
      trx,
      roundId,
      result.applications.filter((a) => a.flagged).map((a) => ({ application: a.application, spread: a.disagreement })),
      now,
    );
    let extraReadsAssigned = 0;
    if (extra.length > 0) {
      const { instance } = await buildInstance(trx, roundId, settings.reads);
      const solved = validateAssignmentInstance(instance).ok ? assignReviewers(instance) : null;
      if (solved?.status === "assigned" && solved.check.valid) {
        const added = new Set(solved.assignments.filter((x) => !x.kept).map((x) => x.application));
        extraReadsAssigned = extra.filter((id) => added.has(id)).length;
        await applyAssignment(trx, who, roundId, solved, now);
      }
    }
    await writeAudit(trx, who, {
      action: "screening.rank",
      entityType: "round",
      entityId: roundId,
      after: {
        ranked: ranked.length,
        scores: scores.length,
        residualSd: result.residualSd,
        flagged: result.needsAnotherRead.length,
        extraReads: extra,
        extraReadsAssigned,
      },
    });
    return { ranked: ranked.length, flagged: flagged.size, extraReadsAssigned, extraReadsWaiting: extra.length - extraReadsAssigned };
  });
}

/**
 * Marks the flagged applications that have not had their extra read yet
 * (one extra read per application, ever); returns the ones marked now.
 */
async function requestExtraReads(trx: Db, roundId: string, flagged: { application: string; spread: number }[], now: Date): Promise<string[]> {
  if (flagged.length === 0) return [];
  const rows = await trx
    .insertInto("screening_extra_reads")
    .values(flagged.map((f) => ({ application_id: f.application, round_id: roundId, spread: f.spread, requested_at: now })))
    .onConflict((oc) => oc.column("application_id").doNothing())
    .returning("application_id")
    .execute();
  return rows.map((r) => r.application_id).sort();
}
