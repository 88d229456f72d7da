import { normalizeSeverity, validateNormalizationInput } from "../../domain/screening/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { loadRound, loadRubric, loadSettings, roundScoreInputs } from "./screening-record.ts";
import { personName } from "../../domain/person-name.ts";
import { type ReviewerChartText, reviewerScoresChartSvg } from "./reviewer-scores-chart.ts";

/**
 * The operator's ranking page: the stored ranking (normalized score, raw
 * mean, reads, disagreement flag, current status) and, per reviewer, the
 * number of submitted reads, their mean and spread and the estimated
 * severity with its standard error (computed from the current reads).
 */
export async function getScreeningRanking(ctx: ServiceContext, actor: Actor | null, roundId: string, chartText?: ReviewerChartText) {
  authorize(actor, "screening.manage");
  const round = await loadRound(ctx.db, roundId);
  const [settings, rubric, ranks] = await Promise.all([
    loadSettings(ctx.db, roundId),
    loadRubric(ctx.db, roundId),
    ctx.db
      .selectFrom("screening_ranks")
      .innerJoin("applications", "applications.id", "screening_ranks.application_id")
      .select([
        "screening_ranks.application_id",
        "screening_ranks.position",
        "screening_ranks.rank",
        "screening_ranks.raw_mean",
        "screening_ranks.normalized_score",
        "screening_ranks.reads",
        "screening_ranks.flagged",
        "screening_ranks.computed_at",
        "applications.receipt_number",
        "applications.family_name",
        "applications.given_name",
        "applications.nationality",
        "applications.status",
      ])
      .where("screening_ranks.round_id", "=", roundId)
      .orderBy("screening_ranks.position")
      .execute(),
  ]);
  const scores = await roundScoreInputs(ctx.db, roundId, rubric);
  const options = { disagreementThreshold: settings.disagreementThreshold };
  const stats = scores.length > 0 && validateNormalizationInput(scores, options).length === 0 ? normalizeSeverity(scores, options).reviewers : [];
  const names = new Map(
    stats.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom("user")
            .select(["id", "name"])
            .where(
              "id",
              "in",
              stats.map((s) => s.reviewer),
            )
            .execute()
        ).map((u) => [u.id, u.name]),
  );
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    settings,
    scale: rubric.scale,
    computedAt: ranks[0]?.computed_at ?? null,
    ranks: ranks.map((r) => ({
      applicationId: r.application_id,
      position: r.position,
      rank: r.rank,
      rawMean: Number(r.raw_mean),
      normalizedScore: Number(r.normalized_score),
      reads: r.reads,
      flagged: r.flagged,
      receiptNumber: r.receipt_number,
      name: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
      status: r.status,
    })),
    /** each reviewer's scores as an SVG chart (ADR 0036), when the page asked for it with its texts */
    chart:
      chartText && stats.length > 0
        ? reviewerScoresChartSvg(
            scores,
            stats.map((s) => ({ id: s.reviewer, name: names.get(s.reviewer) ?? "" })),
            rubric.scale,
            chartText,
          )
        : null,
    reviewers: stats.map((s) => ({
      reviewer: s.reviewer,
      name: names.get(s.reviewer) ?? "",
      count: s.count,
      mean: s.mean,
      sd: s.sd,
      severity: s.severity,
      standardError: s.standardError,
      estimable: s.estimable,
    })),
  };
}
