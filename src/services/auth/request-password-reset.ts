import type { Locale } from "../../i18n/locales.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { email as emailSchema } from "../fields.ts";
import { UNIFORM_FLOOR_MS, inUniformTime } from "./uniform-time.ts";
import { z } from "zod";

/** Sends a reset link when the address has an account; the answer is the same either way, and takes the same time. */
export async function requestPasswordReset(ctx: ServiceContext, raw: unknown, locale: Locale): Promise<void> {
  const { email } = parseInput(z.object({ email: emailSchema }), raw);
  await inUniformTime(UNIFORM_FLOOR_MS.forgotPassword, () => ctx.auth.api.requestPasswordReset({ body: { email, redirectTo: `/${locale}/reset-password` } }));
}
