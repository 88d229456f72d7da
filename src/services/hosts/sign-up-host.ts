import type { Locale } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { signUpSchema } from "../auth/auth-schemas.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";

/**
 * A host organization's staff member creates an account (role "host"); the
 * e-mail is verified as for applicants. The same answer whether or not the
 * address already has an account.
 */
export async function signUpHost(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<void> {
  const input = parseInput(signUpSchema, raw);
  const existing = await ctx.db
    .selectFrom("user")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email))
    .executeTakeFirst();
  if (existing) return;
  const result = await ctx.auth.api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password, locale, callbackURL: `/${locale}/sign-in?verified=1&next=/${locale}/host` },
  });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("user").set({ role: "host" }).where("id", "=", result.user.id).execute();
    await writeAudit(trx, null, { action: "user.sign_up", entityType: "user", entityId: result.user.id, after: { email: input.email, role: "host", locale } });
  });
}
