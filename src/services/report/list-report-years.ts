import { roleGrants } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { fiscalYearsWithRounds } from "./report-records.ts";
import { listVersions, type SnapshotSummary } from "./report-store.ts";

export interface ReportYear {
  fiscalYear: number;
  /** The year has rounds on the platform (its figures can be computed from records). */
  hasRounds: boolean;
  latest: SnapshotSummary | null;
  versions: number;
}

/** The fiscal years a caller can open: with rounds (operators) or with a published version (everyone who reads reports). */
export async function listReportYears(ctx: ServiceContext, actor: Actor | null): Promise<{ years: ReportYear[]; canManage: boolean }> {
  const who = authorize(actor, "report.read");
  const canManage = roleGrants(who.role, "report.manage");
  const versions = await listVersions(ctx.db);
  const withRounds = canManage ? await fiscalYearsWithRounds(ctx.db) : [];
  const all = [...new Set([...withRounds, ...versions.map((v) => v.fiscalYear)])].sort((a, b) => b - a);
  return {
    canManage,
    years: all.map((fiscalYear) => {
      const mine = versions.filter((v) => v.fiscalYear === fiscalYear);
      return { fiscalYear, hasRounds: withRounds.includes(fiscalYear), latest: mine[0] ?? null, versions: mine.length };
    }),
  };
}
