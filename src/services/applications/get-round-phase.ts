import type { ServiceContext } from "../context.ts";

/** The phase of a round, for an applicant's status page (public information). */
export async function getRoundPhase(ctx: Pick<ServiceContext, "db">, roundId: string): Promise<string | null> {
  const round = await ctx.db.selectFrom("rounds").select("phase").where("id", "=", roundId).executeTakeFirst();
  return round?.phase ?? null;
}
