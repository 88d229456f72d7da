import { ValidationError } from "../errors.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { totpCodeSchema } from "./auth-schemas.ts";

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
