/**
 * Glue between routes and use cases: who is calling, in which language, and
 * how a use case's error becomes a page (sign-in redirect, 403, 404, or the
 * form again with its errors and what was typed).
 */
import { data, redirect } from "react-router";
import { type Locale, isLocale } from "#src/i18n/locales.ts";
import { getActor } from "#src/services/auth/get-actor.ts";
import type { Actor } from "#src/services/context.ts";
import {
  BadInputError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ReauthenticationRequiredError,
  TwoFactorRequiredError,
  UnauthenticatedError,
  ValidationError,
} from "#src/services/errors.ts";
import type { Runtime } from "#src/service-context.ts";
import { getRuntime } from "./runtime.server.ts";

/** Set by server.js from the socket (never from the client). */
export const CLIENT_IP_HEADER = "x-jip-client-ip";

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

export interface RequestContext {
  rt: Runtime;
  actor: Actor | null;
  locale: Locale;
}

export async function requestContext(request: Request, params: { lang?: string }): Promise<RequestContext> {
  const rt = await getRuntime();
  const actor = await getActor(rt, request.headers, clientIp(request));
  const locale = isLocale(params.lang) ? params.lang : "ja";
  return { rt, actor, locale };
}

/** Turns the errors every use case may throw into responses; anything else is a 500. */
export function toResponse(err: unknown, request: Request, locale: Locale): never {
  if (err instanceof UnauthenticatedError) {
    const url = new URL(request.url);
    throw redirect(`/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (err instanceof TwoFactorRequiredError) throw redirect(`/${locale}/account/two-factor`);
  if (err instanceof ReauthenticationRequiredError) {
    const url = new URL(request.url);
    throw redirect(`/${locale}/account/confirm-password?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (err instanceof ForbiddenError) throw data({ status: 403 }, { status: 403 });
  if (err instanceof NotFoundError) throw data({ status: 404 }, { status: 404 });
  if (err instanceof BadInputError) throw data({ status: 400 }, { status: 400 });
  throw err;
}

/** Runs a use case for a loader or action, mapping its errors (ValidationError stays with the caller). */
export async function run<T>(request: Request, locale: Locale, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    return toResponse(err, request, locale);
  }
}

export interface FormFailure {
  ok: false;
  fieldErrors: Record<string, FieldError[]>;
  formErrors: FieldError[];
  values: Record<string, string>;
}

/** The form's values as typed (passwords are never sent back). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === "string" && !/password/i.test(k)) values[k] = v;
  }
  return values;
}

/** Runs an action's use case; a ValidationError becomes the form again (400) with what was typed. */
export async function runForm<T>(
  request: Request,
  locale: Locale,
  form: FormData,
  fn: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; response: ReturnType<typeof data<FormFailure>> }> {
  try {
    return { ok: true, result: await run(request, locale, fn) };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, response: formFailure(err, form) };
    throw err;
  }
}

export function formFailure(err: ValidationError, form: FormData) {
  return data<FormFailure>({ ok: false, fieldErrors: err.fieldErrors, formErrors: err.formErrors, values: formValues(form) }, { status: 400 });
}

/** A redirect that also sets the cookies a sign-in or 2FA step returned. */
export function redirectWithCookies(to: string, setCookies: string[]): Response {
  const headers = new Headers();
  for (const c of setCookies) headers.append("Set-Cookie", c);
  return redirect(to, { headers });
}

/** Only same-site relative paths are followed after sign-in. */
export function safeNext(next: string | null, locale: Locale): string | null {
  if (!next || !next.startsWith(`/${locale}/`) || next.startsWith("//")) return null;
  return next;
}
