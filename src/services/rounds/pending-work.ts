/**
 * Counts the work pending in a round's current phase (src/domain/round-pending-work.ts says
 * which kinds each phase lists): host applications not yet decided, submitted applications
 * failing an eligibility rule with no override, screening reads not yet assigned or not yet
 * submitted, interviewed applicants with no selection decision, offers not yet answered by
 * both sides, incidents still open.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Phase } from "../../domain/round-phases.ts";
import { PENDING_WORK_BY_PHASE, type PendingWork, type PendingWorkKind, pendingWorkOf } from "../../domain/round-pending-work.ts";

type Db = Kysely<Database>;

const COUNTERS: Record<PendingWorkKind, (db: Db, roundId: string) => Promise<number>> = {
  hostApplicationsUndecided: async (db, roundId) =>
    count(
      db
        .selectFrom("host_applications")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("round_id", "=", roundId)
        .where("status", "=", "submitted"),
    ),
  eligibilityUndecided: async (db, roundId) =>
    count(
      db
        .selectFrom("applications")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("round_id", "=", roundId)
        .where("status", "=", "submitted")
        .where(sql<boolean>`cardinality(applications.eligibility_unmet) > 0`),
    ),
  readsUnassigned: async (db, roundId) => {
    const settings = await db.selectFrom("screening_settings").select("reads").where("round_id", "=", roundId).executeTakeFirst();
    const reads = settings?.reads ?? 2;
    const rows = await db
      .selectFrom("applications")
      .leftJoin("review_assignments", "review_assignments.application_id", "applications.id")
      .select((eb) => eb.fn.count<string>("review_assignments.id").as("n"))
      .where("applications.round_id", "=", roundId)
      .where("applications.status", "=", "under_review")
      .groupBy("applications.id")
      .execute();
    return rows.reduce((sum, r) => sum + Math.max(0, reads - Number(r.n)), 0);
  },
  readsOutstanding: async (db, roundId) =>
    count(
      db
        .selectFrom("review_assignments")
        .innerJoin("applications", "applications.id", "review_assignments.application_id")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("applications.round_id", "=", roundId)
        .where("applications.status", "=", "under_review")
        .where("review_assignments.completed_at", "is", null),
    ),
  selectionUndecided: async (db, roundId) =>
    count(
      db
        .selectFrom("applications")
        .leftJoin("selection_decisions", "selection_decisions.application_id", "applications.id")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("applications.round_id", "=", roundId)
        .where("applications.status", "=", "interview")
        .where("selection_decisions.application_id", "is", null),
    ),
  offersUnsettled: async (db, roundId) =>
    count(
      db
        .selectFrom("offers")
        .innerJoin("matching_runs", "matching_runs.id", "offers.run_id")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("matching_runs.round_id", "=", roundId)
        .where("offers.status", "=", "pending"),
    ),
  incidentsOpen: async (db, roundId) =>
    count(
      db
        .selectFrom("incidents")
        .innerJoin("placements", "placements.id", "incidents.placement_id")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("placements.round_id", "=", roundId)
        .where("incidents.status", "=", "open"),
    ),
};

async function count(q: { executeTakeFirst(): Promise<{ n: string | number | bigint } | undefined> }): Promise<number> {
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

export async function countPendingWork(db: Db, roundId: string, phase: Phase): Promise<PendingWork[]> {
  const kinds = PENDING_WORK_BY_PHASE[phase];
  const counts = await Promise.all(kinds.map(async (kind) => [kind, await COUNTERS[kind](db, roundId)] as const));
  return pendingWorkOf(phase, Object.fromEntries(counts));
}
