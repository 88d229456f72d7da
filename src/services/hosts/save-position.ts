import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { positionSchema } from "./host-schemas.ts";
import { requireMembership } from "./membership.ts";
import { editableApplication, positionRow } from "./host-application-record.ts";

/** Adds a position (positionId null) or changes one of this organization's positions. */
export async function savePosition(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
  positionId: string | null,
  raw: unknown,
): Promise<{ id: string }> {
  const m = await requireMembership(ctx.db, actor);
  const input = parseInput(positionSchema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, false);
    const row = positionRow(input);
    if (positionId === null) {
      const id = crypto.randomUUID();
      await trx
        .insertInto("positions")
        .values({ id, host_application_id: app.id, ...row })
        .execute();
      await writeAudit(trx, m.actor, { action: "position.create", entityType: "position", entityId: id, after: row });
      return { id };
    }
    const before = await trx.selectFrom("positions").selectAll().where("id", "=", positionId).where("host_application_id", "=", app.id).executeTakeFirst();
    if (!before) throw new NotFoundError("position");
    await trx.updateTable("positions").set(row).where("id", "=", positionId).execute();
    await writeAudit(trx, m.actor, { action: "position.update", entityType: "position", entityId: positionId, before, after: row });
    return { id: positionId };
  });
}
