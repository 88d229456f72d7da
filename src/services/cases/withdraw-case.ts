import { z } from "zod";
import { cleanText } from "../../domain/cases/content.ts";
import { operatorMayWithdraw } from "../../domain/cases/workflow.ts";
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
    .pipe(z.string().min(1, { error: "errors.reasonRequired" }).max(2000)),
});

/**
 * Unpublishes a case: it leaves the library, and its address answers 410
 * with a page that says it was withdrawn (links shared earlier do not break
 * into a 404). It can be published again at the same address.
 */
export async function withdrawCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  const who = authorize(actor, "case.edit");
  const { body } = parseInput(schema, input.form);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    if (!operatorMayWithdraw(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "wrong_status", status: row.status }]);
    const now = ctx.clock();
    await trx.updateTable("case_studies").set({ status: "withdrawn", withdrawn_at: now, updated_at: now }).where("id", "=", row.id).execute();
    await addCaseEvent(trx, who, row, "withdrawn", body, now);
    await writeAudit(trx, who, {
      action: "case.withdraw",
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "withdrawn", reason: body },
    });
    await queueCaseMail(ctx, trx, row, "withdrawn", body);
  });
}
