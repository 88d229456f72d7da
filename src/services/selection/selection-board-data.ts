/**
 * The committee's ranking and the suggestion (internal helper, issue 14):
 * every application of the round that reached the interviews, its normalized
 * document score (selection_document_scores, from screening), its interview
 * score (the mean of the criteria, averaged over the stages held), combined
 * with the round's weights (src/domain/selection/ranking.ts), then filled into
 * the round's places subject to its quotas (select.ts), with each decision
 * taken so far.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { INTERVIEW_SCORE } from "../../domain/interviews/index.ts";
import { type QuotaRule, type RankingRules, rankCandidates, selectWithQuotas } from "../../domain/selection/index.ts";
import { personName } from "../../domain/person-name.ts";
import worldRegions from "../../db/reference/world-regions.json" with { type: "json" };

/** Country (ISO 3166-1 alpha-2) → world region (UN M49 grouping, as the yearly report uses), for quotas such as "min 5 region = africa". */
const REGION_OF_COUNTRY = new Map(worldRegions.regions.flatMap((r) => r.countries.map((c) => [c, r.code] as const)));

export const CANDIDATE_STATUSES = ["interview", "selected", "waitlisted", "rejected"] as const;

export async function roundSettings(db: Kysely<Database>, roundId: string, lock = false) {
  let q = db
    .selectFrom("rounds")
    .select([
      "id",
      "name_ja",
      "name_en",
      "phase",
      "intern_capacity",
      "selection_results_final",
      "selection_document_weight",
      "selection_interview_weight",
      "selection_quotas",
    ])
    .where("id", "=", roundId);
  if (lock) q = q.forUpdate();
  const round = await q.executeTakeFirst();
  if (!round) return null;
  return { ...round, quotas: (Array.isArray(round.selection_quotas) ? round.selection_quotas : []) as unknown as QuotaRule[] };
}

export function rankingRules(round: { selection_document_weight: number; selection_interview_weight: number }): RankingRules {
  return {
    components: [
      { key: "document", weight: round.selection_document_weight, scale: { min: 0, max: 100 }, whenMissing: "exclude" },
      { key: "interview", weight: round.selection_interview_weight, scale: { ...INTERVIEW_SCORE }, whenMissing: "minimum" },
    ],
    tieBreak: ["interview", "document"],
  };
}

export async function loadCandidates(db: Kysely<Database>, roundId: string) {
  const apps = await db
    .selectFrom("applications as a")
    .leftJoin("selection_document_scores as d", "d.application_id", "a.id")
    .leftJoin("selection_decisions as sd", "sd.application_id", "a.id")
    .select([
      "a.id",
      "a.status",
      "a.receipt_number",
      "a.family_name",
      "a.given_name",
      "a.nationality",
      "a.preferred_fields",
      "a.submitted_at",
      "d.score as document",
      "sd.decision",
      "sd.waitlist_rank",
      "sd.reason",
      "sd.suggested",
    ])
    .where("a.round_id", "=", roundId)
    .where("a.status", "in", [...CANDIDATE_STATUSES])
    .execute();
  const stageScores = await db
    .selectFrom("interviews as i")
    .innerJoin("interview_scores as s", "s.interview_id", "i.id")
    .select(["i.application_id", "i.stage", (eb) => eb.fn.avg<string>("s.score").as("avg")])
    .where("i.round_id", "=", roundId)
    .where("i.status", "=", "done")
    .groupBy(["i.application_id", "i.stage"])
    .execute();
  const interview = new Map<string, number[]>();
  for (const r of stageScores) {
    const list = interview.get(r.application_id) ?? [];
    list.push(Number(r.avg));
    interview.set(r.application_id, list);
  }
  return apps.map((a) => {
    const stages = interview.get(a.id) ?? [];
    return {
      id: a.id,
      status: a.status,
      receiptNumber: a.receipt_number,
      name: personName({ familyName: a.family_name, givenName: a.given_name, nationality: a.nationality }) ?? "",
      nationality: a.nationality ?? "",
      region: REGION_OF_COUNTRY.get(a.nationality ?? "") ?? "",
      field: a.preferred_fields[0] ?? "",
      submittedAt: a.submitted_at,
      document: a.document === null ? null : Number(a.document),
      interview: stages.length === 0 ? null : stages.reduce((x, y) => x + y, 0) / stages.length,
      decision: a.decision,
      waitlistRank: a.waitlist_rank,
      reason: a.reason,
      suggested: a.suggested,
    };
  });
}

export type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

/** Ranking, suggestion and the reasons for each skipped candidate. */
export function suggest(round: NonNullable<Awaited<ReturnType<typeof roundSettings>>>, candidates: readonly Candidate[]) {
  const ranking = rankCandidates(
    rankingRules(round),
    candidates.map((c) => ({
      id: c.id,
      attributes: { nationality: c.nationality, region: c.region, field: c.field },
      scores: { document: c.document, interview: c.interview },
      ...(c.submittedAt ? { tieBreakKey: c.submittedAt.toISOString() } : {}),
    })),
  );
  const selection = selectWithQuotas({ candidates: ranking.ranked, places: round.intern_capacity, quotas: round.quotas });
  return { ranking, selection };
}
