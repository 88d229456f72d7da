/**
 * The sign-in limiter (issue 11 item 2; docs/security.md). Counted per
 * account and client (IP address), so an attacker elsewhere cannot lock the
 * owner out, and per client across accounts (password spraying). A client
 * has FREE_FAILURES tries per account; after that it is slowed down, not
 * locked: each further try must wait 30 s, then 1, 2, 4 … minutes, at most
 * 15, after the previous one. A counter is forgotten 15 minutes after its
 * last failure, on a successful sign-in, and on a password reset.
 *
 * The check and the count are one atomic step, taken before the password is
 * checked: an upsert that counts the try only where it is allowed
 * (PostgreSQL's ON CONFLICT … DO UPDATE … WHERE locks the row), on both
 * counters in one transaction. So 120 simultaneous tries get exactly
 * FREE_FAILURES evaluations, whatever the database. A successful try gives
 * its count back. Stored in the database: the limit holds across restarts
 * and app nodes.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export const FREE_FAILURES = 5;
export const CLIENT_FREE_FAILURES = 30;
export const FORGET_AFTER_MS = 15 * 60_000;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** The counter of a client across all accounts. */
const ANY_ACCOUNT = "*";

/** How long after the last failure the next try may be made, with `failures` counted so far (0: at once). */
export function delayAfter(failures: number, free: number = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - free));
}

type Reservation = { ok: true } | { ok: false; retryAt: Date };

class Refused extends Error {
  readonly retryAt: Date;
  constructor(retryAt: Date) {
    super("sign-in attempt refused by the limiter");
    this.retryAt = retryAt;
  }
}

async function reserveOne(db: Kysely<Database>, email: string, ip: string, free: number, now: Date): Promise<void> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  const counted = await sql<{ failures: number }>`
    insert into login_throttle (email, ip, failures, last_failure_at) values (${email}, ${ip}, 1, ${now})
    on conflict (email, ip) do update set
      failures = case when login_throttle.last_failure_at <= ${forgotten} then 1 else login_throttle.failures + 1 end,
      last_failure_at = ${now}
    where login_throttle.last_failure_at <= ${forgotten}
       or login_throttle.failures < ${free}
       or login_throttle.last_failure_at
          + least(${MAX_DELAY_MS / 1000}, ${FIRST_DELAY_MS / 1000} * power(2, login_throttle.failures - ${free})) * interval '1 second' <= ${now}
    returning failures`.execute(db);
  if (counted.rows.length > 0) return;
  const row = await db
    .selectFrom("login_throttle")
    .select(["failures", "last_failure_at"])
    .where("email", "=", email)
    .where("ip", "=", ip)
    .executeTakeFirstOrThrow();
  throw new Refused(new Date(row.last_failure_at.getTime() + delayAfter(row.failures, free)));
}

/**
 * Takes one try for this account from this client, or says when the next may
 * be made. Call before checking the password; then settleLoginAttempt.
 */
export async function reserveLoginAttempt(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<Reservation> {
  const account = email.toLowerCase();
  try {
    await db.transaction().execute(async (trx) => {
      await reserveOne(trx, account, ip, FREE_FAILURES, now);
      await reserveOne(trx, ANY_ACCOUNT, ip, CLIENT_FREE_FAILURES, now);
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, retryAt: err.retryAt };
    throw err;
  }
}

/**
 * After the password was checked: a right password ("succeeded", or
 * "released" when the sign-in still did not happen, e.g. the address is not
 * verified yet) forgets this account's counter here and gives the client's
 * count back; a failure stays counted. Signed-in and failed tries are kept in
 * the history (login_attempts).
 */
export async function settleLoginAttempt(
  db: Kysely<Database>,
  email: string,
  ip: string,
  outcome: "succeeded" | "failed" | "released",
  at: Date,
): Promise<void> {
  const account = email.toLowerCase();
  await db.transaction().execute(async (trx) => {
    if (outcome !== "failed") {
      await trx.deleteFrom("login_throttle").where("email", "=", account).where("ip", "=", ip).execute();
      await trx
        .updateTable("login_throttle")
        .set({ failures: sql`greatest(failures - 1, 0)` })
        .where("email", "=", ANY_ACCOUNT)
        .where("ip", "=", ip)
        .execute();
    }
    // The history of attempts (who tried which account from where, and when) stays for review.
    if (outcome !== "released")
      await trx
        .insertInto("login_attempts")
        .values({ email: account, ip, succeeded: outcome === "succeeded", at })
        .execute();
  });
}

/** A password reset proves the owner: every counter of the account is forgotten, from every client. */
export async function forgetLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("email", "=", email.toLowerCase()).execute();
}
