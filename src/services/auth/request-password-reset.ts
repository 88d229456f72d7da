import type { Locale } from "../../i18n/locales.ts";
import type { ServiceContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { email as emailSchema } from "../fields.ts";
import { UNIFORM_FLOOR_MS, inUniformTime } from "./uniform-time.ts";
import { z } from "zod";
import { ValidationError } from "../errors.ts";
import { minutesUntil, reservePublicSend } from "../public-send-throttle.ts";

/**
 * Sends a reset link when the address has an account; the answer is the same either way, and takes the same
 * time. Throttled per address and per client (`client`: the request's IP) whether or not the address has an
 * account (issue 11 item 6).
 */
export async function requestPasswordReset(ctx: ServiceContext, raw: unknown, locale: Locale, client?: string): Promise<void> {
  const { email } = parseInput(z.object({ email: emailSchema }), raw);
  await inUniformTime(UNIFORM_FLOOR_MS.forgotPassword, async () => {
    const now = ctx.clock();
    const reservation = await reservePublicSend(ctx.db, "forgot-password", email, client, now);
    if (!reservation.ok) throw new ValidationError({}, [{ key: "security.tooManyRequests", params: { minutes: minutesUntil(reservation.retryAt, now) } }]);
    await ctx.auth.api.requestPasswordReset({ body: { email, redirectTo: `/${locale}/reset-password` } });
  });
}
