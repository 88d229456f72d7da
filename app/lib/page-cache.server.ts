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
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { isValidTimeZone } from "#src/domain/time.ts";
import {
  type PublicContent,
  type PublicPageVersions,
  type VersionSource,
  currentPublicPageVersions,
  versionReadCount,
} from "#src/services/public-pages/page-versions.ts";
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
  /** The body as bytes, and precompressed the way server.js's compression middleware would (gzip level 6, brotli quality 4). */
  bytes: { identity: Buffer; gzip: Buffer; br: Buffer };
}

const entries = new Map<string, Entry>();
let stats = { hits: 0, misses: 0 };

/** For tests and the benchmark: forget every entry. */
export function clearPageCache(): void {
  entries.clear();
  stats = { hits: 0, misses: 0 };
}

export function pageCacheStats(): { hits: number; misses: number; entries: number; versionReads: number } {
  return { ...stats, entries: entries.size, versionReads: versionReadCount() };
}

/** JIP_PAGE_CACHE=off renders every request (the benchmark's "before" figure). */
const DISABLED = process.env.JIP_PAGE_CACHE === "off";

function dependenciesOf(request: Request): readonly PublicContent[] | null {
  if (DISABLED || request.method !== "GET" || carriesSession(request)) return null;
  const pathname = new URL(request.url).pathname;
  return PAGES.find((p) => p.path.test(pathname))?.dependsOn ?? null;
}

/** The key's request part: path and query as sent (`/en/apply?x=1`), and the time zone cookie when valid. */
function keyOf(pathAndQuery: string, tz: string | null, dependsOn: readonly PublicContent[], versions: PublicPageVersions, now: number): string {
  const zone = tz && isValidTimeZone(tz) ? tz : "";
  const parts = dependsOn.map((d) => `${d}=${versions[d]}`).join(",");
  return `${pathAndQuery}|${zone}|${parts}|${Math.floor(now / TIME_BUCKET_MS)}`;
}

function pathAndQueryOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
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
async function slotOf(ctx: VersionSource & Pick<ServiceContext, "clock">, request: Request): Promise<string | null> {
  const dependsOn = dependenciesOf(request);
  if (!dependsOn) return null;
  const versions = await currentPublicPageVersions(ctx);
  return keyOf(pathAndQueryOf(request), cookieValue(request, "tz"), dependsOn, versions, ctx.clock().getTime());
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
 * The page from the cache, or rendered by `next` and kept when it may be.
 * `ctx` gives the database the versions are read from.
 */
export async function cachedPublicPage(ctx: VersionSource & Pick<ServiceContext, "clock">, request: Request, next: () => Promise<Response>): Promise<Response> {
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
  const identity = Buffer.from(body, "utf8");
  const bytes = {
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    br: brotliCompressSync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  };
  const entry: Entry = { body, etag, headers, bytes };
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
  return answer(entry, request);
}

/** What the bare node:http fast path of server.js needs to answer a hit without building a Request or Response. */
export interface PageHit {
  /** 304 when If-None-Match names the kept ETag. */
  status: 200 | 304;
  /** The headers answer() gives (the render's, ETag, Cache-Control, Vary), without Content-Type/Content-Length on a 304. */
  headers: readonly [string, string][];
  bytes: Entry["bytes"];
}

/** One hit's headers, built once per entry and status. */
const hitHeaders = new WeakMap<Entry, { ok: [string, string][]; notModified: [string, string][] }>();
function headersOfHit(entry: Entry): { ok: [string, string][]; notModified: [string, string][] } {
  let h = hitHeaders.get(entry);
  if (!h) {
    const ok: [string, string][] = [...entry.headers, ["etag", entry.etag], ["cache-control", CACHE_CONTROL], ["vary", "Cookie"]];
    h = { ok, notModified: ok.filter(([k]) => k !== "content-type" && k !== "content-length") };
    hitHeaders.set(entry, h);
  }
  return h;
}

/** The session cookie test of request.server.ts's carriesSession, on the raw Cookie header. */
function cookieCarriesSession(cookie: string): boolean {
  return cookie.split(";").some((part) => /(^|\.)session_token$/.test(part.slice(0, part.indexOf("=")).trim()));
}

function tzOf(cookie: string): string | null {
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== "tz") continue;
    try {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return value.includes("\0") ? null : value;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The kept page for a raw GET (`pathAndQuery` as in the request line), or null when it is not
 * cacheable or not kept: the same rules and key as cachedPublicPage, without WHATWG objects.
 */
export async function publicPageHit(
  ctx: VersionSource & Pick<ServiceContext, "clock">,
  request: { method: string; pathAndQuery: string; cookie: string | undefined; ifNoneMatch: string | undefined },
): Promise<PageHit | null> {
  if (DISABLED || request.method !== "GET") return null;
  const cookie = request.cookie ?? "";
  if (cookieCarriesSession(cookie) || !request.pathAndQuery.startsWith("/") || request.pathAndQuery.startsWith("//")) return null;
  let pathAndQuery: string;
  try {
    // Normalized as `new URL()` normalizes it for the Express path (dot segments, percent-encoding).
    const url = new URL(request.pathAndQuery, "http://localhost");
    pathAndQuery = `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
  const q = pathAndQuery.indexOf("?");
  const pathname = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const dependsOn = PAGES.find((p) => p.path.test(pathname))?.dependsOn;
  if (!dependsOn) return null;
  const versions = await currentPublicPageVersions(ctx);
  const hit = hitAt(keyOf(pathAndQuery, tzOf(cookie), dependsOn, versions, ctx.clock().getTime()));
  if (!hit) return null;
  const headers = headersOfHit(hit);
  return matches(request.ifNoneMatch ?? null, hit.etag)
    ? { status: 304, headers: headers.notModified, bytes: hit.bytes }
    : { status: 200, headers: headers.ok, bytes: hit.bytes };
}
