/** Gathers the facts the phase machine needs about one round (inside the caller's transaction). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type DeadlineKind, type RoundFacts, isPhase } from "../../domain/round-phases.ts";

export async function loadRoundFacts(
  db: Kysely<Database>,
  round: { id: string; phase: string; selection_results_final: boolean; matching_published: boolean },
  now: Date,
): Promise<RoundFacts> {
  const [deadlines, apps, hosts, placements] = await Promise.all([
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
  };
}
