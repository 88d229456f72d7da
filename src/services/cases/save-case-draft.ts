import { readContent } from "../../domain/cases/content.ts";
import { hostMayEdit } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ForbiddenError, RefusedError } from "../errors.ts";
import { checkBaseRevision, editorOf, lockCase, writeRevision } from "./case-access.ts";
import { contentFromForm } from "./case-form.ts";

/**
 * A host member saves their draft (both languages, quotes, the intern's name
 * and nationality, the images' descriptions) as a new revision. Only while
 * the case is a draft or returned for changes; another host's case is a 403.
 */
export async function saveCaseDraft(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { caseId: string; form: unknown; baseRevision?: unknown },
): Promise<{ revision: number; changed: string[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    const editor = await editorOf(trx, actor, row);
    if (editor.side !== "host") throw new ForbiddenError("case.draft");
    if (!hostMayEdit(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "not_editable", status: row.status }]);
    checkBaseRevision(row, input.baseRevision);
    const content = contentFromForm(input.form, readContent(row.content));
    const now = ctx.clock();
    const out = await writeRevision(trx, editor.actor, row, content, now);
    if (out.changed.length > 0) {
      await writeAudit(trx, editor.actor, {
        action: "case.save",
        entityType: "case_study",
        entityId: row.id,
        after: { revision: out.revision, changed: out.changed },
      });
    }
    return out;
  });
}
