/**
 * The report's editable groupings, checked and indexed once. The data live in
 * src/db/reference/report-industry-groups.json and world-regions.json; the
 * caller passes them in (the domain reads no files).
 */
import type { ReportConfig } from "./types.ts";

export interface ConfigIndex {
  /** JSIC division → industry row key (`group:<code>` or `jsic:<letter>`). */
  industryRowOf: Map<string, string>;
  /** Industry row keys in display order: groups, then divisions in no group. */
  industryRows: string[];
  /** Country → world region code. */
  worldRegionOf: Map<string, string>;
  worldRegions: string[];
}

/** Checks the groupings (a division or country in two places, unknown divisions, duplicate codes) and indexes them. */
export function indexReportConfig(config: ReportConfig): ConfigIndex {
  const problems: string[] = [];
  const divisions = new Set(config.jsicDivisions);
  if (divisions.size !== config.jsicDivisions.length) problems.push("jsicDivisions has a division twice");
  const industryRowOf = new Map<string, string>();
  const industryRows: string[] = [];
  const groupCodes = new Set<string>();
  for (const g of config.industryGroups) {
    if (!/^[a-z][a-z0-9_]*$/.test(g.code)) problems.push(`industry group code "${g.code}" must be lower-case letters, digits and _`);
    if (groupCodes.has(g.code)) problems.push(`industry group "${g.code}" is defined twice`);
    groupCodes.add(g.code);
    if (g.divisions.length === 0) problems.push(`industry group "${g.code}" has no division`);
    if (!g.nameJa.trim() || !g.nameEn.trim()) problems.push(`industry group "${g.code}" needs a Japanese and an English name`);
    const key = `group:${g.code}`;
    industryRows.push(key);
    for (const d of g.divisions) {
      if (!divisions.has(d)) problems.push(`industry group "${g.code}" names unknown JSIC division "${d}"`);
      else if (industryRowOf.has(d)) problems.push(`JSIC division "${d}" is in two industry groups`);
      else industryRowOf.set(d, key);
    }
  }
  for (const d of config.jsicDivisions) {
    if (!industryRowOf.has(d)) {
      industryRowOf.set(d, `jsic:${d}`);
      industryRows.push(`jsic:${d}`);
    }
  }
  const worldRegionOf = new Map<string, string>();
  const worldRegions: string[] = [];
  for (const r of config.worldRegions) {
    if (!/^[a-z][a-z0-9_]*$/.test(r.code)) problems.push(`world region code "${r.code}" must be lower-case letters, digits and _`);
    if (worldRegions.includes(r.code)) problems.push(`world region "${r.code}" is defined twice`);
    worldRegions.push(r.code);
    for (const c of r.countries) {
      if (!/^[A-Z]{2}$/.test(c)) problems.push(`world region "${r.code}" lists "${c}", not an ISO 3166-1 alpha-2 code`);
      else if (worldRegionOf.has(c)) problems.push(`country "${c}" is in two world regions`);
      else worldRegionOf.set(c, r.code);
    }
  }
  if (problems.length > 0) throw new Error(`report configuration is not valid:\n- ${problems.join("\n- ")}`);
  return { industryRowOf, industryRows, worldRegionOf, worldRegions };
}
