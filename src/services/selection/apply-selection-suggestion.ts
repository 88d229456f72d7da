/**
 * The committee takes the suggestion for every candidate it has not decided
 * yet (issue 14): the suggested ones selected, the next ones on the waiting
 * list in rank order (up to `waitlistLength`), the rest not selected. One
 * audit entry per decision. Refused once the results are final.
 */
import { z } from "zod";
import { suggestWaitingList } from "../../domain/selection/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadCandidates, roundSettings, suggest } from "./selection-board-data.ts";

const schema = z.object({ waitlistLength: typedWholeNumber(0, 100000) });

export async function applySelectionSuggestion(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ decided: number }> {
  const who = authorize(actor, "selection.decide");
  const input = parseInput(schema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const round = await roundSettings(trx, roundId, true);
    if (!round) throw new NotFoundError("round");
    if (round.selection_results_final) throw new RefusedError("selection.refusals", [{ code: "results_final" }]);
    const candidates = await loadCandidates(trx, roundId);
    const { selection } = suggest(round, candidates);
    if (!selection.ok)
      throw new RefusedError(
        "selection.refusals",
        selection.issues.slice(0, 1).map((i) => ({ code: `quota_${i.code}` })),
      );
    const decided = new Map(candidates.filter((c) => c.decision).map((c) => [c.id, c]));
    const waiting = suggestWaitingList(selection).filter((n) => !decided.has(n.id));
    let nextRank = Math.max(0, ...candidates.filter((c) => c.decision === "waitlisted").map((c) => c.waitlistRank ?? 0)) + 1;
    const plan: { id: string; decision: "selected" | "waitlisted" | "rejected"; rank: number | null }[] = [];
    for (const s of selection.selected) if (!decided.has(s.id)) plan.push({ id: s.id, decision: "selected", rank: null });
    waiting.forEach((n, i) => {
      if (i < input.waitlistLength) plan.push({ id: n.id, decision: "waitlisted", rank: nextRank++ });
      else plan.push({ id: n.id, decision: "rejected", rank: null });
    });
    for (const p of plan) {
      const suggested = p.decision === "selected" ? "selected" : "waitlisted";
      const values = {
        decision: p.decision,
        waitlist_rank: p.rank,
        reason: null,
        decided_by: who.userId,
        decided_at: ctx.clock(),
        suggested,
        round_id: roundId,
      };
      await trx
        .insertInto("selection_decisions")
        .values({ application_id: p.id, ...values })
        .onConflict((oc) => oc.column("application_id").doUpdateSet(values))
        .execute();
      await writeAudit(trx, who, {
        action: "selection.decided",
        entityType: "application",
        entityId: p.id,
        after: { decision: p.decision, waitlistRank: p.rank, suggested, bySuggestion: true },
      });
    }
    return { decided: plan.length };
  });
}
