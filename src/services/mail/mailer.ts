/**
 * Queues the platform's e-mails (ADR 0008). Each is rendered at once from a
 * template in the recipient's language and written as one pending
 * outbound_emails row, in the caller's transaction when it passes one, so an
 * e-mail exists exactly when the change it reports was committed. Nothing is
 * sent during the request: the delivery job (src/jobs/deliver-emails.ts)
 * hands queued rows to the transport (src/services/mail/transport.ts).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { DEFAULT_LOCALE, type Locale, isLocale } from "../../i18n/locales.ts";
import { type TranslateParams, translator } from "../../i18n/translator.ts";

export type MailTemplate =
  | "verifyEmail"
  | "resetPassword"
  | "staffInvitation"
  | "applicationReceipt"
  | "hostInvitation"
  | "hostJoinRequest"
  | "hostDecision"
  | "sessionRegistered"
  | "sessionWaitlisted"
  | "sessionPromoted"
  | "sessionReminder"
  | "sessionFollowUp"
  | "sessionCancelled"
  /** A message to a group (issue 7): params.subject and params.body arrive already rendered, in plain text. */
  | "groupMessage";

/** A file sent with the e-mail (e.g. an information session's .ics calendar entry). */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface MailMessage {
  to: string;
  template: MailTemplate;
  locale: string;
  params: TranslateParams;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /**
   * Queues one e-mail and returns its id. Pass the use case's open
   * transaction as `db` so the e-mail commits, or rolls back, with the change.
   */
  queue(message: MailMessage, db?: Kysely<Database>): Promise<string>;
  /** Queues many e-mails in a few statements (e.g. a message to 10,000 applicants); ids in order. */
  queueAll(messages: readonly MailMessage[], db?: Kysely<Database>): Promise<string[]>;
}

function textsOf(message: MailMessage, locale: Locale): { subject: string; body: string } {
  if (message.template === "groupMessage") return { subject: String(message.params.subject ?? ""), body: String(message.params.body ?? "") };
  const t = translator(locale);
  return { subject: t(`mail.${message.template}.subject`, message.params), body: t(`mail.${message.template}.body`, message.params) };
}

/** The row one message becomes: subject and body in the recipient's language. */
function renderMail(message: MailMessage, id: string, createdAt: Date) {
  const locale = isLocale(message.locale) ? message.locale : DEFAULT_LOCALE;
  const { subject, body } = textsOf(message, locale);
  return {
    id,
    to_address: message.to,
    subject,
    body_text: body,
    template: message.template,
    locale,
    attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
    status: "pending",
    created_at: createdAt,
  };
}

const CHUNK = 500;

export function createMailer(options: { db: Kysely<Database>; clock: () => Date }): Mailer {
  const queueAll = async (messages: readonly MailMessage[], db: Kysely<Database> = options.db): Promise<string[]> => {
    const createdAt = options.clock();
    const rows = messages.map((m) => renderMail(m, crypto.randomUUID(), createdAt));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto("outbound_emails")
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
    return rows.map((r) => r.id);
  };
  return {
    queueAll,
    async queue(message, db) {
      const [id] = await queueAll([message], db);
      return id!;
    },
  };
}
