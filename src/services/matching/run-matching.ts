import { REGIONS } from "../../domain/regions.ts";
import { solve, validateInstance } from "../../domain/matching/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { ENGINE_VERSION, findRound, takeSnapshot } from "./matching-record.ts";

/** Regional caps from the form: `cap.<region>` blank (uncapped) or a whole number >= 0. */
export function capsFromForm(raw: unknown): Record<string, number> {
  return regionNumbersFromForm(raw, "cap");
}

/** Regional floors from the form (`floor.<region>`, ADR 0034): stored with the run, not enforced by the engine. */
export function floorsFromForm(raw: unknown): Record<string, number> {
  return regionNumbersFromForm(raw, "floor");
}

function regionNumbersFromForm(raw: unknown, field: "cap" | "floor"): Record<string, number> {
  const caps = ((raw as Record<string, Record<string, unknown> | undefined> | null)?.[field] ?? {}) as Record<string, unknown>;
  const out: Record<string, number> = {};
  const errors: Record<string, { key: string }[]> = {};
  for (const region of REGIONS) {
    const text = String(caps[region] ?? "").trim();
    if (text === "") continue;
    if (!/^[0-9]{1,6}$/.test(text)) errors[`${field}.${region}`] = [{ key: "errors.wholeNumber" }];
    else out[region] = Number(text);
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return out;
}

/**
 * The operator runs the engine for a round's next stage on a frozen snapshot of the inputs
 * (stored with the run, with its sha-256 and the engine version), with optional regional caps.
 * The independent verification and the explanations are stored with it. Never overwrites: each
 * run is new; variants (caps on, off, changed) sit side by side until one is published.
 */
export async function runMatching(ctx: ServiceContext, actor: Actor | null, input: { roundId: string; form: unknown }): Promise<{ runId: string }> {
  const who = authorize(actor, "round.manage");
  const round = await findRound(ctx.db, input.roundId);
  const caps = capsFromForm(input.form);
  const floors = floorsFromForm(input.form);
  if (round.phase !== "matching") throw new RefusedError("matchingStaff.refusals", [{ code: "not_matching_phase", phase: round.phase }]);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const snapshot = await takeSnapshot(trx, round.id, now);
    if (snapshot.instance.applicants.length === 0 || snapshot.instance.hosts.length === 0) {
      throw new RefusedError("matchingStaff.refusals", [
        { code: "nothing_to_match", applicants: snapshot.instance.applicants.length, positions: snapshot.instance.hosts.length },
      ]);
    }
    const instance = Object.keys(caps).length > 0 ? { ...snapshot.instance, regionCaps: caps } : snapshot.instance;
    const valid = validateInstance(instance);
    if (!valid.ok) throw new Error(`matching snapshot is not a valid instance: ${valid.error}`);
    const result = solve(instance, { proposing: "applicants", explain: true }, valid.index);
    const runId = crypto.randomUUID();
    await trx
      .insertInto("matching_runs")
      .values({
        id: runId,
        round_id: round.id,
        stage: snapshot.stage,
        proposing: "applicants",
        region_caps: JSON.stringify(caps),
        region_floors: JSON.stringify(floors),
        input_hash: snapshot.hash,
        status: "computed",
        created_by: who.userId,
        created_at: now,
        engine_version: ENGINE_VERSION,
        instance: JSON.stringify(instance),
        host_explanations: JSON.stringify(result.explanations?.hosts ?? {}),
        matched_count: result.assignments.length,
      })
      .execute();
    const hostOf = new Map(result.assignments.map((a) => [a.applicant, a.host]));
    const rows = instance.applicants.map((a) => ({
      run_id: runId,
      application_id: a.id,
      position_id: hostOf.get(a.id) ?? null,
      explanation: JSON.stringify(result.explanations?.applicants[a.id] ?? {}),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto("matching_results")
        .values(rows.slice(i, i + 500))
        .execute();
    const v = result.verification;
    await trx
      .insertInto("matching_verifications")
      .values({
        run_id: runId,
        stable: v.stable,
        feasible: v.feasible,
        notion: v.notion,
        blocking_pairs: JSON.stringify(v.blockingPairs),
        violations: JSON.stringify(v.violations),
        verified_at: now,
      })
      .execute();
    await writeAudit(trx, who, {
      action: "matching.run",
      entityType: "matching_run",
      entityId: runId,
      after: { roundId: round.id, stage: snapshot.stage, caps, floors, inputHash: snapshot.hash, matched: result.assignments.length, stable: v.stable },
    });
    return { runId };
  });
}
