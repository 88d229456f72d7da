/**
 * The operator's message to a group: preview (how many, and the message as
 * one sample recipient per language sees it; nothing is written), and send,
 * which writes the message, one queued e-mail and one delivery (the inbox
 * entry, pointing at that e-mail) per recipient and the audit entry in one
 * transaction. The e-mails go out from the delivery job
 * (src/jobs/deliver-emails.ts), never during the request.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Locale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { type AudienceFilter, type MessageInput, audienceFilter, messageSchema } from "./message-schemas.ts";
import { type Recipient, findRecipients } from "./recipients.ts";
import { type Versions, renderText, versionFor } from "./render.ts";

export interface MessagePreview {
  recipients: number;
  samples: { locale: Locale; recipients: number; sampleName: string; subject: string; body: string }[];
}

function versions(input: MessageInput): { subject: Versions; body: Versions } {
  const pick = (v: Record<string, string | null>) => Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => Boolean(e[1]))) as Versions;
  return { subject: pick(input.subjects), body: pick(input.bodies) };
}

async function checkRefs(db: Kysely<Database>, filter: AudienceFilter): Promise<void> {
  if (filter.kind === "sessionRegistrants") {
    const s = await db.selectFrom("information_sessions").select("id").where("id", "=", filter.sessionId).executeTakeFirst();
    if (!s) throw new ValidationError({ sessionId: [{ key: "errors.chooseOne" }] });
    return;
  }
  const r = await db.selectFrom("rounds").select("id").where("id", "=", filter.roundId).executeTakeFirst();
  if (!r) throw new ValidationError({ roundId: [{ key: "errors.chooseOne" }] });
  if (filter.kind === "hosts" && filter.regionCode) {
    const region = await db.selectFrom("regions").select("code").where("code", "=", filter.regionCode).executeTakeFirst();
    if (!region) throw new ValidationError({ regionCode: [{ key: "errors.chooseOne" }] });
  }
}

function plan(recipients: Recipient[], texts: { subject: Versions; body: Versions }) {
  return recipients.map((r) => {
    const locale = versionFor(texts.subject, r.locale, r.host ? "host" : "person");
    return { ...r, version: locale, subject: renderText(texts.subject[locale] ?? "", r), body: renderText(texts.body[locale] ?? "", r) };
  });
}

export async function previewMessage(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<MessagePreview> {
  authorize(actor, "round.manage");
  const input = parseInput(messageSchema, raw);
  const filter = audienceFilter(input);
  await checkRefs(ctx.db, filter);
  const planned = plan(await findRecipients(ctx.db, filter), versions(input));
  const byLocale = new Map<Locale, typeof planned>();
  for (const p of planned) byLocale.set(p.version, [...(byLocale.get(p.version) ?? []), p]);
  return {
    recipients: planned.length,
    samples: [...byLocale.entries()].map(([locale, list]) => ({
      locale,
      recipients: list.length,
      sampleName: list[0]!.name,
      subject: list[0]!.subject,
      body: list[0]!.body,
    })),
  };
}

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
