/**
 * Sends a message to a group: the message, one queued e-mail and one delivery
 * (the inbox entry, pointing at that e-mail) per recipient and the audit entry
 * in one transaction. The e-mails go out from the delivery job.
 */
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { audienceFilter, messageSchema } from "./message-schemas.ts";
import { findRecipients } from "./recipients.ts";
import { versions, checkRefs, plan } from "./message-plan.ts";

export async function sendMessage(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string; recipients: number }> {
  const who = authorize(actor, "round.manage");
  const input = parseInput(messageSchema, raw);
  const filter = audienceFilter(input);
  const texts = versions(input);
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    await checkRefs(trx, filter);
    const planned = plan(await findRecipients(trx, filter), texts);
    if (planned.length === 0) throw new RefusedError("messagesStaff.refusals", [{ code: "no_recipients" }]);
    const now = ctx.clock();
    await trx
      .insertInto("messages")
      .values({
        id,
        subject: JSON.stringify(texts.subject),
        body: JSON.stringify(texts.body),
        audience_filter: JSON.stringify(filter),
        created_by: who.userId,
        created_at: now,
        sent_at: now,
      })
      .execute();
    const emailIds = await ctx.mailer.queueAll(
      planned.map((p) => ({ to: p.email, template: "groupMessage" as const, locale: p.version, params: { subject: p.subject, body: p.body } })),
      trx,
    );
    for (let i = 0; i < planned.length; i += 500) {
      await trx
        .insertInto("message_deliveries")
        .values(
          planned.slice(i, i + 500).map((p, j) => ({
            message_id: id,
            recipient_user_id: p.userId,
            recipient_email: p.email,
            recipient_name: p.name,
            locale: p.version,
            email_id: emailIds[i + j]!,
          })),
        )
        .execute();
    }
    await writeAudit(trx, who, {
      action: "message.send",
      entityType: "message",
      entityId: id,
      after: { audience: filter, recipients: planned.length, languages: Object.keys(texts.subject) },
    });
    return { id, recipients: planned.length };
  });
}
