import { localeOr } from "../../i18n/locales.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";
import { parseInput } from "../validation.ts";
import { signInSchema } from "./auth-schemas.ts";
import { reserveLoginAttempt, settleLoginAttempt } from "./login-rate-limit.ts";
import { markSessionAuthenticated } from "./session-policy.ts";
import { UNIFORM_FLOOR_MS, waitUntil } from "./uniform-time.ts";

export type SignInResult = { kind: "signedIn"; setCookies: string[]; role: string | null } | { kind: "twoFactor"; setCookies: string[] };

/**
 * Signs in with e-mail and password. Refused with a form error when the
 * credentials are wrong, the address is not verified yet (the verification
 * e-mail is sent again), or too many attempts failed recently from this
 * client for this account (login-rate-limit.ts: the try is counted before
 * the password is checked, atomically).
 */
export async function signIn(ctx: ServiceContext, raw: unknown, ip: string): Promise<SignInResult> {
  const input = parseInput(signInSchema, raw);
  const now = ctx.clock();
  const reservation = await reserveLoginAttempt(ctx.db, input.email, ip, now);
  if (!reservation.ok) {
    const minutes = Math.max(1, Math.ceil((reservation.retryAt.getTime() - now.getTime()) / 60_000));
    throw new ValidationError({}, [{ key: "errors.tooManyAttempts", params: { minutes } }]);
  }
  const started = performance.now();
  const response = await ctx.auth.api.signInEmail({
    body: { email: input.email, password: input.password },
    headers: new Headers({ "x-forwarded-for": ip }),
    asResponse: true,
  });
  const setCookies = response.headers.getSetCookie();
  if (response.ok) {
    await settleLoginAttempt(ctx.db, input.email, ip, "succeeded", now);
    const body = (await response.json()) as { twoFactorRedirect?: boolean; token?: string; user?: { role?: string | null } };
    if (body.twoFactorRedirect) return { kind: "twoFactor", setCookies };
    if (body.token) await markSessionAuthenticated(ctx.db, body.token, now);
    return { kind: "signedIn", setCookies, role: body.user?.role ?? null };
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  if (body.code === "EMAIL_NOT_VERIFIED") {
    // The password was right: the try is not held against the client.
    await settleLoginAttempt(ctx.db, input.email, ip, "released", now);
    // The message promises a new link; better-auth sends none on sign-in (no sendOnSignIn), so send it here.
    const user = await userWithEmail(ctx.db, input.email).select("locale").executeTakeFirst();
    const locale = localeOr(user?.locale);
    await ctx.auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: `/${locale}/sign-in?verified=1` } });
    throw new ValidationError({}, [{ key: "errors.emailNotVerified" }]);
  }
  await settleLoginAttempt(ctx.db, input.email, ip, "failed", now);
  // A wrong password and an unknown address answer alike, and no sooner than the common floor (uniform-time.ts).
  await waitUntil(started + UNIFORM_FLOOR_MS.signInFailure);
  throw new ValidationError({}, [{ key: "errors.invalidCredentials" }]);
}
