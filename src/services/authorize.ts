/**
 * The check a use case starts with: is there a caller, have they enrolled
 * two-factor authentication if their role needs it, may their role do this
 * (src/domain/roles.ts), and for a sensitive action have they entered their
 * password in the last minutes. Ownership of one record is checked by the use
 * case itself (`permits`, or a membership), never by the route.
 */
import { type Permission, isSensitive, needsTwoFactor, roleGrants } from "../domain/roles.ts";
import type { Actor } from "./context.ts";
import { ForbiddenError, ReauthenticationRequiredError, TwoFactorRequiredError, UnauthenticatedError } from "./errors.ts";

/** A signed-in caller who has enrolled two-factor authentication when their role requires it. */
export function authenticate(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (needsTwoFactor(actor.role) && !actor.twoFactorEnabled) throw new TwoFactorRequiredError();
  return actor;
}

/** `authenticate`, and the caller's role holds the permission (in some scope). */
export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!roleGrants(actor.role, permission)) throw new ForbiddenError(permission);
  const who = authenticate(actor);
  if (isSensitive(permission) && !who.recentlyAuthenticated) throw new ReauthenticationRequiredError();
  return who;
}

/** Someone is signed in (for what every account may do on itself: preferences, inbox, two-factor enrolment). */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
