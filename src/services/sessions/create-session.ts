/** The operator creates an information session of a round. Audited. */
import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseSession, checkRefs } from "./session-input.ts";

export async function createSession(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "round.manage");
  const values = parseSession(raw, ctx.clock());
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    await checkRefs(trx, values);
    await trx
      .insertInto("information_sessions")
      .values({ id, ...values })
      .execute();
    await writeAudit(trx, who, { action: "session.create", entityType: "information_session", entityId: id, after: values });
    return { id };
  });
}
