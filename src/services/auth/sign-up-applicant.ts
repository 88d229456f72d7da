import type { Locale } from "../../i18n/locales.ts";
import type { ServiceContext } from "../context.ts";
import { signUp } from "./sign-up.ts";

/** An applicant creates an account (role "applicant"), in their language. */
export async function signUpApplicant(ctx: ServiceContext, raw: unknown, locale: Locale, client?: string): Promise<void> {
  await signUp(ctx, raw, { locale, role: "applicant", client });
}
