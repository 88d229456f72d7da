/**
 * How long a sign-in lasts (issue 11 item 5; docs/security.md):
 * - every session ends 12 hours after sign-in, used or not (better-auth's
 *   session.expiresIn with refresh disabled: src/auth/create-auth.ts);
 * - a staff session (operator, reviewer, ministry) also ends after 30 minutes
 *   without a request (getActor checks and records session.last_seen_at);
 * - sensitive staff actions (SENSITIVE_PERMISSIONS in src/domain/roles.ts)
 *   need the password entered in this session within the last 15 minutes:
 *   at sign-in, or again on the confirm-password page (confirmPassword).
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { UnauthenticatedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { reserveLoginAttempt, settleLoginAttempt } from "./login-rate-limit.ts";

export const SESSION_MAX_AGE_MS = 12 * 3600_000;
export const STAFF_IDLE_MS = 30 * 60_000;
export const REAUTH_WINDOW_MS = 15 * 60_000;
/** last_seen_at is written at most this often per session (a page makes several reads of the actor). */
export const TOUCH_EVERY_MS = 60_000;

/** The session token in better-auth's Set-Cookie headers ("…session_token=<token>.<signature>"), if one is set. */
export function sessionTokenFrom(setCookies: readonly string[]): string | null {
  for (const c of setCookies) {
    const m = /^(?:__Secure-)?[\w.-]*session_token=([^;]+)/.exec(c);
    if (!m || !m[1]) continue;
    const value = decodeURIComponent(m[1]);
    const dot = value.lastIndexOf(".");
    if (dot > 0) return value.slice(0, dot);
  }
  return null;
}

/**
 * Set-Cookie headers that clear better-auth's cookies under the names it gives them now: with the
 * "__Secure-" prefix and the Secure attribute when the public URL is https (issue 11 item 9).
 */
export async function clearedSessionCookies(ctx: Pick<ServiceContext, "auth">): Promise<string[]> {
  const { authCookies } = await ctx.auth.$context;
  return [authCookies.sessionToken, authCookies.sessionData, authCookies.dontRememberToken].map(({ name, attributes }) =>
    [`${name}=`, "Path=/", "Max-Age=0", "HttpOnly", "SameSite=Lax", ...(attributes.secure ? ["Secure"] : [])].join("; "),
  );
}

/** The password was just entered for the session with this token (sign-in, two-factor step, confirm-password). */
export async function markSessionAuthenticated(db: Kysely<Database>, token: string, at: Date): Promise<void> {
  await db.updateTable("session").set({ last_seen_at: at, reauthenticated_at: at }).where("token", "=", token).execute();
}

/**
 * Asks for the password again before a sensitive action (the confirm-password
 * page). Wrong passwords count against the sign-in limiter like sign-in tries.
 */
export async function confirmPassword(ctx: ServiceContext, actor: Actor | null, headers: Headers, raw: unknown): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const { password } = parseInput(z.object({ password: z.string().min(1, { error: "errors.required" }).max(128) }), raw);
  const now = ctx.clock();
  const ip = actor.ip ?? "unknown";
  const reservation = await reserveLoginAttempt(ctx.db, actor.email, ip, now);
  if (!reservation.ok) {
    const minutes = Math.max(1, Math.ceil((reservation.retryAt.getTime() - now.getTime()) / 60_000));
    throw new ValidationError({}, [{ key: "errors.tooManyAttempts", params: { minutes } }]);
  }
  const session = await ctx.auth.api.getSession({ headers });
  if (!session) throw new UnauthenticatedError();
  const ok = await ctx.auth.api.verifyPassword({ body: { password }, headers }).then(
    () => true,
    () => false,
  );
  await settleLoginAttempt(ctx.db, actor.email, ip, ok ? "succeeded" : "failed", now);
  if (!ok) throw new ValidationError({ password: [{ key: "errors.wrongPassword" }] });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("session").set({ last_seen_at: now, reauthenticated_at: now }).where("id", "=", session.session.id).execute();
    await writeAudit(trx, actor, { action: "user.reauthenticate", entityType: "user", entityId: actor.userId });
  });
}
