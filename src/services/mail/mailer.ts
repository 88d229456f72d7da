/**
 * Queues the platform's e-mails (ADR 0008). Each is rendered at once from a
 * template in the recipient's language and written as one pending
 * outbound_emails row, in the caller's transaction when it passes one, so an
 * e-mail exists exactly when the change it reports was committed. Nothing is
 * sent during the request: the delivery job (src/jobs/deliver-emails.ts)
 * hands queued rows to the transport (src/services/mail/transport.ts).
 *
 * Templates name the parameters that are authentication secrets (SECRET_PARAMS:
 * reset, verification, invitation and cancel links). For those, body_text is
 * rendered with the link replaced by a notice that a link was sent — the copy
 * staff see on the E-mails page — and the text as sent is stored sealed in
 * secret_body (src/services/mail/secret-box.ts) for the delivery job, which
 * erases it once the e-mail is sent (issue 11 item 1).
 */
import type { Insertable, Kysely } from "kysely";
import type { Database, OutboundEmailsTable } from "../../db/schema.ts";
import { type Locale, localeOr } from "../../i18n/locales.ts";
import { type TranslateParams, translator } from "../../i18n/translator.ts";
import type { SecretBox } from "./secret-box.ts";

export type MailTemplate =
  | "verifyEmail"
  | "resetPassword"
  | "staffInvitation"
  | "applicationReceipt"
  | "hostInvitation"
  | "hostJoinRequest"
  | "hostDecision"
  | "hostSubmitted"
  /** The operator verified or rejected a newly registered organization (ADR 0029): params.decision verified | rejected. */
  | "hostOrganizationVerification"
  | "sessionRegistered"
  | "sessionWaitlisted"
  | "sessionPromoted"
  | "sessionReminder"
  | "sessionFollowUp"
  | "sessionCancelled"
  /** What the program office did with a host's case study (issue 18): params.kind says which. */
  | "caseUpdate"
  /** Interviews and selection (issue 14): invitation, booking (params.kind booked | moved, with ICS), cancellation (ICS CANCEL), decision, a place from the waiting list. */
  | "interviewInvitation"
  | "interviewBooked"
  | "interviewCancelled"
  | "selectionDecision"
  | "selectionPromoted"
  /** Issue 14 (ADR 0033): a place offered from the waiting list with its deadline; the offer lapsed; an interview tomorrow. Texts in selectionOffers.mail. */
  | "selectionOffers.mail.offer"
  | "selectionOffers.mail.expired"
  | "selectionOffers.mail.interviewReminder"
  /** A round's deadlines moved after it opened (issue 19): params.changes is one line per deadline, already rendered. */
  | "roundDeadlinesChanged"
  /** Screening (issue 13): a reviewer's open reads before the screening deadline (params.open, params.deadline). */
  | "screeningReminder"
  /** A message to a group (issue 7): params.subject and params.body arrive already rendered, in plain text. */
  | "groupMessage"
  /** Matching offers (issue 15, ADR 0034): texts in the feature's own catalogue (a template with a dot is its own key prefix). */
  | "matchingOffers.mail.offer"
  | "matchingOffers.mail.noOffer"
  | "matchingOffers.mail.fromWaitingList"
  | "matchingOffers.mail.hostAnswered"
  | "matchingOffersStaff.mail.applicantAnswered"
  | "matchingOffersStaff.mail.hostOffers"
  /** Late daily reports (issue 16, ADR 0035): the intern is reminded of the days without a report. */
  | "internshipPeriod.reminder"
  /** Outcome follow-ups (issue 16, ADR 0039): the host is asked 6 and 12 months after a placement's last day. */
  | "internshipOutcomes.mail.request"
  /** The one reminder 14 days after an unanswered outcome request (ADR 0039, amended). */
  | "internshipOutcomes.mail.reminder";

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
  /**
   * The `outbound_emails` row `queue` would insert, rendered now, for a use case that inserts it within a
   * statement of its own (the submission's one write at the deadline rush, issue #20 item 2): the same
   * subject, body, sealed secret and status as a queued e-mail, picked up by the same delivery job.
   */
  rowOf(message: MailMessage): Insertable<OutboundEmailsTable> & { id: string };
}

/**
 * The parameters of each template that carry an authentication secret: whoever
 * holds the link can reset a password, confirm an address, take an invitation
 * or cancel a registration. They are never stored or shown in clear.
 */
export const SECRET_PARAMS: Readonly<Partial<Record<MailTemplate, readonly string[]>>> = {
  verifyEmail: ["url"],
  resetPassword: ["url"],
  staffInvitation: ["url"],
  hostInvitation: ["url"],
  sessionRegistered: ["cancelUrl"],
  sessionWaitlisted: ["cancelUrl"],
  sessionPromoted: ["cancelUrl"],
  sessionReminder: ["cancelUrl"],
};

function textsOf(message: MailMessage, locale: Locale, params: TranslateParams): { subject: string; body: string } {
  if (message.template === "groupMessage") return { subject: String(params.subject ?? ""), body: String(params.body ?? "") };
  const t = translator(locale);
  const key = message.template.includes(".") ? message.template : `mail.${message.template}`;
  return { subject: t(`${key}.subject`, params), body: t(`${key}.body`, params) };
}

/** The message's parameters with every secret link replaced by a notice that one was sent; null when it has none. */
function redactedParams(message: MailMessage, locale: Locale): TranslateParams | null {
  const secret = (SECRET_PARAMS[message.template] ?? []).filter((k) => {
    const v = message.params[k];
    return typeof v === "string" && v !== "";
  });
  if (secret.length === 0) return null;
  const hidden = translator(locale)("mail.hiddenLink");
  return { ...message.params, ...Object.fromEntries(secret.map((k) => [k, hidden])) };
}

/** The row one message becomes: subject and body in the recipient's language (secrets hidden, the sent text sealed). */
function renderMail(message: MailMessage, id: string, createdAt: Date, box: SecretBox): Insertable<OutboundEmailsTable> & { id: string } {
  const locale = localeOr(message.locale);
  const { subject, body } = textsOf(message, locale, message.params);
  const redacted = redactedParams(message, locale);
  return {
    id,
    to_address: message.to,
    subject,
    body_text: redacted ? textsOf(message, locale, redacted).body : body,
    secret_body: redacted ? box.seal(body) : null,
    template: message.template,
    locale,
    attachments: message.attachments?.length ? JSON.stringify(message.attachments) : null,
    status: "pending",
    created_at: createdAt,
  };
}

const CHUNK = 500;

export function createMailer(options: { db: Kysely<Database>; clock: () => Date; secrets: SecretBox }): Mailer {
  const queueAll = async (messages: readonly MailMessage[], db: Kysely<Database> = options.db): Promise<string[]> => {
    const createdAt = options.clock();
    const rows = messages.map((m) => renderMail(m, crypto.randomUUID(), createdAt, options.secrets));
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
    rowOf: (message) => renderMail(message, crypto.randomUUID(), options.clock(), options.secrets),
  };
}
