/**
 * Delivers the e-mail queue (ADR 0008). One run claims due e-mails in small
 * batches with one UPDATE … RETURNING over rows picked FOR UPDATE SKIP LOCKED
 * (claimed_at set, attempts + 1), so two runs, or two app nodes, never claim
 * the same e-mail. Each claimed e-mail is handed to the transport and then
 * marked sent, or failed with the reason and its next attempt after an
 * exponential back-off (base, 2×, 4×, …). After maxAttempts it stays failed
 * (given up) until an operator retries it. A claim that is never settled
 * (the process died while sending) expires after the lease and the e-mail is
 * tried again with the same Message-ID. An e-mail that carries a secret link
 * is sent from its sealed text (secret_body), which is erased once it is sent
 * (issue 11 item 1): body_text is the copy with the link hidden.
 */
import { type Kysely, type Updateable, sql } from "kysely";
import type { Database, OutboundEmailsTable } from "../db/schema.ts";
import type { SecretBox } from "../services/mail/secret-box.ts";
import type { MailTransport } from "../services/mail/transport.ts";
import { repeatJob } from "./repeat.ts";

export interface DeliveryContext {
  db: Kysely<Database>;
  transport: MailTransport;
  clock: () => Date;
  /** Opens the sealed text of e-mails that carry a secret link. */
  mailSecrets: SecretBox;
}

export interface DeliveryOptions {
  maxAttempts?: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs?: number;
  /** How long a claim holds before another run may take the e-mail over. */
  leaseMs?: number;
  batchSize?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_BASE_DELAY_MS = 60_000;
export const DEFAULT_LEASE_MS = 15 * 60_000;
const DEFAULT_BATCH = 20;

export function backOffMs(attempts: number, baseDelayMs = DEFAULT_BASE_DELAY_MS): number {
  return baseDelayMs * 2 ** Math.max(0, attempts - 1);
}

async function claimBatch(ctx: DeliveryContext, now: Date, maxAttempts: number, leaseMs: number, batchSize: number) {
  const expired = new Date(now.getTime() - leaseMs);
  return ctx.db
    .updateTable("outbound_emails")
    .set({ claimed_at: now, attempts: sql`attempts + 1` })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbound_emails")
        .select("id")
        .where("status", "<>", "sent")
        .where("attempts", "<", maxAttempts)
        .where((w) => w.or([w("claimed_at", "is", null), w("claimed_at", "<", expired)]))
        .where((w) => w.or([w("next_attempt_at", "is", null), w("next_attempt_at", "<=", now)]))
        .orderBy("created_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "to_address", "subject", "body_text", "secret_body", "locale", "attachments", "created_at", "attempts", "template"])
    .execute();
}

function openSealed(ctx: DeliveryContext, sealed: string): string {
  try {
    return ctx.mailSecrets.open(sealed);
  } catch {
    throw new Error("the sealed text cannot be opened (was BETTER_AUTH_SECRET changed?)");
  }
}

/** Sends every e-mail due at `now`; returns how many went out and how many failed this run. */
export async function deliverDueEmails(
  ctx: DeliveryContext,
  now: Date = ctx.clock(),
  options: DeliveryOptions = {},
): Promise<{ sent: number; failed: number }> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimBatch(ctx, now, maxAttempts, options.leaseMs ?? DEFAULT_LEASE_MS, batchSize);
    for (const email of claimed) {
      // Settle only a claim that is still ours (a run whose lease expired must not overwrite the next one).
      const settle = (values: Updateable<OutboundEmailsTable>) =>
        ctx.db.updateTable("outbound_emails").set(values).where("id", "=", email.id).where("claimed_at", "=", now).execute();
      try {
        const bodyText = email.secret_body === null ? email.body_text : openSealed(ctx, email.secret_body);
        const { fileName } = await ctx.transport.deliver({ ...email, body_text: bodyText });
        sent++;
        await settle({ status: "sent", sent_at: ctx.clock(), file_name: fileName, error: null, next_attempt_at: null, claimed_at: null, secret_body: null });
      } catch (err) {
        failed++;
        const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500) || "unknown error";
        const next = email.attempts < maxAttempts ? new Date(now.getTime() + backOffMs(email.attempts, baseDelayMs)) : null;
        console.error(`e-mail ${email.id} (${email.template}) failed on attempt ${email.attempts}: ${reason}`);
        await settle({ status: "failed", error: reason, next_attempt_at: next, claimed_at: null });
      }
    }
    if (claimed.length < batchSize) return { sent, failed };
  }
}

/** Runs the delivery job every second in the server process; returns a stop function. */
export function startEmailJob(ctx: DeliveryContext, everyMs = 1_000): () => void {
  return repeatJob("e-mail delivery job", everyMs, () => deliverDueEmails(ctx));
}
