import { z } from "zod";
import { cleanText } from "../../domain/cases/content.ts";
import { operatorMayReturn } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { addCaseEvent, lockCase } from "./case-access.ts";
import { queueCaseMail } from "./case-mail.ts";

const schema = z.object({
  body: z
    .string()
    .optional()
    .default("")
    .transform(cleanText)
    .pipe(z.string().min(1, { error: "errors.reasonRequired" }).max(4000)),
});

/** The operator sends the case back to the host for changes, saying what to change (e-mailed to the host's members). */
export async function returnCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  const who = authorize(actor, "case.edit");
  const { body } = parseInput(schema, input.form);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    if (!operatorMayReturn(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "wrong_status", status: row.status }]);
    const now = ctx.clock();
    await trx.updateTable("case_studies").set({ status: "changes_requested", updated_at: now }).where("id", "=", row.id).execute();
    await addCaseEvent(trx, who, row, "returned", body, now);
    await writeAudit(trx, who, {
      action: "case.return",
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "changes_requested", reason: body },
    });
    await queueCaseMail(ctx, trx, row, "returned", body);
  });
}
