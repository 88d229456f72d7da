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

/** Input failed validation; field errors are i18n keys (with params; a Date is an instant the page shows in the reader's language). */
export interface FieldError {
  key: string;
  params?: Record<string, string | number | Date>;
}
export class ValidationError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, FieldError[]>,
    public readonly formErrors: FieldError[] = [],
  ) {
    super("validation failed");
  }
}

/**
 * One reason a change was refused: a code and the facts that explain it
 * (dates, phases, deadlines…). Its sentence is the catalogue message
 * `<messages>.<code>` of the RefusedError that carries it.
 */
export interface Refusal {
  code: string;
  [param: string]: unknown;
}

/**
 * The input is fine but the rules refuse the change now (a deadline has
 * passed, the application is no longer a draft, the last admin would be
 * removed…). The one way every use case refuses; pages show the reasons in
 * the user's language (app/lib/refusals.ts) with a 409.
 */
export class RefusedError<R extends Refusal = Refusal> extends Error {
  constructor(
    /** The catalogue namespace of the reasons' messages, e.g. "refusals" (rounds) or "hostApplication.refusals". */
    public readonly messages: string,
    public readonly refusals: R[],
  ) {
    super(`refused: ${refusals.map((r) => r.code).join(", ")}`);
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
