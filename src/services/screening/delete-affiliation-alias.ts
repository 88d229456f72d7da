import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";

/** The operator removes one entry of the alias table (assignments already made stay; later runs no longer use it). Audited. */
export async function deleteAffiliationAlias(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const who = authorize(actor, "screening.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("affiliation_aliases").select(["canonical", "aliases"]).where("id", "=", id).executeTakeFirst();
    if (!before) throw new NotFoundError("affiliation_alias");
    await trx.deleteFrom("affiliation_aliases").where("id", "=", id).execute();
    await writeAudit(trx, who, { action: "screening.alias_delete", entityType: "affiliation_alias", entityId: id, before });
  });
}
