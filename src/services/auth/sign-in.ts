import { DEFAULT_LOCALE, isLocale } from "../../i18n/locales.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";
import { parseInput } from "../validation.ts";
import { signInSchema } from "./auth-schemas.ts";
import { loginBlockedUntil, recordLoginAttempt } from "./login-rate-limit.ts";

export type SignInResult = { kind: "signedIn"; setCookies: string[]; role: string | null } | { kind: "twoFactor"; setCookies: string[] };

/**
 * Signs in with e-mail and password. Refused with a form error when the
 * credentials are wrong, the address is not verified yet (the verification
 * e-mail is sent again), or too many attempts failed recently.
 */
export async function signIn(ctx: ServiceContext, raw: unknown, ip: string): Promise<SignInResult> {
  const input = parseInput(signInSchema, raw);
  const now = ctx.clock();
  const blocked = await loginBlockedUntil(ctx.db, input.email, ip, now);
  if (blocked) {
    throw new ValidationError({}, [{ key: "errors.tooManyAttempts", params: { minutes: Math.ceil((blocked.getTime() - now.getTime()) / 60_000) } }]);
  }
  const response = await ctx.auth.api.signInEmail({
    body: { email: input.email, password: input.password },
    headers: new Headers({ "x-forwarded-for": ip }),
    asResponse: true,
  });
  const setCookies = response.headers.getSetCookie();
  if (response.ok) {
    await recordLoginAttempt(ctx.db, input.email, ip, true, now);
    const body = (await response.json()) as { twoFactorRedirect?: boolean; user?: { role?: string | null } };
    if (body.twoFactorRedirect) return { kind: "twoFactor", setCookies };
    return { kind: "signedIn", setCookies, role: body.user?.role ?? null };
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  if (body.code === "EMAIL_NOT_VERIFIED") {
    // The message promises a new link; better-auth sends none on sign-in (no sendOnSignIn), so send it here.
    const user = await userWithEmail(ctx.db, input.email).select("locale").executeTakeFirst();
    const locale = isLocale(user?.locale) ? user.locale : DEFAULT_LOCALE;
    await ctx.auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: `/${locale}/sign-in?verified=1` } });
    throw new ValidationError({}, [{ key: "errors.emailNotVerified" }]);
  }
  await recordLoginAttempt(ctx.db, input.email, ip, false, now);
  throw new ValidationError({}, [{ key: "errors.invalidCredentials" }]);
}
