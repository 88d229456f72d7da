import { signedIn } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { pickVersion, renderText } from "./render.ts";

/** The signed-in user's messages, newest first, in the version chosen for them. */
export async function listInbox(ctx: ServiceContext, actor: Actor | null) {
  const who = signedIn(actor);
  const rows = await ctx.db
    .selectFrom("message_deliveries as d")
    .innerJoin("messages as m", "m.id", "d.message_id")
    .select(["m.id", "m.subject", "m.created_at", "d.locale", "d.recipient_name", "d.read_at"])
    .where("d.recipient_user_id", "=", who.userId)
    .orderBy("m.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    locale: r.locale,
    subject: renderText(pickVersion(r.subject, r.locale), { name: r.recipient_name }),
    sentAt: r.created_at.toISOString(),
    read: Boolean(r.read_at),
  }));
}
