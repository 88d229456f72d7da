import { diffReports, parseReport, publishedYears } from "../../domain/report/index.ts";
import { PUBLISHED_AGGREGATES, reportFromPublished } from "../../report/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { codeVersion, findSnapshot, insertSnapshot } from "./report-store.ts";

/**
 * Loads the published FY2016–2018 figures (shipped with the project,
 * src/db/reference/published-aggregates-fy2016-2018.json) as published
 * versions of those years, so they stand beside the platform's years. A year
 * whose latest version already has the same report is left as it is (loading
 * twice changes nothing); a changed data file adds a version with its
 * differences. `"system"`: the command line and the demo seed (no caller).
 */
export async function importPublishedYears(ctx: ServiceContext, caller: Actor | null | "system"): Promise<{ loaded: number[]; unchanged: number[] }> {
  const who = caller === "system" ? null : authorize(caller, "report.manage");
  const loaded: number[] = [];
  const unchanged: number[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const fiscalYear of publishedYears(PUBLISHED_AGGREGATES)) {
      const { report, snapshot } = reportFromPublished(PUBLISHED_AGGREGATES, fiscalYear, codeVersion());
      const latest = await findSnapshot(trx, fiscalYear);
      if (latest && latest.reportHash === snapshot.reportHash) {
        unchanged.push(fiscalYear);
        continue;
      }
      const differences = latest ? diffReports(parseReport(latest.report), report) : [];
      const version = (latest?.version ?? 0) + 1;
      const id = await insertSnapshot(trx, snapshot, { version, differences, publishedBy: who?.userId ?? null, publishedAt: ctx.clock() });
      await writeAudit(trx, who, {
        action: "report.import_published",
        entityType: "report_snapshot",
        entityId: id,
        after: { fiscalYear, version, inputsHash: snapshot.inputsHash, reportHash: snapshot.reportHash, differences: differences.length },
      });
      loaded.push(fiscalYear);
    }
  });
  return { loaded, unchanged };
}
