import { z } from "zod";
import { CASE_LANGUAGES, cleanText, isComplete, missingFor, readContent } from "../../domain/cases/content.ts";
import { hostMaySubmit } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ForbiddenError, RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { addCaseEvent, editorOf, lockCase } from "./case-access.ts";

const schema = z.object({ message: z.string().optional().default("").transform(cleanText).pipe(z.string().max(4000)) });

/**
 * The host sends the case to the program office for review: at least one
 * language version must be complete (every section, every image described).
 * From then on the host reads it; the office edits, comments, returns or approves.
 */
export async function submitCase(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; form?: unknown }): Promise<void> {
  const { message } = parseInput(schema, input.form ?? {});
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    const editor = await editorOf(trx, actor, row);
    if (editor.side !== "host") throw new ForbiddenError("case.draft");
    if (!hostMaySubmit(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "not_editable", status: row.status }]);
    const content = readContent(row.content);
    if (!CASE_LANGUAGES.some((l) => isComplete(content, l))) {
      const lang = content.en.title && !content.ja.title ? "en" : "ja";
      throw new RefusedError("casesStaff.refusals", [{ code: "nothing_complete", language: lang, missing: missingFor(content, lang).length }]);
    }
    const now = ctx.clock();
    await trx.updateTable("case_studies").set({ status: "in_review", submitted_at: now, updated_at: now }).where("id", "=", row.id).execute();
    await addCaseEvent(trx, editor.actor, row, "submitted", message, now);
    await writeAudit(trx, editor.actor, {
      action: "case.submit",
      entityType: "case_study",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "in_review" },
    });
  });
}
