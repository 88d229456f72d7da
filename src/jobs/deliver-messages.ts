/**
 * Delivers messages to groups (issue 7), the same claiming pattern as the
 * reminders (ADR 0007): due deliveries are claimed in one UPDATE … RETURNING
 * (claimed_at set, attempts + 1), so two runs never claim the same row; the
 * e-mails go out after that statement. Each is then marked sent, or failed
 * with the reason and its next attempt after an exponential back-off
 * (base, 2×, 4×, …) until maxAttempts. A sent delivery is never claimed again.
 */
import { sql } from "kysely";
import { repeatJob } from "./repeat.ts";
import type { ServiceContext } from "../services/context.ts";
import { renderText } from "../services/messages/render.ts";

export interface DeliveryOptions {
  maxAttempts?: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 60_000;

export function backOffMs(attempts: number, baseDelayMs = DEFAULT_BASE_DELAY_MS): number {
  return baseDelayMs * 2 ** Math.max(0, attempts - 1);
}

export async function deliverDueMessages(ctx: ServiceContext, now: Date = ctx.clock(), options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const claimed = await ctx.db
    .updateTable("message_deliveries")
    .set({ claimed_at: now, attempts: sql`attempts + 1` })
    .where("status", "<>", "sent")
    .where("claimed_at", "is", null)
    .where("attempts", "<", maxAttempts)
    .where((w) => w.or([w("next_attempt_at", "is", null), w("next_attempt_at", "<=", now)]))
    .returning(["message_id", "recipient_email", "recipient_name", "locale", "attempts"])
    .execute();
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const ids = [...new Set(claimed.map((c) => c.message_id))];
  const messages = new Map((await ctx.db.selectFrom("messages").select(["id", "subject", "body"]).where("id", "in", ids).execute()).map((m) => [m.id, m]));
  let sent = 0;
  let failed = 0;
  for (const d of claimed) {
    const m = messages.get(d.message_id)!;
    const pick = (v: unknown) => {
      const versions = (v ?? {}) as Record<string, string>;
      return versions[d.locale] ?? versions.en ?? "";
    };
    const mine = (q: ReturnType<typeof ctx.db.updateTable<"message_deliveries">>) =>
      q.where("message_id", "=", d.message_id).where("recipient_email", "=", d.recipient_email).where("claimed_at", "=", now);
    try {
      await ctx.mailer.send({
        to: d.recipient_email,
        template: "groupMessage",
        locale: d.locale,
        params: { subject: renderText(pick(m.subject), { name: d.recipient_name }), body: renderText(pick(m.body), { name: d.recipient_name }) },
      });
      sent++;
      await mine(ctx.db.updateTable("message_deliveries").set({ status: "sent", sent_at: ctx.clock(), failure_reason: null, next_attempt_at: null, claimed_at: null })).execute();
    } catch (err) {
      failed++;
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const next = d.attempts < maxAttempts ? new Date(now.getTime() + backOffMs(d.attempts, baseDelayMs)) : null;
      console.error("group message e-mail failed", d.message_id, d.recipient_email, reason);
      await mine(ctx.db.updateTable("message_deliveries").set({ status: "failed", failure_reason: reason, next_attempt_at: next, claimed_at: null })).execute();
    }
  }
  return { sent, failed };
}

/** Runs the delivery job every few seconds in the server process; returns a stop function. */
export function startMessageJob(ctx: ServiceContext, everyMs = 2_000): () => void {
  return repeatJob("message delivery job", everyMs, () => deliverDueMessages(ctx));
}
