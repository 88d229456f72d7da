import { operatorMayApprove } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { addCaseEvent, lockCase } from "./case-access.ts";
import { queueCaseMail } from "./case-mail.ts";

/** The operator approves a case in review; it can then be published (and still edited). */
export async function approveCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string }): Promise<void> {
  const who = authorize(actor, "case.edit");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    if (!operatorMayApprove(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "wrong_status", status: row.status }]);
    const now = ctx.clock();
    await trx.updateTable("case_studies").set({ status: "approved", updated_at: now }).where("id", "=", row.id).execute();
    await addCaseEvent(trx, who, row, "approved", "", now);
    await writeAudit(trx, who, {
      action: "case.approve",
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "approved" },
    });
    await queueCaseMail(ctx, trx, row, "approved", "");
  });
}
