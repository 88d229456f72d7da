import { isImportKind } from "../../domain/report-import.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { deleteRecords, dependentBatches } from "./import-store.ts";

/**
 * Rolls one import back: deletes exactly the records of that batch, in one
 * transaction, and marks the batch rolled back (who, when), audited. Refused
 * while another batch's records refer to them (roll that one back first), or
 * when it was already rolled back.
 */
export async function rollbackImport(ctx: ServiceContext, caller: Actor | null | "system", batchId: string): Promise<{ deleted: number }> {
  const who = caller === "system" ? null : authorize(caller, "report.manage");
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom("import_batches").selectAll().where("id", "=", batchId).forUpdate().executeTakeFirst();
    if (!batch || !isImportKind(batch.kind)) throw new NotFoundError(`import batch ${batchId}`);
    if (batch.rolled_back_at) throw new RefusedError("reportImport.refusals", [{ code: "alreadyRolledBack" }]);
    const dependents = await dependentBatches(trx, batch.kind, batchId);
    if (dependents.length > 0) throw new RefusedError("reportImport.refusals", [{ code: "referenced", importIds: dependents.join(", ") }]);
    const deleted = await deleteRecords(trx, batch.kind, batchId);
    await trx
      .updateTable("import_batches")
      .set({ rolled_back_at: ctx.clock(), rolled_back_by: who?.userId ?? null })
      .where("id", "=", batchId)
      .execute();
    await writeAudit(trx, who, {
      action: "report.import_rollback",
      entityType: "import_batch",
      entityId: batchId,
      before: { kind: batch.kind, fiscalYear: batch.fiscal_year, fileSha256: batch.file_sha256, rows: batch.row_count },
      after: { deleted },
    });
    return { deleted };
  });
}
