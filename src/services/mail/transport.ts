/**
 * Hands one queued e-mail to the outside world: SMTP through nodemailer when
 * SMTP_URL is set, otherwise the development outbox (an .eml file per e-mail
 * in <dataDir>/outbox/). Both are keyed by the e-mail's id: the Message-ID
 * header is <id@jip-platform> and the outbox file name ends in <id>.eml, so a
 * second attempt at the same e-mail (after a crash mid-send) overwrites the
 * file and carries the same Message-ID, which receiving servers de-duplicate.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailAttachment } from "./mailer.ts";

export interface QueuedEmail {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  locale: string;
  attachments: unknown;
  created_at: Date;
}

export interface MailTransport {
  /** Resolves once the e-mail is accepted (SMTP) or written (outbox); throws with the reason otherwise. */
  deliver(email: QueuedEmail): Promise<{ fileName: string | null }>;
  readonly kind: "smtp" | "outbox";
}

export interface TransportOptions {
  outboxDir: string;
  smtpUrl?: string | undefined;
  from?: string | undefined;
}

export const DEFAULT_FROM = "JIP Platform <no-reply@jip.example>";

/** Outbox files sort by when the e-mail was queued. */
export function outboxFileName(email: Pick<QueuedEmail, "id" | "created_at">): string {
  return `${email.created_at.toISOString().replace(/[:.]/g, "-")}-${email.id}.eml`;
}

export function createTransport(options: TransportOptions): MailTransport {
  const from = options.from ?? DEFAULT_FROM;
  // Short timeouts (nodemailer waits minutes by default): a dead server fails the attempt, the job retries later.
  const smtp = options.smtpUrl
    ? nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 })
    : null;
  const render = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const mailOf = (email: QueuedEmail) => ({
    from,
    to: email.to_address,
    subject: email.subject,
    text: email.body_text,
    messageId: `<${email.id}@jip-platform>`,
    date: email.created_at,
    headers: { "Content-Language": email.locale },
    attachments: (email.attachments as MailAttachment[] | null) ?? [],
  });
  if (smtp) {
    return {
      kind: "smtp",
      async deliver(email) {
        await smtp.sendMail(mailOf(email));
        return { fileName: null };
      },
    };
  }
  return {
    kind: "outbox",
    async deliver(email) {
      const info = await render.sendMail(mailOf(email));
      mkdirSync(options.outboxDir, { recursive: true });
      const fileName = outboxFileName(email);
      writeFileSync(path.join(options.outboxDir, fileName), info.message as Buffer);
      return { fileName };
    },
  };
}
