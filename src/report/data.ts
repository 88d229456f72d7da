/**
 * The report's shipped data, typed: the default groupings (until an operator
 * edits them in the database, the report's inputs use these) and the
 * published FY2016–2018 aggregates. Files in src/db/reference/ (each says its
 * source).
 */
import { parsePublishedAggregates, type PublishedAggregates, type ReportConfig } from "../domain/report/index.ts";
import jsic from "../db/reference/jsic-divisions.json" with { type: "json" };
import published from "../db/reference/published-aggregates-fy2016-2018.json" with { type: "json" };
import industryGroups from "../db/reference/report-industry-groups.json" with { type: "json" };
import worldRegions from "../db/reference/world-regions.json" with { type: "json" };

/** Default groupings: service = R, wholesale and retail = I, manufacturing = E, each other JSIC division its own row; world regions after UN M49. */
export function defaultReportConfig(): ReportConfig {
  return {
    industryGroups: industryGroups.groups.map((g) => ({ code: g.code, nameJa: g.name_ja, nameEn: g.name_en, divisions: g.divisions })),
    jsicDivisions: jsic.divisions.map((d) => d.code),
    worldRegions: worldRegions.regions.map((r) => ({ code: r.code, countries: r.countries })),
  };
}

/** The published FY2016–2018 aggregates (checked when first read). */
export const PUBLISHED_AGGREGATES: PublishedAggregates = parsePublishedAggregates(published);
