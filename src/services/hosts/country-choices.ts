import worldRegions from "../../db/reference/world-regions.json" with { type: "json" };
import type { ServiceContext } from "../context.ts";

export interface CountryChoice {
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface CountryRegion {
  /** A world region of world-regions.json, or "other" for a country in none (Antarctica). */
  region: string;
  countries: CountryChoice[];
}

/**
 * The countries a host picks its overseas operations from (issue 19 item 8):
 * every country of the reference table but Japan, grouped by world region in
 * the order of world-regions.json. Stored and posted as ISO codes.
 */
export async function getCountryChoices(ctx: ServiceContext): Promise<CountryRegion[]> {
  const rows = await ctx.db.selectFrom("countries").select(["code", "name_ja", "name_en"]).where("code", "<>", "JP").orderBy("code").execute();
  const regionOf = new Map(worldRegions.regions.flatMap((r) => r.countries.map((c) => [c, r.code] as const)));
  const groups = new Map<string, CountryChoice[]>([...worldRegions.regions.map((r) => [r.code, []] as [string, CountryChoice[]]), ["other", []]]);
  for (const r of rows) groups.get(regionOf.get(r.code) ?? "other")!.push({ code: r.code, nameJa: r.name_ja, nameEn: r.name_en });
  return [...groups].filter(([, countries]) => countries.length > 0).map(([region, countries]) => ({ region, countries }));
}
