import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { promoteWaitlisted } from "./waiting-list.ts";
import { parseSession, checkRefs } from "./session-input.ts";

/** Edits a session; a larger capacity promotes people from the waiting list (they are told by e-mail). */
export async function updateSession(ctx: ServiceContext, actor: Actor | null, id: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "round.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("information_sessions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError("information_session");
    const values = parseSession(raw, ctx.clock(), { allowPastStart: before.starts_at });
    await checkRefs(trx, values);
    await trx.updateTable("information_sessions").set(values).where("id", "=", id).execute();
    await writeAudit(trx, who, { action: "session.update", entityType: "information_session", entityId: id, before, after: values });
    await ctx.mailer.queueAll(await promoteWaitlisted(ctx, trx, id), trx);
  });
}
