/** The regions, for the operator's message form (public reference data). */
import type { Locale } from "../../i18n/locales.ts";
import type { ServiceContext } from "../context.ts";

export async function listRegionChoices(ctx: ServiceContext, locale: Locale) {
  const rows = await ctx.db.selectFrom("regions").select(["code", "name_en", "name_ja"]).orderBy("sort_order").execute();
  return rows.map((r) => ({ code: r.code, name: locale === "ja" ? r.name_ja : r.name_en }));
}
