import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

/** The operator's alias table: each organization's name and its other names (conflict checks of every round). */
export async function listAffiliationAliases(ctx: ServiceContext, actor: Actor | null) {
  authorize(actor, "screening.manage");
  const rows = await ctx.db.selectFrom("affiliation_aliases").select(["id", "canonical", "aliases", "updated_at"]).orderBy("canonical").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, canonical: r.canonical, aliases: r.aliases, updatedAt: r.updated_at }));
}
