/** Removes one of the organization's positions while the application may still be edited. Audited. */
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requireMembership } from "./membership.ts";
import { editableApplication } from "./host-application-record.ts";

export async function removePosition(ctx: ServiceContext, actor: Actor | null, roundId: string, positionId: string): Promise<void> {
  const m = await requireMembership(ctx.db, actor);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const before = await trx.selectFrom("positions").selectAll().where("id", "=", positionId).where("host_application_id", "=", app.id).executeTakeFirst();
    if (!before) throw new NotFoundError("position");
    await trx.deleteFrom("positions").where("id", "=", positionId).execute();
    await writeAudit(trx, m.actor, { action: "position.remove", entityType: "position", entityId: positionId, before });
  });
}
