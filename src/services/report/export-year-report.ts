import { z } from "zod";
import type { Locale } from "../../i18n/locales.ts";
import { reportCsv, reportLabels, reportPdf, reportXlsx } from "../../report/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { comparisonYears, resolveReport } from "./resolve-report.ts";
import { reportConfig } from "./report-store.ts";

export const REPORT_FORMATS = ["csv", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

const inputSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2016).max(2100),
  version: z.coerce.number().int().min(1).optional(),
  format: z.enum(REPORT_FORMATS),
});

/**
 * The report page as a file: every figure of the shown year beside every
 * other published year, as CSV, XLSX (one sheet per figure) or PDF (Japanese
 * text embedded). No record ids are in the files.
 */
export async function exportYearReport(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: unknown,
  locale: Locale,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const who = authorize(actor, "report.read");
  const input = parseInput(inputSchema, raw);
  const { report, shown } = await resolveReport(ctx.db, who, input.fiscalYear, input.version);
  const years = await comparisonYears(ctx.db, report);
  const labels = reportLabels(locale === "ja" ? "ja" : "en", reportConfig());
  const createdAt = ctx.clock();
  const generatedText = labels.t("report.generated", { date: createdAt.toISOString().slice(0, 10) });
  const body =
    input.format === "csv"
      ? Buffer.from(reportCsv(years, labels), "utf8")
      : input.format === "xlsx"
        ? await reportXlsx(years, labels, { createdAt })
        : await reportPdf(years, labels, { createdAt, generatedText });
  const name = `jip-report-fy${input.fiscalYear}${shown.version ? `-v${shown.version}` : ""}.${input.format}`;
  return { body, contentType: CONTENT_TYPES[input.format], filename: name };
}
