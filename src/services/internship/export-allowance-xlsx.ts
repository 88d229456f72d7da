import ExcelJS from "exceljs";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { translator } from "../../i18n/translator.ts";
import { allowanceItemLabelKey } from "./allowance-labels.ts";
import { type LedgerRow, computeAllowanceLedger } from "./compute-allowance-ledger.ts";

/** The workbook's columns, in order (their headings under allowanceLedger.workbook.columns). */
const COLUMNS = ["month", "cohort", "intern", "host", "mode", "item", "amount", "derivation", "corrections"] as const;

/** Yen as whole numbers: "¥1,234" and "-¥1,234" (a correction may be negative). */
export const YEN_FORMAT = '"¥"#,##0;-"¥"#,##0';

const yenText = (n: number) => `${n < 0 ? "-" : ""}¥${Math.abs(n).toLocaleString("en-US")}`;

/**
 * The month's allowance statement of a round as an Excel workbook (ADR 0040):
 * the CSV statement's content on two sheets, one for the interns' lines and
 * one for the host companies', each line with its derivation and
 * corrections, amounts as whole numbers with a yen format, and a total row.
 * Audited like the CSV.
 */
export async function exportAllowanceXlsx(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: { roundId: string; month?: string; locale?: string },
): Promise<{ xlsx: Buffer; month: string }> {
  const view = await computeAllowanceLedger(ctx, actor, raw);
  const lang = raw.locale === "ja" ? "ja" : "en";
  const t = translator(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = "JIP Platform";
  const now = ctx.clock();
  wb.created = now;
  wb.modified = now;
  const sheet = (name: string, rows: LedgerRow[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { width: 9 },
      { width: 10 },
      { width: 24 },
      { width: 28 },
      { width: 10 },
      { width: 18 },
      { width: 14, style: { numFmt: YEN_FORMAT } },
      { width: 60 },
      { width: 40 },
    ];
    const header = ws.addRow(COLUMNS.map((c) => t(`allowanceLedger.workbook.columns.${c}`)));
    header.font = { bold: true };
    for (const r of rows) {
      const row = ws.addRow([
        view.month,
        r.cohort ?? "",
        r.internName,
        lang === "ja" ? r.organizationNameJa : (r.organizationNameEn ?? r.organizationNameJa),
        t(`internshipStaff.modes.${r.mode}`),
        t(allowanceItemLabelKey(r.item)),
        r.amountYen,
        r.derivation[lang].join("\n"),
        r.corrections.map((c) => t("allowanceLedger.workbook.correction", { amount: yenText(c.amountYen), reason: c.reason })).join("\n"),
      ]);
      row.getCell(7).numFmt = YEN_FORMAT;
      row.getCell(8).alignment = { wrapText: true, vertical: "top" };
      row.getCell(9).alignment = { wrapText: true, vertical: "top" };
    }
    const total = ws.addRow([t("allowanceLedger.workbook.total"), "", "", "", "", "", rows.reduce((t, r) => t + r.amountYen, 0)]);
    total.font = { bold: true };
    total.getCell(7).numFmt = YEN_FORMAT;
  };
  sheet(
    t("allowanceLedger.workbook.interns"),
    view.rows.filter((r) => r.party === "intern"),
  );
  sheet(
    t("allowanceLedger.workbook.hosts"),
    view.rows.filter((r) => r.party === "host"),
  );
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, actor, {
      action: "allowance.export",
      entityType: "round",
      entityId: view.round.id,
      after: { month: view.month, rows: view.rows.length, format: "xlsx" },
    }),
  );
  return { xlsx, month: view.month };
}
