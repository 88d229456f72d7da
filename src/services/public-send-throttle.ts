/**
 * Public forms that send an e-mail (sign-up, forgot-password, information-
 * session registration) are throttled per address and per client (issue 11
 * item 6), with the sign-in limiter's mechanism (reserveCounters: one atomic
 * upsert per counter, slowed down rather than locked, forgotten after 15 quiet
 * minutes). Per address, across clients: PER_ADDRESS free sends of each form,
 * so no one floods an inbox; per client, across addresses and forms:
 * PER_CLIENT free sends, so no one fills a session with made-up addresses or
 * sends mail to many. Addresses are kept as SHA-256 digests: the counters
 * hold no address in clear.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { type Reservation, reserveCounters } from "./auth/login-rate-limit.ts";

export const PER_ADDRESS = 3;
export const PER_CLIENT = 20;

export type PublicSendForm = "sign-up" | "forgot-password" | "session-registration";

function addressKey(form: PublicSendForm, address: string): string {
  return `send:${form}:${createHash("sha256").update(address.trim().toLowerCase()).digest("hex")}`;
}

/**
 * Takes one send for this form, address and client, or says when the next may be made. `client` is the
 * request's IP (absent for the CLI and imports: then only the address is counted).
 */
export function reservePublicSend(db: Kysely<Database>, form: PublicSendForm, address: string, client: string | undefined, now: Date): Promise<Reservation> {
  return reserveCounters(
    db,
    [{ key: addressKey(form, address), client: "*", free: PER_ADDRESS }, ...(client ? [{ key: "send:*", client, free: PER_CLIENT }] : [])],
    now,
  );
}

/** Minutes until `retryAt`, at least 1 (for the "try again in N minutes" message). */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}
