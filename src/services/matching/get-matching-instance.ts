import type { MatchingInstance } from "../../domain/matching/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";

/**
 * A run's frozen instance, anonymized for the verification certificate's download: applicants
 * become a1, a2… and positions h1, h2… in the stored (sorted) order; lists, capacities, regions
 * and caps are kept, so `bin/jip match` re-solves it to the same matching. No personal data.
 */
export async function getMatchingInstance(
  ctx: ServiceContext,
  actor: Actor | null,
  runId: string,
): Promise<{ runId: string; inputHash: string; instance: MatchingInstance }> {
  authorize(actor, "round.read");
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new NotFoundError("matching_run");
  const run = await ctx.db.selectFrom("matching_runs").select(["id", "instance", "input_hash"]).where("id", "=", runId).executeTakeFirst();
  if (!run) throw new NotFoundError("matching_run");
  return { runId: run.id, inputHash: run.input_hash, instance: anonymize(run.instance as unknown as MatchingInstance) };
}

export function anonymize(instance: MatchingInstance): MatchingInstance {
  const a = new Map(instance.applicants.map((x, i) => [x.id, `a${i + 1}`]));
  const h = new Map(instance.hosts.map((x, i) => [x.id, `h${i + 1}`]));
  return {
    applicants: instance.applicants.map((x) => ({ id: a.get(x.id)!, preferences: x.preferences.map((p) => h.get(p)!) })),
    hosts: instance.hosts.map((x) => ({
      id: h.get(x.id)!,
      capacity: x.capacity,
      ...(x.region ? { region: x.region } : {}),
      preferences: x.preferences.map((p) => a.get(p)!),
    })),
    ...(instance.regionCaps ? { regionCaps: instance.regionCaps } : {}),
  };
}
