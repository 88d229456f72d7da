/**
 * TOTP two-factor authentication (better-auth's twoFactor plugin): staff
 * enrol it, and then every sign-in asks for a code. A code is accepted once
 * per account (issue 11 item 5): better-auth accepts a code for its 30-second
 * step and the neighbouring ones, so a code seen over a shoulder or in a log
 * would open a second session; totp_used_codes refuses it.
 */
import { sql } from "kysely";
import { ValidationError } from "../errors.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { totpCodeSchema } from "./auth-schemas.ts";
import { markSessionAuthenticated, sessionTokenFrom } from "./session-policy.ts";

/** A code is valid for at most three 30-second steps; a use is remembered for longer than that. */
export const USED_CODE_MEMORY_MS = 5 * 60_000;

/**
 * Records the code as used by this account; false when it was already used
 * within USED_CODE_MEMORY_MS (one atomic upsert: of two simultaneous uses, one wins).
 */
async function firstUseOfCode(ctx: ServiceContext, userId: string, code: string, now: Date): Promise<boolean> {
  const forgotten = new Date(now.getTime() - USED_CODE_MEMORY_MS);
  const claimed = await sql<{ code: string }>`
    insert into totp_used_codes (user_id, code, used_at) values (${userId}, ${code}, ${now})
    on conflict (user_id, code) do update set used_at = excluded.used_at
    where totp_used_codes.used_at <= ${forgotten}
    returning code`.execute(ctx.db);
  await ctx.db.deleteFrom("totp_used_codes").where("user_id", "=", userId).where("used_at", "<=", forgotten).execute();
  return claimed.rows.length === 1;
}

/**
 * Step 2 of enrolment, and the sign-in challenge: checks a TOTP code.
 * Returns the cookies to set (a fresh session).
 */
export async function verifyTwoFactorCode(ctx: ServiceContext, actor: Actor | null, headers: Headers, raw: unknown): Promise<{ setCookies: string[] }> {
  const { code } = parseInput(totpCodeSchema, raw);
  const response = await ctx.auth.api.verifyTOTP({ body: { code }, headers, asResponse: true });
  if (!response.ok) throw new ValidationError({ code: [{ key: "errors.totpWrong" }] });
  const body = (await response.json()) as { token?: string; user?: { id?: string } };
  const userId = body.user?.id ?? actor?.userId;
  const now = ctx.clock();
  if (userId && !(await firstUseOfCode(ctx, userId, code, now)) && actor?.twoFactorEnabled !== false) {
    // A replayed code: the session better-auth has just made is ended before anyone gets its cookie.
    if (body.token) await ctx.db.deleteFrom("session").where("token", "=", body.token).execute();
    throw new ValidationError({ code: [{ key: "errors.totpUsed" }] });
  }
  // The session the cookie now carries (a new one at sign-in and at enrolment) was opened with the password and a code.
  const token = sessionTokenFrom(response.headers.getSetCookie());
  if (token) await markSessionAuthenticated(ctx.db, token, now);
  if (actor && !actor.twoFactorEnabled) {
    await writeAudit(ctx.db, actor, { action: "user.two_factor_enrol", entityType: "user", entityId: actor.userId, after: { twoFactorEnabled: true } });
  }
  return { setCookies: response.headers.getSetCookie() };
}
