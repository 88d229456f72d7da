import { IMPORT_KINDS, type ImportKind } from "../../domain/report-import.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { checkUpload, findSameBatch, resolveTarget, type AlongsideRecords } from "./import-store.ts";
import type { ImportPreview } from "./preview-import.ts";

/**
 * The dry run of a whole year's files (`jip import --fiscal-year Y DIR --dry-run`):
 * each file checked in the import order (IMPORT_KINDS), a placement's applicant
 * and host and a survey answer's placement found either among the year's
 * imported records or among the rows of the files checked before it (as
 * committing them in that order would). Nothing is written.
 */
export async function previewImportDirectory(
  ctx: ServiceContext,
  caller: Actor | null | "system",
  input: { round: string; files: readonly { kind: ImportKind; fileName: string; bytes: Uint8Array }[] },
): Promise<ImportPreview[]> {
  if (caller !== "system") authorize(caller, "report.manage");
  const target = await resolveTarget(ctx.db, input.round).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new ValidationError({ round: [{ key: "reportImport.errors.round" }] }) : e;
  });
  const files = [...input.files].sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind));
  const alongside: AlongsideRecords = {};
  const previews: ImportPreview[] = [];
  for (const f of files) {
    const checked = await checkUpload(ctx.db, f.kind, target.fiscalYear, f.bytes, alongside);
    alongside[f.kind] = checked.records;
    previews.push({
      kind: f.kind,
      fiscalYear: target.fiscalYear,
      roundId: target.roundId,
      fileName: f.fileName,
      fileSha256: checked.fileSha256,
      encoding: checked.encoding,
      rows: checked.rows,
      valid: checked.records.length,
      problems: checked.problems,
      sameBatchId: (await findSameBatch(ctx.db, f.kind, target.fiscalYear, checked.fileSha256)) ?? null,
      uploadId: null,
    });
  }
  return previews;
}
