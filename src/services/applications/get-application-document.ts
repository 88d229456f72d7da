import { downloadFileName } from "../../domain/document-type.ts";
import { isServable } from "../../domain/malware/clamd-protocol.ts";
import { permits, scopeOf } from "../../domain/roles.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authenticate } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";

/**
 * A document's bytes, for whom src/domain/roles.ts permits "document.download":
 * its applicant, operators, and reviewers assigned to the application. A
 * reviewer not assigned to it is forbidden (403, audited); anyone else gets
 * "not found", whether or not it exists. A download by anyone but
 * the applicant is audited (who read which personal document, when). The file
 * name carries the extension of the type detected at upload. A document still
 * being checked for malware, or found infected, is served to no one (ADR 0028).
 */
export async function getApplicationDocument(
  ctx: ServiceContext,
  actor: Actor | null,
  documentId: string,
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const who = authenticate(actor);
  const doc = await ctx.db
    .selectFrom("application_documents")
    .innerJoin("applications", "applications.id", "application_documents.application_id")
    .select([
      "application_documents.storage_key",
      "application_documents.content_type",
      "application_documents.original_name",
      "application_documents.kind",
      "application_documents.scan_status",
      "applications.applicant_user_id",
      "applications.id as application_id",
    ])
    .where("application_documents.id", "=", documentId)
    .executeTakeFirst();
  if (!doc) throw new NotFoundError("document");
  const own = doc.applicant_user_id === who.userId;
  const assigned =
    scopeOf(who.role, "document.download") === "assigned" &&
    Boolean(
      await ctx.db
        .selectFrom("review_assignments")
        .select("id")
        .where("application_id", "=", doc.application_id)
        .where("reviewer_user_id", "=", who.userId)
        .executeTakeFirst(),
    );
  if (!permits(who.role, "document.download", { own, assigned })) {
    // a reviewer asking for a document of an application not assigned to them: forbidden and audited (issue 13)
    if (scopeOf(who.role, "document.download") === "assigned") {
      await writeAudit(ctx.db, who, {
        action: "screening.denied",
        entityType: "application",
        entityId: doc.application_id,
        after: { document: documentId, reason: "not_assigned" },
      });
      throw new ForbiddenError("document.download");
    }
    throw new NotFoundError("document");
  }
  if (!isServable(doc.scan_status)) throw new NotFoundError("document");
  const bytes = await ctx.files.get(doc.storage_key);
  if (!own) {
    await writeAudit(ctx.db, who, {
      action: "application.document_download",
      entityType: "application",
      entityId: doc.application_id,
      after: { document: documentId, kind: doc.kind },
    });
  }
  // Blind screening (issue 13): a reviewer never sees the original file name (it often carries the applicant's name);
  // the extension is always the detected type's (downloadFileName).
  const shownName = !own && who.role === "reviewer" ? doc.kind : doc.original_name;
  return { bytes, contentType: doc.content_type, fileName: downloadFileName(shownName, doc.content_type) };
}
