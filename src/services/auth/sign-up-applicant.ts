import type { Locale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { signUpSchema } from "./auth-schemas.ts";

/**
 * An applicant creates an account. better-auth sends the verification e-mail
 * in the chosen language (stored on the user and used for every later e-mail).
 * An address that already has an account gets the same answer, so the form
 * does not reveal who is registered.
 */
export async function signUpApplicant(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<void> {
  const input = parseInput(signUpSchema, raw);
  const existing = await ctx.db
    .selectFrom("user")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email))
    .executeTakeFirst();
  if (existing) return;
  const result = await ctx.auth.api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password, locale, callbackURL: `/${locale}/sign-in?verified=1` },
  });
  await writeAudit(ctx.db, null, {
    action: "user.sign_up",
    entityType: "user",
    entityId: result.user.id,
    after: { email: input.email, role: "applicant", locale },
  });
}
