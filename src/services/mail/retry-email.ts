/**
 * An operator sends a failed e-mail again (e.g. after fixing the SMTP
 * settings, or once a full mailbox has room): it goes back to the queue as if
 * new, due at once, with a fresh count of attempts. Only a failed e-mail can
 * be retried, so a sent one is never sent twice this way.
 */
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";

export async function retryEmail(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const who = authorize(actor, "outbox.retry");
  await ctx.db.transaction().execute(async (trx) => {
    const email = await trx.selectFrom("outbound_emails").select(["id", "status", "attempts", "error"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!email) throw new NotFoundError("outbound_email");
    if (email.status !== "failed") throw new RefusedError("outbox.refusals", [{ code: "not_failed" }]);
    await trx.updateTable("outbound_emails").set({ status: "pending", attempts: 0, next_attempt_at: null, claimed_at: null }).where("id", "=", id).execute();
    await writeAudit(trx, who, {
      action: "email.retry",
      entityType: "outbound_email",
      entityId: id,
      before: { status: email.status, attempts: email.attempts, error: email.error },
    });
  });
}
