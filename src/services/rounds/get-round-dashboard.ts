import { type Phase, type Refusal, DEADLINE_KINDS, checkTransition, nextPhase } from "../../domain/round-phases.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { loadRoundFacts } from "./load-round-facts.ts";
import { type HostCounts, countHostApplications } from "../hosts/host-application-rows.ts";
import type { PendingWork } from "../../domain/round-pending-work.ts";
import { countPendingWork } from "./pending-work.ts";

export interface RoundDashboard {
  id: string;
  fiscalYear: number;
  nameJa: string;
  nameEn: string;
  phase: Phase;
  eligibilityReferenceDate: string;
  dacListVersion: string;
  ageMin: number;
  ageMax: number;
  internCapacity: number;
  deadlines: { kind: string; dueAt: Date | null }[];
  applicationsByStatus: Record<string, number>;
  hostApplicationsByStatus: Record<string, number>;
  informationSessions: number;
  /** Submitted host applications by region, JSIC division and size class. */
  hostCounts: HostCounts;
  /** What is left to do in the current phase (kinds with nothing left are left out). */
  pendingWork: PendingWork[];
  next: { phase: Phase; refusals: Refusal[] } | null;
}

/** The operator's view of one round: phase, deadlines, counts, and what the next transition needs. */
export async function getRoundDashboard(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RoundDashboard> {
  authorize(actor, "round.read");
  const round = await ctx.db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const [facts, apps, hosts, sessions, deadlines] = await Promise.all([
    loadRoundFacts(ctx.db, round, ctx.clock()),
    ctx.db
      .selectFrom("applications")
      .select((eb) => ["status", eb.fn.countAll<string>().as("n")])
      .where("round_id", "=", roundId)
      .groupBy("status")
      .execute(),
    ctx.db
      .selectFrom("host_applications")
      .select((eb) => ["status", eb.fn.countAll<string>().as("n")])
      .where("round_id", "=", roundId)
      .groupBy("status")
      .execute(),
    ctx.db
      .selectFrom("information_sessions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", roundId)
      .where("cancelled_at", "is", null)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", roundId).execute(),
  ]);
  const hostCounts = await countHostApplications(ctx.db, roundId);
  const pendingWork = await countPendingWork(ctx.db, roundId, facts.phase);
  const next = nextPhase(facts.phase);
  const check = next ? checkTransition(facts, next) : null;
  const byKind = new Map(deadlines.map((d) => [d.kind, d.due_at]));
  return {
    id: round.id,
    fiscalYear: round.fiscal_year,
    nameJa: round.name_ja,
    nameEn: round.name_en,
    phase: facts.phase,
    eligibilityReferenceDate: round.eligibility_reference_date,
    dacListVersion: round.dac_list_version,
    ageMin: round.age_min,
    ageMax: round.age_max,
    internCapacity: round.intern_capacity,
    deadlines: DEADLINE_KINDS.map((kind) => ({ kind, dueAt: byKind.get(kind) ?? null })),
    applicationsByStatus: Object.fromEntries(apps.map((a) => [a.status, Number(a.n)])),
    hostApplicationsByStatus: Object.fromEntries(hosts.map((h) => [h.status, Number(h.n)])),
    informationSessions: Number(sessions.n),
    hostCounts,
    pendingWork,
    next: next && check ? { phase: next, refusals: check.ok ? [] : check.refusals } : null,
  };
}
