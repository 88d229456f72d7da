import { diffReports, parseReport } from "../../domain/report/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { computeLive } from "./resolve-report.ts";
import { fiscalYearsWithRounds } from "./report-records.ts";
import { findSnapshot, insertSnapshot } from "./report-store.ts";

/**
 * Publishes a fiscal year's report: computes it from the records now and
 * stores it as a new immutable version (sha-256 of inputs and report, code
 * version) with its cell-by-cell differences from the previous version.
 * Refused when the year has no rounds, or nothing changed since the latest version.
 */
export async function publishYearReport(ctx: ServiceContext, actor: Actor | null, fiscalYear: number): Promise<{ version: number; differences: number }> {
  const who = authorize(actor, "report.manage");
  if (!(await fiscalYearsWithRounds(ctx.db)).includes(fiscalYear)) throw new RefusedError("reportPage.refusals", [{ code: "noRounds", year: fiscalYear }]);
  const { report, snapshot } = await computeLive(ctx.db, fiscalYear);
  return ctx.db.transaction().execute(async (trx) => {
    const latest = await findSnapshot(trx, fiscalYear);
    if (latest && latest.reportHash === snapshot.reportHash) throw new RefusedError("reportPage.refusals", [{ code: "unchanged", version: latest.version }]);
    const differences = latest ? diffReports(parseReport(latest.report), report) : [];
    const version = (latest?.version ?? 0) + 1;
    const id = await insertSnapshot(trx, snapshot, { version, differences, publishedBy: who.userId, publishedAt: ctx.clock() });
    await writeAudit(trx, who, {
      action: "report.publish",
      entityType: "report_snapshot",
      entityId: id,
      before: latest ? { version: latest.version, reportHash: latest.reportHash } : undefined,
      after: {
        fiscalYear,
        version,
        inputsHash: snapshot.inputsHash,
        reportHash: snapshot.reportHash,
        codeVersion: snapshot.codeVersion,
        differences: differences.length,
      },
    });
    return { version, differences: differences.length };
  });
}
