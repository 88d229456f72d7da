/** The operator's messages to groups, newest first, with their delivery counts. */
import { sql } from "kysely";
import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import type { AudienceFilter } from "./message-schemas.ts";
import { type DeliveryCounts, pickVersion } from "./render.ts";

export async function listMessages(ctx: ServiceContext, actor: Actor | null, locale: Locale) {
  authorize(actor, "round.manage");
  const rows = await ctx.db
    .selectFrom("messages as m")
    .leftJoin("message_deliveries as d", "d.message_id", "m.id")
    .leftJoin("outbound_emails as e", "e.id", "d.email_id")
    .select([
      "m.id",
      "m.subject",
      "m.audience_filter",
      "m.created_at",
      sql<string>`count(e.id) filter (where e.status = 'pending')`.as("pending"),
      sql<string>`count(e.id) filter (where e.status = 'sent')`.as("sent"),
      sql<string>`count(e.id) filter (where e.status = 'failed')`.as("failed"),
    ])
    .groupBy(["m.id", "m.subject", "m.audience_filter", "m.created_at"])
    .orderBy("m.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subject: pickVersion(r.subject, locale),
    audience: (r.audience_filter as AudienceFilter).kind,
    createdAt: r.created_at.toISOString(),
    counts: { pending: Number(r.pending), sent: Number(r.sent), failed: Number(r.failed) } satisfies DeliveryCounts,
  }));
}
