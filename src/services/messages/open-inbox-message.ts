import { signedIn } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { pickVersion, renderText } from "./render.ts";

/** One message of the signed-in user's inbox; the first opening marks it read. */
export async function openInboxMessage(ctx: ServiceContext, actor: Actor | null, id: string) {
  const who = signedIn(actor);
  const row = await ctx.db
    .selectFrom("message_deliveries as d")
    .innerJoin("messages as m", "m.id", "d.message_id")
    .select(["m.id", "m.subject", "m.body", "m.created_at", "d.locale", "d.recipient_name", "d.read_at"])
    .where("d.recipient_user_id", "=", who.userId)
    .where("d.message_id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("message");
  if (!row.read_at) {
    await ctx.db
      .updateTable("message_deliveries")
      .set({ read_at: ctx.clock() })
      .where("message_id", "=", id)
      .where("recipient_user_id", "=", who.userId)
      .where("read_at", "is", null)
      .execute();
  }
  const values = { name: row.recipient_name };
  return {
    id: row.id,
    locale: row.locale,
    subject: renderText(pickVersion(row.subject, row.locale), values),
    body: renderText(pickVersion(row.body, row.locale), values),
    sentAt: row.created_at.toISOString(),
  };
}
