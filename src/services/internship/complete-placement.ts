import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { readFinalReport, readSurveyResponse } from "./internship-records.ts";
import { changeApplicationStatus, findPlacement } from "./placement-access.ts";

const schema = z.object({ placementId: requiredText(64) });

/**
 * The operator completes a placement once both final reports and both
 * evaluation surveys are in: the placement becomes `completed` and its
 * application `completed` (with its status history). What is missing is
 * listed in the refusal.
 */
export async function completePlacement(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const { placementId } = parseInput(schema, raw);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const placement = await findPlacement(trx, placementId);
    if (placement.status !== "active") throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
    const missing = [];
    for (const side of ["intern", "host"] as const) {
      if (!(await readFinalReport(trx, placement.id, side))) missing.push({ code: "final_report_missing", side });
      if (!(await readSurveyResponse(trx, placement, side))) missing.push({ code: "survey_missing", side });
    }
    if (missing.length > 0) throw new RefusedError("internshipStaff.refusals", missing);
    await trx.updateTable("placements").set({ status: "completed" }).where("id", "=", placement.id).execute();
    const app = await trx.selectFrom("applications").select("status").where("id", "=", placement.applicationId).executeTakeFirstOrThrow();
    await changeApplicationStatus(trx, who, placement.applicationId, app.status, "completed", now);
    await writeAudit(trx, who, {
      action: "placement.complete",
      entityType: "placement",
      entityId: placement.id,
      before: { status: "active" },
      after: { status: "completed" },
    });
  });
}
