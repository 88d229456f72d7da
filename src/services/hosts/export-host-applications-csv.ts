import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { csvFile } from "../csv.ts";
import { hostListFilterSchema } from "./host-schemas.ts";
import { rows } from "./host-application-rows.ts";

const CSV_COLUMNS = [
  "receipt_number",
  "status",
  "corporate_number",
  "name_ja",
  "name_en",
  "kind",
  "prefecture_code",
  "region",
  "jsic_division",
  "employees",
  "size_class",
  "overseas_status",
  "positions",
  "capacity",
  "submitted_at",
] as const;

/** The filtered list as CSV (UTF-8 with BOM so spreadsheet software reads Japanese). Audited: it carries organization data. */
export async function exportHostApplicationsCsv(ctx: ServiceContext, actor: Actor | null, rawFilter: unknown): Promise<string> {
  const who = authorize(actor, "hosts.read");
  const filter = hostListFilterSchema.parse(rawFilter);
  const list = await rows(ctx.db, filter, null);
  await ctx.db.transaction().execute(async (trx) => {
    await writeAudit(trx, who, { action: "host_application.export", entityType: "host_application", entityId: null, after: { filter, rows: list.length } });
  });
  return csvFile(
    CSV_COLUMNS,
    list.map((r) => [
      r.receiptNumber,
      r.status,
      r.corporateNumber,
      r.nameJa,
      r.nameEn,
      r.kind,
      r.prefectureCode,
      r.region,
      r.jsicDivision,
      r.employees,
      r.sizeClass,
      r.overseasStatus,
      r.positions,
      r.capacity,
      r.submittedAt,
    ]),
  );
}
