import type { ServiceContext } from "../context.ts";

/** Countries that have upcoming in-person sessions (for the calendar's filter). */
export async function listSessionCountries(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom("information_sessions")
    .select("country_code")
    .distinct()
    .where("cancelled_at", "is", null)
    .where("ends_at", ">", ctx.clock())
    .where("country_code", "is not", null)
    .execute();
  return rows.map((r) => r.country_code!).sort();
}
