import { openStatistics, parseReport, type OpenYearReport } from "../../domain/report/index.ts";
import type { ServiceContext } from "../context.ts";
import { latestSnapshots } from "./report-store.ts";

export interface OpenStatisticsYear {
  fiscalYear: number;
  version: number;
  publishedAt: Date;
  /** sha-256 of the published report this is made from */
  reportHash: string;
  figures: OpenYearReport;
}

/** Open figures per report hash: a published version never changes, so its open figures can be kept. */
const cache = new Map<string, OpenYearReport>();
const CACHE_MAX = 64;

/**
 * Open statistics (public, no caller): the latest published version of every
 * fiscal year without record ids, small counts by nationality and by region
 * suppressed (ADR 0015), oldest year first.
 */
export async function getOpenStatistics(ctx: ServiceContext): Promise<OpenStatisticsYear[]> {
  const snapshots = await latestSnapshots(ctx.db);
  return snapshots.map((s) => {
    let open = cache.get(s.reportHash);
    if (!open) {
      open = openStatistics(parseReport(s.report));
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(s.reportHash, open);
    }
    return { fiscalYear: s.fiscalYear, version: s.version, publishedAt: s.publishedAt, reportHash: s.reportHash, figures: open };
  });
}
