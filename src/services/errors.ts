/** Errors a use case may end with; routes turn each into the right page. */

/** The caller is signed in but may not do this (403). */
export class ForbiddenError extends Error {
  readonly permission: string;
  constructor(permission: string) {
    super(`forbidden: ${permission}`);
    this.permission = permission;
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
  readonly entity: string;
  constructor(entity: string) {
    super(`not found: ${entity}`);
    this.entity = entity;
  }
}

/** Input failed validation; field errors are i18n keys (with params; a Date is an instant the page shows in the reader's language). */
export interface FieldError {
  key: string;
  params?: Record<string, string | number | Date>;
}
export class ValidationError extends Error {
  readonly fieldErrors: Record<string, FieldError[]>;
  readonly formErrors: FieldError[];
  constructor(fieldErrors: Record<string, FieldError[]>, formErrors: FieldError[] = []) {
    super("validation failed");
    this.fieldErrors = fieldErrors;
    this.formErrors = formErrors;
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
  /** The catalogue namespace of the reasons' messages, e.g. "refusals" (rounds) or "hostApplication.refusals". */
  readonly messages: string;
  readonly refusals: R[];
  constructor(messages: string, refusals: R[]) {
    super(`refused: ${refusals.map((r) => r.code).join(", ")}`);
    this.messages = messages;
    this.refusals = refusals;
  }
}

/**
 * Input that cannot be stored or compared at all — a NUL character, which
 * PostgreSQL text cannot hold, or an impossible date. Raised by the database
 * layer's guard (src/db/connect.ts) before the query is sent; the request glue
 * answers 400 (issue 11 item 4).
 */
export class BadInputError extends Error {
  readonly reason: "nul" | "invalidDate";
  constructor(reason: "nul" | "invalidDate") {
    super(`bad input: ${reason}`);
    this.reason = reason;
  }
}
