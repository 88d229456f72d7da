/**
 * The e-mail log for operators: every e-mail the platform queued (SMTP and
 * development outbox alike), newest first, with where it stands: waiting,
 * sent, or failed with the reason and the next attempt (none: given up).
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
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
  if (filter.to) q = q.where((eb) => eb(eb.fn("lower", ["to_address"]), "=", filter.to!.toLowerCase()));
  if (filter.status) q = q.where("status", "=", filter.status);
  const [{ total }, rows, failed] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    countFailedEmails(ctx, actor),
  ]);
  const items = rows.map((r) => ({
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
  return { ...pageOf(items, Number(total), page), failed: failed ?? 0 };
}
