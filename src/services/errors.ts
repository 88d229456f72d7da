/** Errors a use case may end with; routes turn each into the right page. */

/** The caller is signed in but may not do this (403). */
export class ForbiddenError extends Error {
  constructor(public readonly permission: string) {
    super(`forbidden: ${permission}`);
  }
}

/** Nobody is signed in (the route sends them to sign in). */
export class UnauthenticatedError extends Error {
  constructor() {
    super("unauthenticated");
  }
}

/** A staff member who has not enrolled TOTP yet (the route sends them to enrol). */
export class TwoFactorRequiredError extends Error {
  constructor() {
    super("two-factor enrolment required");
  }
}

/** A sensitive action, and the password was not entered recently in this session (the route asks for it again). */
export class ReauthenticationRequiredError extends Error {
  constructor() {
    super("re-authentication required");
  }
}

/** The record does not exist, or exists for someone else: both look the same (404). */
export class NotFoundError extends Error {
  constructor(public readonly entity: string) {
    super(`not found: ${entity}`);
  }
}

/** Input failed validation; field errors are i18n keys (with params). */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}
export class ValidationError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, FieldError[]>,
    public readonly formErrors: FieldError[] = [],
  ) {
    super("validation failed");
  }
}

/** A refused state change, with the reasons as codes (e.g. round transitions). */
export class RefusedError<R = unknown> extends Error {
  constructor(public readonly refusals: R[]) {
    super("refused");
  }
}

/**
 * Input that cannot be stored or compared at all — a NUL character, which
 * PostgreSQL text cannot hold, or an impossible date. Raised by the database
 * layer's guard (src/db/connect.ts) before the query is sent; the request glue
 * answers 400 (issue 11 item 4).
 */
export class BadInputError extends Error {
  constructor(public readonly reason: "nul" | "invalidDate") {
    super(`bad input: ${reason}`);
  }
}
