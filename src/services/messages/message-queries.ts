/**
 * Reading messages: the operator's list and one message with its delivery
 * counts and failures; a recipient's in-app inbox (opening a message marks it
 * read). A recipient sees the version chosen for them when it was sent.
 */
import { sql } from "kysely";
import { formatDay } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locales.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, UnauthenticatedError } from "../errors.ts";
import type { AudienceFilter } from "./message-schemas.ts";
import { type Versions, renderText } from "./render.ts";

export interface DeliveryCounts {
  pending: number;
  sent: number;
  failed: number;
}

function pick(v: unknown, locale: string): string {
  const versions = (v ?? {}) as Versions;
  return versions[locale as Locale] ?? versions.en ?? versions.ja ?? "";
}

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
    subject: pick(r.subject, locale),
    audience: (r.audience_filter as AudienceFilter).kind,
    createdAt: r.created_at.toISOString(),
    counts: { pending: Number(r.pending), sent: Number(r.sent), failed: Number(r.failed) } satisfies DeliveryCounts,
  }));
}

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
    subject: pick(subject, locale),
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

/** The signed-in user's messages, newest first, in the version chosen for them. */
export async function listInbox(ctx: ServiceContext, actor: Actor | null) {
  if (!actor) throw new UnauthenticatedError();
  const rows = await ctx.db
    .selectFrom("message_deliveries as d")
    .innerJoin("messages as m", "m.id", "d.message_id")
    .select(["m.id", "m.subject", "m.created_at", "d.locale", "d.recipient_name", "d.read_at"])
    .where("d.recipient_user_id", "=", actor.userId)
    .orderBy("m.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    locale: r.locale,
    subject: renderText(pick(r.subject, r.locale), { name: r.recipient_name }),
    sentAt: r.created_at.toISOString(),
    read: Boolean(r.read_at),
  }));
}

/** One message of the signed-in user's inbox; the first opening marks it read. */
export async function openInboxMessage(ctx: ServiceContext, actor: Actor | null, id: string) {
  if (!actor) throw new UnauthenticatedError();
  const row = await ctx.db
    .selectFrom("message_deliveries as d")
    .innerJoin("messages as m", "m.id", "d.message_id")
    .select(["m.id", "m.subject", "m.body", "m.created_at", "d.locale", "d.recipient_name", "d.read_at"])
    .where("d.recipient_user_id", "=", actor.userId)
    .where("d.message_id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("message");
  if (!row.read_at) {
    await ctx.db
      .updateTable("message_deliveries")
      .set({ read_at: ctx.clock() })
      .where("message_id", "=", id)
      .where("recipient_user_id", "=", actor.userId)
      .where("read_at", "is", null)
      .execute();
  }
  const values = { name: row.recipient_name };
  return {
    id: row.id,
    locale: row.locale,
    subject: renderText(pick(row.subject, row.locale), values),
    body: renderText(pick(row.body, row.locale), values),
    sentAt: row.created_at.toISOString(),
  };
}

/** For the operator's form: the sessions of every round, newest first. */
export async function listSessionChoices(ctx: ServiceContext, actor: Actor | null, locale: Locale) {
  authorize(actor, "round.manage");
  const rows = await ctx.db
    .selectFrom("information_sessions")
    .select(["id", "titles", "starts_at", "time_zone"])
    .orderBy("starts_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, title: `${pick(r.titles, locale)} (${formatDay(r.starts_at, locale, r.time_zone)})` }));
}

export async function listRegionChoices(ctx: ServiceContext, locale: Locale) {
  const rows = await ctx.db.selectFrom("regions").select(["code", "name_en", "name_ja"]).orderBy("sort_order").execute();
  return rows.map((r) => ({ code: r.code, name: locale === "ja" ? r.name_ja : r.name_en }));
}
