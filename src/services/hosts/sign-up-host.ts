import type { Locale } from "../../i18n/locales.ts";
import { signUp } from "../auth/sign-up.ts";
import type { ServiceContext } from "../context.ts";

/** A host organization's staff member creates an account (role "host"); verified as for applicants. */
export async function signUpHost(ctx: ServiceContext, raw: unknown, locale: Locale, client?: string): Promise<void> {
  await signUp(ctx, raw, { locale, role: "host", afterVerification: `/${locale}/host`, client });
}
