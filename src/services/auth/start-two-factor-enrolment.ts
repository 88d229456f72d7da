/** TOTP two-factor authentication (better-auth's twoFactor plugin): staff enrol it, and then every sign-in asks for a code. */
import { ValidationError } from "../errors.ts";
import { signedIn } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

/** Step 1 of enrolment: confirm the password; returns the otpauth URI and backup codes. */
export async function startTwoFactorEnrolment(
  ctx: ServiceContext,
  actor: Actor | null,
  headers: Headers,
  password: string,
): Promise<{ totpURI: string; secret: string; backupCodes: string[] }> {
  signedIn(actor);
  try {
    const result = await ctx.auth.api.enableTwoFactor({ body: { password }, headers });
    if (result.method !== "totp") throw new Error("unexpected two-factor method");
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return { totpURI: result.totpURI, secret, backupCodes: result.backupCodes };
  } catch {
    throw new ValidationError({ password: [{ key: "errors.wrongPassword" }] });
  }
}
