/**
 * The one check every use case starts with: is there a caller, may their role
 * do this, and (for staff) have they enrolled two-factor authentication.
 */
import { type Permission, needsTwoFactor, roleGrants } from "../domain/roles.ts";
import type { Actor } from "./context.ts";
import { ForbiddenError, TwoFactorRequiredError, UnauthenticatedError } from "./errors.ts";

export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!roleGrants(actor.role, permission)) throw new ForbiddenError(permission);
  if (needsTwoFactor(actor.role) && !actor.twoFactorEnabled) throw new TwoFactorRequiredError();
  return actor;
}

/** Someone is signed in (for what every account may do on itself: preferences, inbox, two-factor enrolment). */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
