import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { isImportKind, type ImportKind } from "../../domain/report-import.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { checkUpload, findSameBatch, insertRecords, resolveTarget, type ImportTarget } from "./import-store.ts";

export interface CommittedImport {
  batchId: string;
  kind: ImportKind;
  fiscalYear: number;
  rows: number;
  /** The same file was already imported for that year: nothing changed. */
  unchanged: boolean;
}

async function commit(
  ctx: ServiceContext,
  who: Actor | null,
  input: { kind: ImportKind; target: ImportTarget; fileName: string; bytes: Uint8Array },
  after?: (trx: Kysely<Database>) => Promise<void>,
): Promise<CommittedImport> {
  const { kind, target } = input;
  return ctx.db.transaction().execute(async (trx) => {
    // One import at a time per year and kind, so two commits of one file cannot both pass the checks.
    await trx.selectFrom("import_batches").select("id").where("fiscal_year", "=", target.fiscalYear).where("kind", "=", kind).forUpdate().execute();
    const checked = await checkUpload(trx, kind, target.fiscalYear, input.bytes);
    const same = await findSameBatch(trx, kind, target.fiscalYear, checked.fileSha256);
    if (same) {
      await after?.(trx);
      return { batchId: same, kind, fiscalYear: target.fiscalYear, rows: 0, unchanged: true };
    }
    if (checked.problems.length > 0) {
      throw new RefusedError("reportImport.refusals", [{ code: "hasProblems", count: checked.problems.length }]);
    }
    const batchId = crypto.randomUUID();
    await trx
      .insertInto("import_batches")
      .values({
        id: batchId,
        kind,
        fiscal_year: target.fiscalYear,
        round_id: target.roundId,
        file_name: input.fileName,
        file_sha256: checked.fileSha256,
        row_count: checked.records.length,
        imported_by: who?.userId ?? null,
        imported_at: ctx.clock(),
      })
      .execute();
    await insertRecords(trx, checked, batchId, target.fiscalYear);
    await writeAudit(trx, who, {
      action: "report.import",
      entityType: "import_batch",
      entityId: batchId,
      after: {
        kind,
        fiscalYear: target.fiscalYear,
        roundId: target.roundId,
        fileName: input.fileName,
        fileSha256: checked.fileSha256,
        rows: checked.records.length,
      },
    });
    await after?.(trx);
    return { batchId, kind, fiscalYear: target.fiscalYear, rows: checked.records.length, unchanged: false };
  });
}

/**
 * Commits one file of the historical import in one transaction: checked again,
 * refused whole if any row has a problem (nothing written), else every row
 * written under a new batch (who, when, the file's sha-256, rows), audited.
 * Committing a file already imported for that year and kind changes nothing.
 */
export async function commitImport(
  ctx: ServiceContext,
  caller: Actor | null | "system",
  input: { kind: ImportKind; round: string; fileName: string; bytes: Uint8Array },
): Promise<CommittedImport> {
  const who = caller === "system" ? null : authorize(caller, "report.manage");
  const target = await resolveTarget(ctx.db, input.round);
  return commit(ctx, who, { kind: input.kind, target, fileName: input.fileName, bytes: input.bytes });
}

/** Commits the file the operator checked on the upload page (the dry run staged it). */
export async function commitStagedImport(ctx: ServiceContext, actor: Actor | null, uploadId: string): Promise<CommittedImport> {
  const who = authorize(actor, "report.manage");
  const upload = await ctx.db.selectFrom("import_uploads").selectAll().where("id", "=", uploadId).where("uploaded_by", "=", who.userId).executeTakeFirst();
  if (!upload || !isImportKind(upload.kind)) throw new NotFoundError(`import upload ${uploadId}`);
  const target = { fiscalYear: upload.fiscal_year, roundId: upload.round_id };
  return commit(ctx, who, { kind: upload.kind, target, fileName: upload.file_name, bytes: Buffer.from(upload.content_base64, "base64") }, async (trx) => {
    await trx.deleteFrom("import_uploads").where("id", "=", uploadId).execute();
  });
}
