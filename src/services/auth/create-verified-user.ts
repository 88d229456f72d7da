/**
 * Creates a user whose e-mail address is already proven (an operator created
 * by the CLI, a staff member who followed an invitation link, demo data),
 * through better-auth's own adapter and password hashing.
 */
import type { UserRole } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";

export async function createVerifiedUser(
  ctx: Pick<ServiceContext, "auth">,
  input: { email: string; name: string; password: string; role: UserRole; locale: string },
): Promise<{ id: string }> {
  const c = await ctx.auth.$context;
  const existing = await c.internalAdapter.findUserByEmail(input.email.toLowerCase());
  if (existing) throw new Error(`a user with e-mail ${input.email} already exists`);
  const hash = await c.password.hash(input.password);
  const user = await c.internalAdapter.createUser(
    { email: input.email.toLowerCase(), name: input.name, emailVerified: true, role: input.role, locale: input.locale },
    { method: "admin" },
  );
  await c.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  return { id: user.id };
}
