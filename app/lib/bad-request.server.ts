/**
 * Requests refused before any loader or action runs (issue 11 items 3 and 4):
 * a body over its limit (server.js marks it while reading, see BODY_LIMITS
 * there) is a 413; a form body that cannot be parsed, or a NUL character in
 * the path, the query, a cookie or any form field or file name, is a 400 —
 * text PostgreSQL cannot hold, and that no person types. Route middleware
 * (locale layout for pages, root for the rest) throws the status so the error
 * page renders in the page's language. Uploaded files' contents may hold NUL
 * bytes. Behind this, parseInput and the database guard (src/db/connect.ts)
 * refuse a NUL that comes another way (the CLI, a job).
 */
import { data } from "react-router";

/** Set by server.js (never taken from the client) when the body was over its limit and not read. */
export const BODY_TOO_LARGE_HEADER = "x-jip-body-too-large";

/** A NUL character, raw or percent-encoded (as it arrives in a URL, a cookie or a URL-encoded body). */
function hasNul(text: string): boolean {
  return text.includes("\0") || text.includes("%00");
}

/** 413, 400 or null (the request may go on). */
export async function badRequestStatus(request: Request): Promise<400 | 413 | null> {
  if (request.headers.get(BODY_TOO_LARGE_HEADER) === "1") return 413;
  const url = new URL(request.url);
  if (hasNul(url.pathname) || hasNul(url.search)) return 400;
  if (hasNul(request.headers.get("cookie") ?? "")) return 400;
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "GET" && request.method !== "HEAD" && /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    // server.js has already read the body (within its limit), so parsing a copy costs little.
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    if (!form) return 400;
    for (const [name, value] of form.entries()) {
      if (name.includes("\0") || (typeof value === "string" ? value.includes("\0") : value.name.includes("\0"))) return 400;
    }
  }
  return null;
}

/** Route middleware: refuses the request with its status, rendered by the route's error boundary. */
export async function refuseBadRequest({ request }: { request: Request }): Promise<void> {
  const status = await badRequestStatus(request);
  if (status) throw data({ status }, { status });
}

const PLAIN_PAGES: Record<400 | 413, string> = {
  400: "リクエストを処理できません / This request cannot be processed",
  413: "送信された内容が大きすぎます / What you sent is too large",
};

/**
 * The same refusal outside the localized pages (/api/auth/*, /documents/:id):
 * resource routes have no error page, so the answer is a small bilingual one.
 */
export async function refuseBadRequestPlainly({ request }: { request: Request }): Promise<void> {
  const status = await badRequestStatus(request);
  if (!status) return;
  const title = PLAIN_PAGES[status];
  const body = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p><a href="/ja/">トップページへ</a> · <a href="/en/">Home</a></p></main></body></html>`;
  throw new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
