/**
 * The committee decides one candidate (issue 14): selected, waiting list or
 * not selected, with a reason. A decision against the suggestion needs a
 * reason (the override is recorded with both). A waiting-list decision takes
 * the next place on the ordered list. Refused once the results are final.
 * Applicants learn the decisions only when the results go final.
 */
import { z } from "zod";
import { SELECTION_DECISIONS } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadCandidates, roundSettings, suggest } from "./selection-board-data.ts";

const schema = z.object({
  applicationId: requiredText(100),
  decision: z.enum(SELECTION_DECISIONS, { error: "errors.required" }),
  reason: optionalText(1000),
});

export async function decideSelection(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "selection.decide");
  const input = parseInput(schema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const round = await roundSettings(trx, roundId, true);
    if (!round) throw new NotFoundError("round");
    if (round.selection_results_final) throw new RefusedError("selection.refusals", [{ code: "results_final" }]);
    const candidates = await loadCandidates(trx, roundId);
    const candidate = candidates.find((c) => c.id === input.applicationId && c.status === "interview");
    if (!candidate) throw new NotFoundError("application");
    const { selection } = suggest(round, candidates);
    const suggested = selection.ok && selection.selected.some((s) => s.id === candidate.id) ? "selected" : "waitlisted";
    const overrides = (suggested === "selected") !== (input.decision === "selected");
    if (overrides && !input.reason) throw new ValidationError({ reason: [{ key: "selection.errors.overrideReason" }] });
    const rank =
      input.decision === "waitlisted"
        ? candidate.decision === "waitlisted" && candidate.waitlistRank
          ? candidate.waitlistRank
          : Math.max(0, ...candidates.filter((c) => c.decision === "waitlisted").map((c) => c.waitlistRank ?? 0)) + 1
        : null;
    const values = {
      decision: input.decision,
      waitlist_rank: rank,
      reason: input.reason,
      decided_by: who.userId,
      decided_at: ctx.clock(),
      suggested,
      round_id: roundId,
    };
    await trx
      .insertInto("selection_decisions")
      .values({ application_id: candidate.id, ...values })
      .onConflict((oc) => oc.column("application_id").doUpdateSet(values))
      .execute();
    await writeAudit(trx, who, {
      action: overrides ? "selection.decided_override" : "selection.decided",
      entityType: "application",
      entityId: candidate.id,
      before: candidate.decision ? { decision: candidate.decision, waitlistRank: candidate.waitlistRank } : undefined,
      after: { decision: input.decision, waitlistRank: rank, suggested, reason: input.reason },
    });
  });
}
