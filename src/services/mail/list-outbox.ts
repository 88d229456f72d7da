/**
 * The e-mail log for operators: every e-mail the platform queued (SMTP and
 * development outbox alike), newest first, with where it stands: waiting,
 * sent, or failed with the reason and the next attempt (none: given up).
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { sameEmail } from "../email-address.ts";
import { type Page, type PageRequest, fetchPage, inPage } from "../paging.ts";
import { countFailedEmails } from "./count-failed-emails.ts";

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === "string" && (EMAIL_STATUSES as readonly string[]).includes(value);
}

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  body: string;
  template: string;
  locale: string;
  createdAt: Date;
  status: EmailStatus;
  attempts: number;
  error: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

export interface OutboxFilter {
  to?: string | undefined;
  status?: EmailStatus | undefined;
}

export async function listOutbox(
  ctx: ServiceContext,
  actor: Actor | null,
  filter: OutboxFilter,
  page: PageRequest,
): Promise<Page<OutboxRow> & { failed: number }> {
  authorize(actor, "outbox.read");
  let q = ctx.db.selectFrom("outbound_emails");
  const to = filter.to;
  if (to) q = q.where((eb) => sameEmail(eb, "to_address", to));
  if (filter.status) q = q.where("status", "=", filter.status);
  const [list, failed] = await Promise.all([
    fetchPage(page, {
      total: q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
      items: q.selectAll().orderBy("created_at", "desc").orderBy("id").$call(inPage(page)).execute(),
    }),
    countFailedEmails(ctx, actor),
  ]);
  const items = list.items.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    template: r.template,
    locale: r.locale,
    createdAt: r.created_at,
    status: isEmailStatus(r.status) ? r.status : "pending",
    attempts: r.attempts,
    error: r.error,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
  }));
  return { ...list, items, failed: failed ?? 0 };
}
