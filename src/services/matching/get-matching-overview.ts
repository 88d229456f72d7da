import { type MatchingMode, type ModeLock, modeLock } from "../../domain/matching/shortlist.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type MatchingRound, findRound, positionsOfRound, takeSnapshot } from "./matching-record.ts";
import { waitingListOf } from "./move-waiting-list-into-matching.ts";

export interface RunSummary {
  id: string;
  stage: number;
  status: string;
  caps: Record<string, number>;
  matched: number;
  applicants: number;
  stable: boolean | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface MatchingOverview {
  round: MatchingRound;
  canRun: boolean;
  selected: number;
  applicantListsSubmitted: number;
  positions: number;
  seats: number;
  positionListsSubmitted: number;
  next: { stage: number; applicants: number; positions: number; seats: number; hash: string };
  regions: { code: string; nameJa: string; nameEn: string; seats: number }[];
  runs: RunSummary[];
  offers: { pending: number; accepted: number; declined: number; withdrawn: number };
  /** the selection's waiting list still waiting, in order (ADR 0034), and whether the operator may move some into matching */
  waitingList: { id: string; code: string; rank: number | null }[];
  /** the round's positions, for the suggestion of each one's shortlist */
  positionList: { id: string; title: string; organizationJa: string; organizationEn: string | null; capacity: number }[];
  canMoveWaitingList: boolean;
  /** the matching mode (ADR 0037), and why it can no longer change (null = the operator may change it) */
  mode: { mode: MatchingMode; lock: ModeLock | null; canSet: boolean };
}

/** The operator's (and the ministry's) view of a round's matching: inputs, the next run's snapshot, the runs, the offers. */
export async function getMatchingOverview(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<MatchingOverview> {
  const who = authorize(actor, "round.read");
  const round = await findRound(ctx.db, roundId);
  const positions = await positionsOfRound(ctx.db, round.id);
  const count = async (side: "applicant" | "position") =>
    Number(
      (
        await ctx.db
          .selectFrom("rank_lists")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("round_id", "=", round.id)
          .where("side", "=", side)
          .where("submitted_at", "is not", null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const selected = await ctx.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("round_id", "=", round.id)
    .where("status", "in", ["selected", "matched"])
    .executeTakeFirstOrThrow();
  const snapshot = await takeSnapshot(ctx.db, round.id, ctx.clock());
  const runs = await ctx.db
    .selectFrom("matching_runs as r")
    .leftJoin("matching_verifications as v", "v.run_id", "r.id")
    .select(["r.id", "r.stage", "r.status", "r.region_caps", "r.matched_count", "r.instance", "r.created_at", "r.published_at", "v.stable"])
    .where("r.round_id", "=", round.id)
    .orderBy("r.created_at", "desc")
    .execute();
  const offers = await ctx.db
    .selectFrom("offers as o")
    .innerJoin("matching_runs as r", "r.id", "o.run_id")
    .select(["o.status", (eb) => eb.fn.countAll<string>().as("n")])
    .where("r.round_id", "=", round.id)
    .groupBy("o.status")
    .execute();
  const waitingList = await waitingListOf(ctx.db, round.id);
  const offerCount = (s: string) => Number(offers.find((o) => o.status === s)?.n ?? 0);
  const regions = new Map<string, { code: string; nameJa: string; nameEn: string; seats: number }>();
  for (const p of positions) {
    const r = regions.get(p.regionCode) ?? { code: p.regionCode, nameJa: p.regionJa, nameEn: p.regionEn, seats: 0 };
    r.seats += p.capacity;
    regions.set(p.regionCode, r);
  }
  const rankLists = await ctx.db
    .selectFrom("rank_lists")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("round_id", "=", round.id)
    .executeTakeFirstOrThrow();
  const lock = modeLock({ phase: round.phase, rankListsSaved: Number(rankLists.n) });
  return {
    mode: { mode: round.matchingMode, lock, canSet: who.role === "operator" && lock === null },
    round,
    canRun: who.role === "operator" && round.phase === "matching",
    selected: Number(selected.n),
    applicantListsSubmitted: await count("applicant"),
    positions: positions.length,
    seats: positions.reduce((s, p) => s + p.capacity, 0),
    positionListsSubmitted: await count("position"),
    next: {
      stage: snapshot.stage,
      applicants: snapshot.instance.applicants.length,
      positions: snapshot.instance.hosts.length,
      seats: snapshot.instance.hosts.reduce((s, h) => s + h.capacity, 0),
      hash: snapshot.hash,
    },
    regions: [...regions.values()],
    runs: runs.map((r) => ({
      id: r.id,
      stage: r.stage,
      status: r.status,
      caps: r.region_caps as Record<string, number>,
      matched: r.matched_count,
      applicants: ((r.instance as { applicants?: unknown[] }).applicants ?? []).length,
      stable: r.stable,
      createdAt: r.created_at,
      publishedAt: r.published_at,
    })),
    waitingList,
    positionList: positions.map((p) => ({
      id: p.id,
      title: p.title,
      organizationJa: p.organizationJa,
      organizationEn: p.organizationEn,
      capacity: p.capacity,
    })),
    canMoveWaitingList: who.role === "operator" && round.phase === "matching" && waitingList.length > 0 && snapshot.instance.hosts.length > 0,
    offers: { pending: offerCount("pending"), accepted: offerCount("accepted"), declined: offerCount("declined"), withdrawn: offerCount("withdrawn") },
  };
}
