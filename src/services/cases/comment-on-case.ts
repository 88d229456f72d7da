import { z } from "zod";
import { cleanText } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { addCaseEvent, editorOf, lockCase } from "./case-access.ts";
import { queueCaseMail } from "./case-mail.ts";

const schema = z.object({
  body: z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1, { error: "errors.required" }).max(4000)),
});

/** A comment in the case's conversation; an operator's comment is e-mailed to the host's members. */
export async function commentOnCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form: unknown }): Promise<void> {
  const { body } = parseInput(schema, input.form);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    const editor = await editorOf(trx, actor, row);
    await addCaseEvent(trx, editor.actor, row, "comment", body, ctx.clock());
    await writeAudit(trx, editor.actor, { action: "case.comment", entityType: "case_study", entityId: row.id, after: { length: body.length } });
    if (editor.side === "operator") await queueCaseMail(ctx, trx, row, "comment", body);
  });
}
