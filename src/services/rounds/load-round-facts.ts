/** Gathers the facts the phase machine needs about one round (inside the caller's transaction). */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type DeadlineKind, type RoundFacts, isPhase } from "../../domain/round-phases.ts";
import { DEFAULT_READS } from "../../domain/screening/recommendation.ts";

export async function loadRoundFacts(
  db: Kysely<Database>,
  round: { id: string; phase: string; selection_results_final: boolean; matching_published: boolean },
  now: Date,
): Promise<RoundFacts> {
  const [deadlines, apps, hosts, placements, screening] = await Promise.all([
    db.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", round.id).execute(),
    db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", round.id)
      .where("submitted_at", "is not", null)
      .where("status", "not in", ["withdrawn", "anonymized"])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("host_applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", round.id)
      .where("status", "=", "accepted")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("placements")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow(),
    round.phase === "screening" ? screeningShortfall(db, round.id) : { reads: DEFAULT_READS, short: 0 },
  ]);
  if (!isPhase(round.phase)) throw new Error(`round ${round.id} has an unknown phase ${round.phase}`);
  return {
    phase: round.phase,
    now,
    deadlines: Object.fromEntries(deadlines.map((d) => [d.kind as DeadlineKind, d.due_at])),
    submittedApplications: Number(apps.n),
    acceptedHostApplications: Number(hosts.n),
    selectionResultsFinal: round.selection_results_final,
    matchingPublished: round.matching_published,
    placements: Number(placements.n),
    screeningReads: screening.reads,
    screeningShort: screening.short,
  };
}

/**
 * The round's reads per application (`k`) and how many eligible screened
 * applications (submitted, under review, or already sent to interview) have
 * fewer than `k` submitted reads: screening cannot end before that is zero
 * (or the operator waives it with a reason).
 */
async function screeningShortfall(db: Kysely<Database>, roundId: string): Promise<{ reads: number; short: number }> {
  const settings = await db.selectFrom("screening_settings").select("reads").where("round_id", "=", roundId).executeTakeFirst();
  const reads = settings?.reads ?? DEFAULT_READS;
  const row = await db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("applications.round_id", "=", roundId)
    .where("applications.status", "in", ["submitted", "under_review", "interview"])
    .where(sql<boolean>`cardinality(applications.eligibility_unmet) = 0`)
    .where(
      sql<boolean>`(select count(*) from review_assignments where review_assignments.application_id = applications.id and review_assignments.completed_at is not null) < ${reads}`,
    )
    .executeTakeFirstOrThrow();
  return { reads, short: Number(row.n) };
}
