import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { refreshEligibility } from "./application-record.ts";
import { findOrCreateDraft } from "./find-or-create-draft.ts";

/** Removes a document from the applicant's own draft (the file is deleted after the change commits). */
export async function removeApplicationDocument(ctx: ServiceContext, actor: Actor | null, documentId: string): Promise<void> {
  const who = authorize(actor, "application.manage");
  const key = await ctx.db.transaction().execute(async (trx) => {
    const app = await findOrCreateDraft(trx, who, ctx.clock());
    const doc = await trx
      .deleteFrom("application_documents")
      .where("id", "=", documentId)
      .where("application_id", "=", app.id)
      .returning(["storage_key", "kind"])
      .executeTakeFirst();
    if (!doc) throw new NotFoundError("document");
    await refreshEligibility(trx, app.id);
    await writeAudit(trx, who, {
      action: "application.document_remove",
      entityType: "application",
      entityId: app.id,
      before: { document: documentId, kind: doc.kind },
    });
    return doc.storage_key;
  });
  await ctx.files.remove(key);
}
