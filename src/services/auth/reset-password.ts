import type { ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { resetPasswordSchema } from "./auth-schemas.ts";

/** Sets a new password from a reset link's token; every session of the account is signed out. */
export async function resetPassword(ctx: ServiceContext, raw: unknown): Promise<void> {
  const input = parseInput(resetPasswordSchema, raw);
  try {
    await ctx.auth.api.resetPassword({ body: { newPassword: input.password, token: input.token } });
  } catch {
    throw new ValidationError({}, [{ key: "errors.resetLinkInvalid" }]);
  }
}
