import type { ApplicantExplanation, BlockingPair, HostExplanation, MatchingInstance, Violation } from "../../domain/matching/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { positionsOfRound } from "./matching-record.ts";

export interface RunDetail {
  id: string;
  roundId: string;
  stage: number;
  status: string;
  engineVersion: string;
  inputHash: string;
  caps: Record<string, number>;
  createdAt: Date;
  publishedAt: Date | null;
  canPublish: boolean;
  /** the operator may record the committee's approval (computed and verified, ADR 0034) */
  canApprove: boolean;
  /** the committee's approval once recorded: its date, reference, when it was recorded */
  review: { approvedOn: string; reference: string; reviewedAt: Date } | null;
  verification: { notion: string; stable: boolean; feasible: boolean; blockingPairs: BlockingPair[]; violations: Violation[]; verifiedAt: Date } | null;
  applicants: number;
  seats: number;
  matched: number;
  /** per region: seats in the run, matched, its cap (null: uncapped) */
  regions: { code: string; nameJa: string; nameEn: string; seats: number; matched: number; cap: number | null; floor: number | null; belowFloor: number }[];
  /** one row per applicant of the run: candidate code, matched position (or null), explanation */
  results: { applicationId: string; code: string; positionId: string | null; explanation: ApplicantExplanation }[];
  positions: Record<string, { title: string; organizationJa: string; organizationEn: string | null; regionCode: string }>;
  hosts: Record<string, HostExplanation>;
  codes: Record<string, string>;
  /** other runs of the same stage (what-if variants) */
  variants: { id: string; caps: Record<string, number>; matched: number; status: string }[];
  /** with ?compare=: the other run's matched count, per-region counts and the applicants placed differently */
  comparison: {
    id: string;
    caps: Record<string, number>;
    matched: number;
    regions: Record<string, number>;
    differences: { code: string; here: string | null; there: string | null }[];
  } | null;
}

/** One run for the operator and the ministry: verification, per-region counts against caps, every result and why; optionally compared with a variant. */
export async function getMatchingRun(ctx: ServiceContext, actor: Actor | null, runId: string, compareId?: string | null): Promise<RunDetail> {
  const who = authorize(actor, "round.read");
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new NotFoundError("matching_run");
  const run = await ctx.db.selectFrom("matching_runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run) throw new NotFoundError("matching_run");
  const v = await ctx.db.selectFrom("matching_verifications").selectAll().where("run_id", "=", run.id).executeTakeFirst();
  const positions = await positionsOfRound(ctx.db, run.round_id);
  const positionInfo = Object.fromEntries(
    positions.map((p) => [p.id, { title: p.title, organizationJa: p.organizationJa, organizationEn: p.organizationEn, regionCode: p.regionCode }]),
  );
  const results = await ctx.db
    .selectFrom("matching_results as m")
    .innerJoin("applications as a", "a.id", "m.application_id")
    .select(["m.application_id", "m.position_id", "m.explanation", "a.receipt_number"])
    .where("m.run_id", "=", run.id)
    .orderBy("a.receipt_number")
    .execute();
  const codes = Object.fromEntries(results.map((r) => [r.application_id, r.receipt_number ?? r.application_id.slice(0, 8)]));
  const instance = run.instance as unknown as MatchingInstance;
  const caps = run.region_caps as Record<string, number>;
  const floors = run.region_floors as Record<string, number>;
  const regionOf = new Map(instance.hosts.map((h) => [h.id, h.region ?? ""]));
  const regionCounts = (rows: { position_id: string | null }[]) => {
    const out: Record<string, number> = {};
    for (const r of rows) if (r.position_id) out[regionOf.get(r.position_id) ?? ""] = (out[regionOf.get(r.position_id) ?? ""] ?? 0) + 1;
    return out;
  };
  const counts = regionCounts(results);
  const regionNames = new Map(positions.map((p) => [p.regionCode, { nameJa: p.regionJa, nameEn: p.regionEn }]));
  const regionSeats: Record<string, number> = {};
  for (const h of instance.hosts) regionSeats[h.region ?? ""] = (regionSeats[h.region ?? ""] ?? 0) + h.capacity;
  for (const code of Object.keys(floors)) regionSeats[code] ??= 0;
  const variants = await ctx.db
    .selectFrom("matching_runs")
    .select(["id", "region_caps", "matched_count", "status"])
    .where("round_id", "=", run.round_id)
    .where("stage", "=", run.stage)
    .where("id", "!=", run.id)
    .orderBy("created_at")
    .execute();
  let comparison: RunDetail["comparison"] = null;
  const other = variants.find((x) => x.id === compareId);
  if (other) {
    const theirs = await ctx.db.selectFrom("matching_results").select(["application_id", "position_id"]).where("run_id", "=", other.id).execute();
    const there = new Map(theirs.map((r) => [r.application_id, r.position_id]));
    const title = (id: string | null | undefined) => (id ? (positionInfo[id]?.title ?? id) : null);
    comparison = {
      id: other.id,
      caps: other.region_caps as Record<string, number>,
      matched: other.matched_count,
      regions: regionCounts(theirs),
      differences: results
        .filter((r) => (there.get(r.application_id) ?? null) !== r.position_id)
        .map((r) => ({ code: codes[r.application_id]!, here: title(r.position_id), there: title(there.get(r.application_id)) })),
    };
  }
  return {
    id: run.id,
    roundId: run.round_id,
    stage: run.stage,
    status: run.status,
    engineVersion: run.engine_version,
    inputHash: run.input_hash,
    caps,
    createdAt: run.created_at,
    publishedAt: run.published_at,
    canPublish: who.role === "operator" && run.status === "reviewed",
    canApprove: who.role === "operator" && run.status === "computed" && v?.stable === true && v.feasible,
    review:
      run.committee_approved_on && run.reviewed_at
        ? { approvedOn: String(run.committee_approved_on).slice(0, 10), reference: run.committee_reference ?? "", reviewedAt: run.reviewed_at }
        : null,
    verification: v
      ? {
          notion: v.notion,
          stable: v.stable,
          feasible: v.feasible,
          blockingPairs: v.blocking_pairs as unknown as BlockingPair[],
          violations: v.violations as unknown as Violation[],
          verifiedAt: v.verified_at,
        }
      : null,
    applicants: instance.applicants.length,
    seats: instance.hosts.reduce((s, h) => s + h.capacity, 0),
    matched: run.matched_count,
    regions: Object.keys(regionSeats)
      .sort()
      .map((code) => ({
        code,
        nameJa: regionNames.get(code)?.nameJa ?? code,
        nameEn: regionNames.get(code)?.nameEn ?? code,
        seats: regionSeats[code]!,
        matched: counts[code] ?? 0,
        cap: caps[code] ?? null,
        floor: floors[code] ?? null,
        belowFloor: Math.max(0, (floors[code] ?? 0) - (counts[code] ?? 0)),
      })),
    results: results.map((r) => ({
      applicationId: r.application_id,
      code: codes[r.application_id]!,
      positionId: r.position_id,
      explanation: r.explanation as unknown as ApplicantExplanation,
    })),
    positions: positionInfo,
    hosts: run.host_explanations as unknown as Record<string, HostExplanation>,
    codes,
    variants: variants.map((x) => ({ id: x.id, caps: x.region_caps as Record<string, number>, matched: x.matched_count, status: x.status })),
    comparison,
  };
}
