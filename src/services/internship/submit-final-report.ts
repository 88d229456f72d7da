import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { finalReportSchema, writeFinalReport } from "./internship-records.ts";
import { placementAndSide } from "./side-of.ts";

/**
 * The intern's or the host's final report of a placement (a summary and the
 * outcomes); submitting again replaces it until the placement is completed.
 */
export async function submitFinalReport(ctx: ServiceContext, actor: Actor | null, raw: { placementId?: unknown; [k: string]: unknown }): Promise<void> {
  const { who, placement, side } = await placementAndSide(ctx.db, actor, raw.placementId);
  const input = parseInput(finalReportSchema, raw);
  if (placement.status !== "active") throw new RefusedError(side === "intern" ? "internship.refusals" : "internshipStaff.refusals", [{ code: "not_active" }]);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await writeFinalReport(trx, { placementId: placement.id, side, userId: who.userId, summary: input.summary, outcomes: input.outcomes, now });
    await writeAudit(trx, who, { action: "final_report.submit", entityType: "placement", entityId: placement.id, after: { side } });
  });
}
