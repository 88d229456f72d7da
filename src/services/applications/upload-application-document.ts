import { createHash } from "node:crypto";
import { z } from "zod";
import { DOCUMENT_KINDS, EXTENSION, MAX_DOCUMENT_BYTES, sniffDocumentType } from "../../domain/document-type.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { refreshEligibility } from "./application-record.ts";
import { findOrCreateDraft } from "./find-or-create-draft.ts";

const MAX_DOCUMENTS = 10;

/**
 * Adds a document to the applicant's draft. The type is recognized from the
 * content (PDF, JPEG, PNG only), at most 10 MB; stored under a generated name
 * outside the web root. A rejected upload changes nothing else. With a
 * malware scanner configured the document waits as "being checked" (pending)
 * until the scan job finds it clean; it is neither served nor counted before
 * (ADR 0028). Without one it is marked not scanned.
 */
export async function uploadApplicationDocument(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { kind: unknown; file: File | null },
): Promise<{ id: string }> {
  const who = authorize(actor, "application.manage");
  const kind = z.enum(DOCUMENT_KINDS).safeParse(input.kind);
  if (!kind.success) throw new ValidationError({ kind: [{ key: "errors.chooseOne" }] });
  const file = input.file;
  if (!file || file.size === 0) throw new ValidationError({ file: [{ key: "errors.fileMissing" }] });
  if (file.size > MAX_DOCUMENT_BYTES) throw new ValidationError({ file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffDocumentType(bytes);
  if (!contentType) throw new ValidationError({ file: [{ key: "errors.fileType" }] });
  const id = crypto.randomUUID();
  const storageKey = `${id}.${EXTENSION[contentType]}`;
  // Shown back to people, never used as a path: keep printable characters only.
  const originalName = [...(file.name || "document")]
    .map((c) => (c < " " || c === "/" || c === "\\" ? "_" : c))
    .join("")
    .slice(0, 200);
  // The file is written first; if the transaction then fails, the orphan is removed.
  await ctx.files.put(storageKey, bytes);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const app = await findOrCreateDraft(trx, who, ctx.clock());
      const { n } = await trx
        .selectFrom("application_documents")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("application_id", "=", app.id)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_DOCUMENTS) throw new ValidationError({ file: [{ key: "errors.tooManyFiles", params: { max: MAX_DOCUMENTS } }] });
      await trx
        .insertInto("application_documents")
        .values({
          id,
          application_id: app.id,
          kind: kind.data,
          storage_key: storageKey,
          original_name: originalName,
          content_type: contentType,
          size_bytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          scan_status: ctx.scanner ? "pending" : "not_scanned",
        })
        .execute();
      await refreshEligibility(trx, app.id);
      await writeAudit(trx, who, {
        action: "application.document_upload",
        entityType: "application",
        entityId: app.id,
        after: { document: id, kind: kind.data, contentType, sizeBytes: bytes.byteLength, scan: ctx.scanner ? "pending" : "not_scanned" },
      });
    });
  } catch (err) {
    await ctx.files.remove(storageKey);
    throw err;
  }
  return { id };
}
