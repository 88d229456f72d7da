import type { Locale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { userWithEmail } from "../email-address.ts";
import { parseInput } from "../validation.ts";
import { signUpSchema } from "./auth-schemas.ts";
import { hashPassword } from "./create-verified-user.ts";
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
  const existing = await userWithEmail(ctx.db, input.email).select("id").executeTakeFirst();
  if (existing) {
    await hashPassword(ctx, input.password);
    return;
  }
  const next = options.afterVerification ? `&next=${options.afterVerification}` : "";
  const result = await ctx.auth.api.signUpEmail({
    body: {
      name: input.name,
      email: input.email,
      password: input.password,
      locale: options.locale,
      callbackURL: `/${options.locale}/sign-in?verified=1${next}`,
    },
  });
  await ctx.db.transaction().execute(async (trx) => {
    if (options.role !== "applicant") await trx.updateTable("user").set({ role: options.role }).where("id", "=", result.user.id).execute();
    await writeAudit(trx, null, {
      action: "user.sign_up",
      entityType: "user",
      entityId: result.user.id,
      after: { email: input.email, role: options.role, locale: options.locale },
    });
  });
}
