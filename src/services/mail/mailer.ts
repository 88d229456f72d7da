/**
 * Sends the platform's e-mails, each rendered from a template in the
 * recipient's language. With SMTP_URL set it uses SMTP (nodemailer);
 * otherwise every message goes to the development outbox: an .eml file in
 * <dataDir>/outbox/ and a row operators can read on the outbox page.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "../../db/schema.ts";
import { DEFAULT_LOCALE, isLocale } from "../../i18n/locales.ts";
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
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  db: Kysely<Database>;
  outboxDir: string;
  smtpUrl?: string | undefined;
  from?: string | undefined;
}

export function createMailer(options: MailerOptions): Mailer {
  const from = options.from ?? "JIP Platform <no-reply@jip.example>";
  const smtp = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const render = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

  return {
    async send(message) {
      const locale = isLocale(message.locale) ? message.locale : DEFAULT_LOCALE;
      const t = translator(locale);
      const prerendered = message.template === "groupMessage";
      const subject = prerendered ? String(message.params.subject ?? "") : t(`mail.${message.template}.subject`, message.params);
      const text = prerendered ? String(message.params.body ?? "") : t(`mail.${message.template}.body`, message.params);
      const id = crypto.randomUUID();
      const mail = { from, to: message.to, subject, text, headers: { "Content-Language": locale }, ...(message.attachments ? { attachments: message.attachments } : {}) };
      let fileName: string | null = null;
      if (smtp) {
        await smtp.sendMail(mail);
      } else {
        const info = await render.sendMail(mail);
        mkdirSync(options.outboxDir, { recursive: true });
        fileName = `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}.eml`;
        writeFileSync(path.join(options.outboxDir, fileName), info.message as Buffer);
      }
      await options.db
        .insertInto("outbound_emails")
        .values({
          id,
          to_address: message.to,
          subject,
          body_text: text,
          template: message.template,
          locale,
          file_name: fileName,
          status: "sent",
        })
        .execute();
    },
  };
}
