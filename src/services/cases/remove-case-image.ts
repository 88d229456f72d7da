import { readContent } from "../../domain/cases/content.ts";
import { hostMayEdit } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { editorOf, lockCase, writeRevision } from "./case-access.ts";

/** Takes an image out of the case's text (a new revision); its file stays, so an older revision can be restored with it. */
export async function removeCaseImage(ctx: ServiceContext, actor: Actor | null, input: { caseId: string; imageId: string }): Promise<{ revision: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, input.caseId);
    const editor = await editorOf(trx, actor, row);
    if (editor.side === "host" && !hostMayEdit(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "not_editable", status: row.status }]);
    const content = readContent(row.content);
    if (!content.images.some((i) => i.id === input.imageId)) throw new NotFoundError("case_study_image");
    const { revision } = await writeRevision(trx, editor.actor, row, { ...content, images: content.images.filter((i) => i.id !== input.imageId) }, ctx.clock());
    await writeAudit(trx, editor.actor, { action: "case.image_remove", entityType: "case_study", entityId: row.id, after: { image: input.imageId, revision } });
    return { revision };
  });
}
