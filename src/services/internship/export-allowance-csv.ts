import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { csvFile } from "../csv.ts";
import { computeAllowanceLedger } from "./compute-allowance-ledger.ts";

/** The month's allowance statement of a round as CSV for payment: one line per intern allowance and host subsidy, with its derivation. Audited. */
export async function exportAllowanceCsv(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: { roundId: string; month?: string; locale?: string },
): Promise<{ csv: string; month: string }> {
  const view = await computeAllowanceLedger(ctx, actor, raw);
  const ja = raw.locale === "ja";
  const header = ja
    ? ["月", "コホート", "インターン生", "受入企業", "形態", "支払先", "項目", "金額（円）", "算定根拠"]
    : ["month", "cohort", "intern", "host", "mode", "payee", "item", "amount_yen", "derivation"];
  const csv = csvFile(
    header,
    view.rows.map((r) => [
      view.month,
      r.cohort ?? "",
      r.internName,
      ja ? r.organizationNameJa : (r.organizationNameEn ?? r.organizationNameJa),
      r.mode,
      r.party,
      r.item,
      r.amountYen,
      (ja ? r.derivation.ja : r.derivation.en).join(" / "),
    ]),
  );
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, actor, {
      action: "allowance.export",
      entityType: "round",
      entityId: view.round.id,
      after: { month: view.month, rows: view.rows.length },
    }),
  );
  return { csv, month: view.month };
}
