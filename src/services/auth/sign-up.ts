import { createEmailVerificationToken } from "better-auth/api";
import type { Locale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";
import { parseInput } from "../validation.ts";
import { signUpSchema } from "./auth-schemas.ts";
import { EmailTakenError, hashPassword, insertVerifiedUser } from "./create-verified-user.ts";
import { UNIFORM_FLOOR_MS, waitUntil } from "./uniform-time.ts";
import { ValidationError } from "../errors.ts";
import { minutesUntil, reservePublicSend } from "../public-send-throttle.ts";

/**
 * Someone creates an account with e-mail and password, in their language.
 * better-auth sends the verification e-mail in that language (stored on the
 * user and used for every later e-mail). An address that already has an
 * account gets the same answer in the same time (the password is hashed
 * either way, and the answer waits for a common floor: uniform-time.ts), so
 * the form does not reveal who is registered.
 */
export async function signUp(
  ctx: ServiceContext,
  raw: unknown,
  options: { locale: Locale; role: "applicant" | "host"; afterVerification?: string; client?: string },
): Promise<void> {
  // The floor counts from the start: checking the password's strength is part of the time either way.
  const deadline = performance.now() + UNIFORM_FLOOR_MS.signUp;
  const input = parseInput(signUpSchema, raw);
  try {
    // Throttled per address and per client, account or not (issue 11 item 6): the same answer either way.
    const now = ctx.clock();
    const reservation = await reservePublicSend(ctx.db, "sign-up", input.email, options.client, now);
    if (!reservation.ok) throw new ValidationError({}, [{ key: "security.tooManyRequests", params: { minutes: minutesUntil(reservation.retryAt, now) } }]);
    await createAccount(ctx, input, options);
  } finally {
    await waitUntil(deadline);
  }
}

async function createAccount(
  ctx: ServiceContext,
  input: { name: string; email: string; password: string },
  options: { locale: Locale; role: "applicant" | "host"; afterVerification?: string },
): Promise<void> {
  // Hashing is slow on purpose: done before the lookup's answer matters and before any transaction is open.
  const passwordHash = await hashPassword(ctx, input.password);
  const existing = await userWithEmail(ctx.db, input.email).select("id").executeTakeFirst();
  if (existing) return;
  const auth = await ctx.auth.$context;
  const next = options.afterVerification ? `&next=${options.afterVerification}` : "";
  const callbackURL = `/${options.locale}/sign-in?verified=1${next}`;
  try {
    // One transaction (issue #20 item 4): the user, the password account, the verification e-mail
    // and the audit entry commit together, or none of them does — a failure between the writes
    // leaves nothing behind, and the person can simply sign up again.
    await ctx.db.transaction().execute(async (trx) => {
      const user = await insertVerifiedUser(trx, ctx.clock(), {
        email: input.email,
        name: input.name,
        role: options.role,
        locale: options.locale,
        passwordHash,
        emailVerified: false,
      });
      // The link better-auth's /verify-email endpoint checks (the same token its own sign-up would mail).
      const token = await createEmailVerificationToken(auth.secret, input.email, undefined, auth.options.emailVerification?.expiresIn, {
        userId: user.id,
      });
      const url = `${auth.baseURL}/verify-email?token=${token}&callbackURL=${encodeURIComponent(callbackURL)}`;
      await ctx.mailer.queue({ to: input.email.toLowerCase(), template: "verifyEmail", locale: options.locale, params: { name: input.name, url } }, trx);
      await writeAudit(trx, null, {
        action: "user.sign_up",
        entityType: "user",
        entityId: user.id,
        after: { email: input.email.toLowerCase(), role: options.role, locale: options.locale },
      });
    });
  } catch (err) {
    // Another sign-up with this address committed first: the same silent answer as above.
    if (err instanceof EmailTakenError) return;
    throw err;
  }
}
