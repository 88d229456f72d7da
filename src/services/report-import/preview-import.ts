import { isImportKind, type ImportKind, type ImportProblem } from "../../domain/report-import.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError, type FieldError } from "../errors.ts";
import { checkUpload, findSameBatch, resolveTarget } from "./import-store.ts";

export interface ImportPreview {
  kind: ImportKind;
  fiscalYear: number;
  roundId: string | null;
  fileName: string;
  fileSha256: string;
  encoding: "utf-8" | "shift_jis" | null;
  /** Data rows in the file. */
  rows: number;
  /** Rows without a problem. */
  valid: number;
  problems: ImportProblem[];
  /** The active batch that already holds this file (committing again changes nothing). */
  sameBatchId: string | null;
  /** On the upload page: the staged file to commit next (only when there are no problems). */
  uploadId: string | null;
}

const UPLOAD_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * The dry run of the historical import: every row of the file checked against
 * the format and the year's imported records; nothing imported. From the
 * upload page (`stage`) a file without problems is kept so that the operator
 * can commit it without sending it again.
 */
export async function previewImport(
  ctx: ServiceContext,
  caller: Actor | null | "system",
  input: { kind: ImportKind | string; round: string; fileName: string; bytes: Uint8Array | null; stage?: boolean },
): Promise<ImportPreview> {
  const who = caller === "system" ? null : authorize(caller, "report.manage");
  const errors: Record<string, FieldError[]> = {};
  const kind = input.kind;
  if (!isImportKind(kind)) errors.kind = [{ key: "reportImport.errors.kind" }];
  const round = input.round.trim();
  if (!round || round.length > 100) errors.round = [{ key: "reportImport.errors.round" }];
  if (!input.bytes || input.bytes.length === 0) errors.file = [{ key: "reportImport.errors.file" }];
  if (!isImportKind(kind) || Object.keys(errors).length > 0 || !input.bytes) throw new ValidationError(errors);
  const target = await resolveTarget(ctx.db, round).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new ValidationError({ round: [{ key: "reportImport.errors.round" }] }) : e;
  });
  const checked = await checkUpload(ctx.db, kind, target.fiscalYear, input.bytes);
  const sameBatchId = (await findSameBatch(ctx.db, kind, target.fiscalYear, checked.fileSha256)) ?? null;
  let uploadId: string | null = null;
  if (input.stage && who && checked.problems.length === 0 && !sameBatchId) {
    uploadId = crypto.randomUUID();
    await ctx.db
      .deleteFrom("import_uploads")
      .where((eb) => eb.or([eb("uploaded_at", "<", new Date(ctx.clock().getTime() - UPLOAD_KEPT_MS)), eb("uploaded_by", "=", who.userId)]))
      .execute();
    await ctx.db
      .insertInto("import_uploads")
      .values({
        id: uploadId,
        kind,
        fiscal_year: target.fiscalYear,
        round_id: target.roundId,
        file_name: input.fileName,
        file_sha256: checked.fileSha256,
        content_base64: Buffer.from(input.bytes).toString("base64"),
        uploaded_by: who.userId,
        uploaded_at: ctx.clock(),
      })
      .execute();
  }
  return {
    kind,
    fiscalYear: target.fiscalYear,
    roundId: target.roundId,
    fileName: input.fileName,
    fileSha256: checked.fileSha256,
    encoding: checked.encoding,
    rows: checked.rows,
    valid: checked.records.length,
    problems: checked.problems,
    sameBatchId,
    uploadId,
  };
}
