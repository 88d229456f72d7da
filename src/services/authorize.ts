/**
 * The one check every use case starts with: is there a caller, may their role
 * do this, (for staff) have they enrolled two-factor authentication, and (for
 * a sensitive action) have they entered their password in the last minutes.
 */
import { type Permission, isSensitive, needsTwoFactor, roleGrants } from "../domain/roles.ts";
import type { Actor } from "./context.ts";
import { ForbiddenError, ReauthenticationRequiredError, TwoFactorRequiredError, UnauthenticatedError } from "./errors.ts";

export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!roleGrants(actor.role, permission)) throw new ForbiddenError(permission);
  if (needsTwoFactor(actor.role) && !actor.twoFactorEnabled) throw new TwoFactorRequiredError();
  if (isSensitive(permission) && !actor.recentlyAuthenticated) throw new ReauthenticationRequiredError();
  return actor;
}
