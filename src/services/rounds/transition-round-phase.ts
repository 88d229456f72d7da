import { z } from "zod";
import { type Phase, type Refusal, checkTransition, isPhase, isWaivable } from "../../domain/round-phases.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { optionalText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadRoundFacts } from "./load-round-facts.ts";

const overrideSchema = z.object({ overrideReason: optionalText(1000) });

/**
 * Moves a round to its next phase when every precondition holds. A refused
 * transition throws RefusedError with the reasons and changes nothing.
 * The round row is locked so two operators cannot both move it. An
 * `overrideReason` waives the waivable refusals (screening's missing reads);
 * the audit entry keeps the reason and what it waived.
 */
export async function transitionRoundPhase(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { roundId: string; to: string; overrideReason?: string },
): Promise<{ from: Phase; to: Phase }> {
  const who = authorize(actor, "round.manage");
  const to = input.to;
  if (!isPhase(to)) throw new ValidationError({ to: [{ key: "errors.invalid" }] });
  const overrideReason = parseInput(overrideSchema, { overrideReason: input.overrideReason }).overrideReason ?? "";
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx
      .selectFrom("rounds")
      .select(["id", "phase", "selection_results_final", "matching_published"])
      .where("id", "=", input.roundId)
      .forUpdate()
      .executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const facts = await loadRoundFacts(trx, round, ctx.clock());
    const check = checkTransition(facts, to, overrideReason !== "");
    if (!check.ok) throw new RefusedError<Refusal>("refusals", check.refusals);
    const strict = checkTransition(facts, to);
    const waived = strict.ok ? [] : strict.refusals.filter(isWaivable);
    await trx.updateTable("rounds").set({ phase: to, updated_at: ctx.clock() }).where("id", "=", round.id).execute();
    await writeAudit(trx, who, {
      action: "round.transition",
      entityType: "round",
      entityId: round.id,
      before: { phase: facts.phase },
      after: waived.length > 0 ? { phase: to, override: { reason: overrideReason, waived } } : { phase: to },
    });
    return { from: facts.phase, to };
  });
}
