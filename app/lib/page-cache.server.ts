/**
 * Anonymous public pages from memory (issue #20 item 1, ADR 0032). The program
 * page, the session calendar and a session, the case-study library and a case,
 * open statistics, the home page and the privacy notice look the same for every
 * visitor who is not signed in, given the language, the time zone cookie, the
 * query string and the data behind them. Each render is kept under a key of
 * exactly these (the data as version numbers bumped by database triggers:
 * src/services/public-pages/page-versions.ts), so a change is seen by the next
 * request, from whichever process it came. Time-dependent text ("closes in 3
 * days", upcoming sessions) is bounded by a one-minute bucket in the key.
 *
 * Never cached: a request with a session cookie (signed-in pages are personal:
 * it passes straight through, and the root middleware marks it no-store), a
 * method other than GET, anything but a 200 HTML answer, an answer that sets a
 * cookie. Cached answers carry an ETag (If-None-Match → 304) and
 * `Cache-Control: public, no-cache` with `Vary: Cookie`: a browser or proxy may
 * keep the page but asks each time, and gets a 304 while nothing changed.
 */
import { createHash } from "node:crypto";
import { isValidTimeZone } from "#src/domain/time.ts";
import { type PublicContent, type PublicPageVersions, readPublicPageVersions } from "#src/services/public-pages/page-versions.ts";
import type { ServiceContext } from "#src/services/context.ts";
import { cookieValue } from "./cookies.server.ts";
import { carriesSession } from "./request.server.ts";

/** Which public pages are cached, and the content each depends on. */
const PAGES: readonly { path: RegExp; dependsOn: readonly PublicContent[] }[] = [
  { path: /^\/[a-z]{2}\/?$/, dependsOn: ["cases"] },
  { path: /^\/[a-z]{2}\/apply\/?$/, dependsOn: ["rounds"] },
  { path: /^\/[a-z]{2}\/sessions\/?$/, dependsOn: ["sessions"] },
  { path: /^\/[a-z]{2}\/sessions\/[0-9a-f-]{36}\/?$/, dependsOn: ["sessions"] },
  { path: /^\/[a-z]{2}\/cases\/?$/, dependsOn: ["cases"] },
  { path: /^\/[a-z]{2}\/cases\/[0-9]+\/?$/, dependsOn: ["cases"] },
  { path: /^\/[a-z]{2}\/open-statistics\/?$/, dependsOn: ["statistics"] },
  { path: /^\/[a-z]{2}\/privacy\/?$/, dependsOn: [] },
];

/** Rendered text may depend on the time (days left, upcoming sessions): no entry outlives this. */
export const TIME_BUCKET_MS = 60_000;
/** Entries kept at most (query strings make the key space open); the oldest go first. */
const MAX_ENTRIES = 2_000;

export const CACHE_CONTROL = "public, no-cache";

interface Entry {
  body: string;
  etag: string;
  headers: [string, string][];
}

const entries = new Map<string, Entry>();
let stats = { hits: 0, misses: 0 };

/** For tests and the benchmark: forget every entry. */
export function clearPageCache(): void {
  entries.clear();
  stats = { hits: 0, misses: 0 };
}

export function pageCacheStats(): { hits: number; misses: number; entries: number } {
  return { ...stats, entries: entries.size };
}

/** JIP_PAGE_CACHE=off renders every request (the benchmark's "before" figure). */
const DISABLED = process.env.JIP_PAGE_CACHE === "off";

function pageOf(request: Request): { url: URL; dependsOn: readonly PublicContent[] } | null {
  if (DISABLED || request.method !== "GET" || carriesSession(request)) return null;
  const url = new URL(request.url);
  const page = PAGES.find((p) => p.path.test(url.pathname));
  return page ? { url, dependsOn: page.dependsOn } : null;
}

function keyOf(url: URL, request: Request, dependsOn: readonly PublicContent[], versions: PublicPageVersions, now: number): string {
  const tz = cookieValue(request, "tz");
  const zone = tz && isValidTimeZone(tz) ? tz : "";
  const parts = dependsOn.map((d) => `${d}=${versions[d]}`).join(",");
  return `${url.pathname}${url.search}|${zone}|${parts}|${Math.floor(now / TIME_BUCKET_MS)}`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || v === etag || v === `W/${etag}`;
  });
}

function answer(entry: Entry, request: Request): Response {
  const headers = new Headers(entry.headers);
  headers.set("ETag", entry.etag);
  headers.set("Cache-Control", CACHE_CONTROL);
  headers.set("Vary", "Cookie");
  if (matches(request.headers.get("if-none-match"), entry.etag)) {
    headers.delete("Content-Type");
    headers.delete("Content-Length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body, { status: 200, headers });
}

/** Where a request's page is kept, or null when it is not a cacheable request. */
async function slotOf(ctx: Pick<ServiceContext, "db" | "clock">, request: Request): Promise<string | null> {
  const page = pageOf(request);
  if (!page) return null;
  const versions = await readPublicPageVersions(ctx);
  return keyOf(page.url, request, page.dependsOn, versions, ctx.clock().getTime());
}

function hitAt(key: string): Entry | undefined {
  const hit = entries.get(key);
  if (hit) {
    stats.hits++;
    // Most recently used last: the oldest entries are the ones dropped.
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

/**
 * The kept answer for this request, or null (not cacheable, or not kept yet). server.js asks this
 * before Express's static files and React Router, so a hit costs neither.
 */
export async function publicPageFromCache(ctx: Pick<ServiceContext, "db" | "clock">, request: Request): Promise<Response | null> {
  const key = await slotOf(ctx, request);
  const hit = key === null ? undefined : hitAt(key);
  return hit ? answer(hit, request) : null;
}

/**
 * The page from the cache, or rendered by `next` and kept when it may be.
 * `ctx` gives the database the versions are read from.
 */
export async function cachedPublicPage(ctx: Pick<ServiceContext, "db" | "clock">, request: Request, next: () => Promise<Response>): Promise<Response> {
  const key = await slotOf(ctx, request);
  if (key === null) return next();
  const hit = hitAt(key);
  if (hit) return answer(hit, request);
  stats.misses++;
  const response = await next();
  const type = response.headers.get("Content-Type") ?? "";
  if (response.status !== 200 || response.headers.has("Set-Cookie") || !type.startsWith("text/html")) return response;
  const body = await response.text();
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = [...response.headers.entries()].filter(([k]) => !["content-length", "etag", "cache-control", "vary", "set-cookie"].includes(k));
  const entry: Entry = { body, etag, headers };
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  return answer(entry, request);
}
