/**
 * TOTP two-factor authentication (better-auth's twoFactor plugin): staff
 * enrol it, and then every sign-in asks for a code.
 */
import { ValidationError } from "../errors.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { UnauthenticatedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { totpCodeSchema } from "./auth-schemas.ts";

/** Step 1 of enrolment: confirm the password; returns the otpauth URI and backup codes. */
export async function startTwoFactorEnrolment(
  ctx: ServiceContext,
  actor: Actor | null,
  headers: Headers,
  password: string,
): Promise<{ totpURI: string; secret: string; backupCodes: string[] }> {
  if (!actor) throw new UnauthenticatedError();
  try {
    const result = await ctx.auth.api.enableTwoFactor({ body: { password }, headers });
    if (result.method !== "totp") throw new Error("unexpected two-factor method");
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return { totpURI: result.totpURI, secret, backupCodes: result.backupCodes };
  } catch {
    throw new ValidationError({ password: [{ key: "errors.wrongPassword" }] });
  }
}

/**
 * Step 2 of enrolment, and the sign-in challenge: checks a TOTP code.
 * Returns the cookies to set (a fresh session).
 */
export async function verifyTwoFactorCode(ctx: ServiceContext, actor: Actor | null, headers: Headers, raw: unknown): Promise<{ setCookies: string[] }> {
  const { code } = parseInput(totpCodeSchema, raw);
  const response = await ctx.auth.api.verifyTOTP({ body: { code }, headers, asResponse: true });
  if (!response.ok) throw new ValidationError({ code: [{ key: "errors.totpWrong" }] });
  if (actor && !actor.twoFactorEnabled) {
    await writeAudit(ctx.db, actor, { action: "user.two_factor_enrol", entityType: "user", entityId: actor.userId, after: { twoFactorEnabled: true } });
  }
  return { setCookies: response.headers.getSetCookie() };
}
