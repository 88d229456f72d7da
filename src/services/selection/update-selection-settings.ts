/**
 * The operator sets the round's selection rules (issue 14): places, the
 * weights of the document and interview scores, and the quotas in the quota
 * language ("max 2 per nationality", "min 1 nationality = KE"). Refused once
 * the results are final.
 */
import { z } from "zod";
import { parseQuotas } from "../../domain/selection/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { roundSettings } from "./selection-board-data.ts";

const schema = z.object({
  places: typedWholeNumber(0, 100000),
  documentWeight: typedWholeNumber(0, 100),
  interviewWeight: typedWholeNumber(0, 100),
  quotas: z.string().max(5000).optional().default(""),
});

export async function updateSelectionSettings(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "selection.decide");
  const input = parseInput(schema, raw);
  if (input.documentWeight + input.interviewWeight === 0) throw new ValidationError({ documentWeight: [{ key: "selection.errors.weights" }] });
  const parsed = parseQuotas(input.quotas);
  if (!parsed.ok)
    throw new ValidationError({
      quotas: parsed.issues.map((i) => ({ key: "selection.errors.quotaLine", params: { line: "line" in i ? i.line : i.rule + 1 } })),
    });
  await ctx.db.transaction().execute(async (trx) => {
    const round = await roundSettings(trx, roundId, true);
    if (!round) throw new NotFoundError("round");
    if (round.selection_results_final) throw new RefusedError("selection.refusals", [{ code: "results_final" }]);
    await trx
      .updateTable("rounds")
      .set({
        intern_capacity: input.places,
        selection_document_weight: input.documentWeight,
        selection_interview_weight: input.interviewWeight,
        selection_quotas: JSON.stringify(parsed.rules),
        updated_at: ctx.clock(),
      })
      .where("id", "=", roundId)
      .execute();
    await writeAudit(trx, who, {
      action: "selection.settings_updated",
      entityType: "round",
      entityId: roundId,
      before: { places: round.intern_capacity, quotas: round.quotas },
      after: { places: input.places, documentWeight: input.documentWeight, interviewWeight: input.interviewWeight, quotas: parsed.rules },
    });
  });
}
