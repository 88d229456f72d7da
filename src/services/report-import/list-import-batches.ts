import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export interface ImportBatchSummary {
  id: string;
  kind: string;
  fiscalYear: number;
  roundId: string | null;
  fileName: string;
  fileSha256: string;
  rows: number;
  importedBy: string | null;
  importedAt: Date;
  rolledBackBy: string | null;
  rolledBackAt: Date | null;
}

/** Every import (newest first), with who imported and who rolled it back. */
export async function listImportBatches(ctx: ServiceContext, caller: Actor | null | "system"): Promise<ImportBatchSummary[]> {
  if (caller !== "system") authorize(caller, "report.manage");
  const rows = await ctx.db
    .selectFrom("import_batches as b")
    .leftJoin("user as i", "i.id", "b.imported_by")
    .leftJoin("user as r", "r.id", "b.rolled_back_by")
    .select([
      "b.id",
      "b.kind",
      "b.fiscal_year",
      "b.round_id",
      "b.file_name",
      "b.file_sha256",
      "b.row_count",
      "b.imported_at",
      "b.rolled_back_at",
      "i.name as imported_by",
      "r.name as rolled_back_by",
    ])
    .orderBy("b.imported_at", "desc")
    .orderBy("b.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fiscalYear: r.fiscal_year,
    roundId: r.round_id,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    rows: r.row_count,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
    rolledBackBy: r.rolled_back_by,
    rolledBackAt: r.rolled_back_at,
  }));
}
