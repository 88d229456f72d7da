/** One message for the operator: its versions, delivery counts, reads and failures. */
import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import type { AudienceFilter } from "./message-schemas.ts";
import { type DeliveryCounts, type Versions, pickVersion } from "./render.ts";

export async function getMessage(ctx: ServiceContext, actor: Actor | null, id: string, locale: Locale) {
  authorize(actor, "round.manage");
  const m = await ctx.db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirst();
  if (!m) throw new NotFoundError("message");
  const deliveries = await ctx.db
    .selectFrom("message_deliveries as d")
    .leftJoin("outbound_emails as e", "e.id", "d.email_id")
    .select(["d.recipient_email", "d.recipient_name", "d.read_at", "e.status", "e.error", "e.attempts", "e.next_attempt_at"])
    .where("d.message_id", "=", id)
    .orderBy("d.recipient_email")
    .execute();
  const counts: DeliveryCounts = { pending: 0, sent: 0, failed: 0 };
  for (const d of deliveries) if (d.status && d.status in counts) counts[d.status as keyof DeliveryCounts]++;
  const subject = (m.subject ?? {}) as Versions;
  const body = (m.body ?? {}) as Versions;
  return {
    id: m.id,
    subject: pickVersion(subject, locale),
    audience: m.audience_filter as AudienceFilter,
    createdAt: m.created_at.toISOString(),
    versions: Object.keys(subject).map((l) => ({ locale: l, subject: subject[l as Locale] ?? "", body: body[l as Locale] ?? "" })),
    counts,
    read: deliveries.filter((d) => d.read_at).length,
    failures: deliveries
      .filter((d) => d.status === "failed")
      .map((d) => ({
        email: d.recipient_email,
        name: d.recipient_name,
        reason: d.error ?? "",
        attempts: d.attempts ?? 0,
        nextAttemptAt: d.next_attempt_at ? d.next_attempt_at.toISOString() : null,
      })),
  };
}
