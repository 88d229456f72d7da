/**
 * Sign-in attempts are limited per account and per IP address: after too
 * many failures inside the window, further attempts are refused until the
 * oldest failure leaves the window. Stored in the database, so the limit
 * holds across restarts and across app nodes.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function loginBlockedUntil(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db
      .selectFrom("login_attempts")
      .select("at")
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .where("succeeded", "=", false)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(MAX_FAILURES_PER_ACCOUNT)
      .execute(),
    db
      .selectFrom("login_attempts")
      .select("at")
      .where("ip", "=", ip)
      .where("succeeded", "=", false)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(MAX_FAILURES_PER_IP)
      .execute(),
  ]);
  const until = (rows: { at: Date }[], max: number) => (rows.length >= max ? new Date(rows[rows.length - 1]!.at.getTime() + LOGIN_WINDOW_MS) : null);
  const a = until(byAccount, MAX_FAILURES_PER_ACCOUNT);
  const b = until(byIp, MAX_FAILURES_PER_IP);
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

export async function recordLoginAttempt(db: Kysely<Database>, email: string, ip: string, succeeded: boolean, at: Date) {
  await db.insertInto("login_attempts").values({ email: email.toLowerCase(), ip, succeeded, at }).execute();
}
