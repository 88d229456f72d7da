/**
 * Glue between routes and use cases: who is calling, in which language, the
 * form as use-case input, and the one road from a use case's outcome to a
 * page. Every error class is mapped here, once; routes never catch them:
 *
 *   UnauthenticatedError    → redirect to sign-in (and back)
 *   TwoFactorRequiredError  → redirect to two-factor enrolment
 *   ForbiddenError          → 403 page
 *   NotFoundError           → 404 page ("exists but not yours" looks the same)
 *   ValidationError         → 400: the form again, field errors and what was typed
 *   RefusedError            → 409: the form again, the reasons in the user's language and what was typed
 *
 * In a loader (`run`) every one of these is thrown as its response; in an
 * action (`runForm`) a ValidationError or RefusedError comes back as the page
 * data, so the page renders again with the form as it was sent.
 */
import { data, redirect } from "react-router";
import { type Locale, isLocale } from "#src/i18n/locales.ts";
import { translator } from "#src/i18n/translator.ts";
import { getActor } from "#src/services/auth/get-actor.ts";
import type { Actor } from "#src/services/context.ts";
import {
  BadInputError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ReauthenticationRequiredError,
  RefusedError,
  TwoFactorRequiredError,
  UnauthenticatedError,
  ValidationError,
} from "#src/services/errors.ts";
import type { Runtime } from "#src/service-context.ts";
import { describeRefusals } from "./refusals.ts";
import { getRuntime } from "./runtime.server.ts";

/** Set by server.js from the socket (never from the client). */
export const CLIENT_IP_HEADER = "x-jip-client-ip";

export function clientIp(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** The request carries a session cookie (better-auth's `…session_token`, with or without its `__Secure-` prefix). */
export function carriesSession(request: Request): boolean {
  return (request.headers.get("cookie") ?? "").split(";").some((part) => /(^|\.)session_token$/.test(part.slice(0, part.indexOf("=")).trim()));
}

/**
 * Route middleware: a response to a signed-in caller (pages, documents, exports)
 * is never stored by the browser or a proxy, so Back after signing out cannot
 * show the account page with its name and e-mail again (issue 19 item 5).
 */
export async function noStoreWhenSignedIn({ request }: { request: Request }, next: () => Promise<Response>): Promise<Response> {
  const response = await next();
  if (carriesSession(request) || response.headers.has("Set-Cookie")) response.headers.set("Cache-Control", "no-store");
  return response;
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

/** What a failed form post sends back: errors (400) or refusals (409), and the form as typed. */
export interface FormFailure {
  ok: false;
  fieldErrors: Record<string, FieldError[]>;
  formErrors: FieldError[];
  /** Why the change was refused, as sentences in the user's language (409 only). */
  refusals: string[];
  values: Record<string, string>;
}

/** The page data of a failed form post: 400 (invalid input) or 409 (refused); anything else is not a form outcome. */
export function formFailure(err: ValidationError | RefusedError, form: FormData, locale: Locale) {
  const values = typedValues(form);
  if (err instanceof RefusedError) {
    return data<FormFailure>(
      { ok: false, fieldErrors: {}, formErrors: [], refusals: describeRefusals(err, translator(locale), locale), values },
      { status: 409 },
    );
  }
  return data<FormFailure>({ ok: false, fieldErrors: err.fieldErrors, formErrors: err.formErrors, refusals: [], values }, { status: 400 });
}

/** Maps every error class a use case may throw to the response a loader throws; an unknown error stays a 500. */
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
  if (err instanceof ValidationError) throw data({ status: 400, fieldErrors: err.fieldErrors, formErrors: err.formErrors }, { status: 400 });
  if (err instanceof RefusedError) throw data({ status: 409, refusals: describeRefusals(err, translator(locale), locale) }, { status: 409 });
  if (err instanceof BadInputError) throw data({ status: 400 }, { status: 400 });
  throw err;
}

/** Runs a use case for a loader (or an action that has no form to show again): every error becomes its response. */
export async function run<T>(request: Request, locale: Locale, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    return toResponse(err, request, locale);
  }
}

/**
 * Runs an action's use case. Invalid input (400) and a refusal (409) come
 * back as `response`, the page data that shows the form again with what was
 * typed; every other error class is thrown as in `run`.
 */
export async function runForm<T>(
  request: Request,
  locale: Locale,
  form: FormData,
  fn: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; response: ReturnType<typeof formFailure> }> {
  try {
    return { ok: true, result: await fn() };
  } catch (err) {
    if (err instanceof ValidationError || err instanceof RefusedError) return { ok: false, response: formFailure(err, form, locale) };
    return toResponse(err, request, locale);
  }
}

/**
 * The one form reader: a posted form as use-case input. Single values are
 * strings; the fields named in `multi` (checkbox groups) are arrays, empty
 * when nothing is checked; dotted names become nested objects
 * (`titles.ja` → `{ titles: { ja } }`). Files are left to the route.
 */
export function readForm(form: FormData, options: { multi?: readonly string[] } = {}): Record<string, unknown> {
  const multi = options.multi ?? [];
  const out: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    const path = name.split(".");
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (next && typeof next === "object" && !Array.isArray(next) ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
  };
  for (const name of new Set(form.keys())) {
    if (multi.includes(name)) continue;
    const value = form.get(name);
    if (typeof value === "string") put(name, value);
  }
  for (const name of multi)
    put(
      name,
      form.getAll(name).filter((v): v is string => typeof v === "string"),
    );
  return out;
}

/**
 * The form as typed, to show again after a failed post: one string per field;
 * a field sent several times (a checkbox group) is joined with commas.
 * Passwords are never sent back.
 */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of new Set(form.keys())) {
    if (/password/i.test(name)) continue;
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    if (all.length > 0) values[name] = all.join(",");
  }
  return values;
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
