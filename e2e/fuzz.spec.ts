/**
 * Bad input never gives a 5xx (issue 11 item 4). Against a server of its own
 * (it posts every form it finds), as every role — anonymous, applicant, host
 * admin, reviewer, operator, ministry viewer — it crawls the pages the role
 * can reach, then drives every route's inputs with values such as a NUL
 * character and impossible dates:
 *  - every path parameter of every route in app/routes.ts (with and without
 *    ids found while crawling),
 *  - every query parameter seen in links and GET forms,
 *  - every field of every POST form (one field at a time, the others filled
 *    with plausible values, and all fields at once),
 *  - cookies (a malformed tz cookie, a NUL, a garbled session cookie),
 * and asserts that no answer is a 5xx. Runs once per project: PostgreSQL
 * (JavaScript on) and PGlite (JavaScript off); no browser is needed.
 */
import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest, test } from "@playwright/test";
import { type RouteObject, matchRoutes } from "react-router";
import routeConfig from "../app/routes.ts";
import { DEMO_PASSWORD } from "./support/fixtures.ts";
import { type OwnServer, startOwnServer } from "./support/own-server.ts";
import type { ServerKind } from "./support/servers.ts";
import { totp } from "./support/totp.ts";

/** Values that once gave 500s (NUL, impossible dates) and their neighbours. */
const BAD_VALUES = ["\u0000", "a\u0000b", "0000-00-00", "2027-13-45", "-1", "99999999999999999999", "%", "' or 1=1 --"];
/** For one field at a time (the costly sweep), by the field: values that reach deepest. */
function fieldValues(field: { name: string; type: string }): string[] {
  const values = ["\u0000", "2027-13-45"];
  if (/date|time/.test(field.type) || /date|period|from|to$|At$|start|end|birth/i.test(field.name)) values.push("0000-00-00", "2027-02-30T25:61");
  if (field.type === "number" || /capacity|count|number|age|year|employees|capital|page|rank|score/i.test(field.name))
    values.push("99999999999999999999", "-1");
  return values;
}
/** GETs in flight at once: the server answers one while the runner reads another. */
const GETS_IN_FLIGHT = 4;
const BAD_COOKIES = ["tz=%E0%A4%A", "tz=%00", "tz=Mars%2FBase", "better-auth.session_token=%00", "better-auth.session_token=garbled.value"];

type Role = "anonymous" | "applicant" | "host" | "reviewer" | "operator" | "ministry";
const ACCOUNTS: Record<Exclude<Role, "anonymous">, { email: string; twoFactor: boolean }> = {
  applicant: { email: "applicant01@demo.jip.example", twoFactor: false },
  host: { email: "admin@sakura-seiki.demo.jip.example", twoFactor: false },
  reviewer: { email: "reviewer@demo.jip.example", twoFactor: true },
  operator: { email: "operator@demo.jip.example", twoFactor: true },
  ministry: { email: "ministry@demo.jip.example", twoFactor: true },
};

/** Forms the fuzz leaves alone: they end the session it is using, or the account. */
const SKIP_ACTIONS = [/\/sign-out$/, /\/account\/data$/, /\/account\/two-factor$/, /\/account\/confirm-password$/];

// ---------------------------------------------------------------- routes

interface ConfigEntry {
  path?: string;
  index?: boolean;
  children?: ConfigEntry[];
}

function toRouteObjects(entries: ConfigEntry[]): RouteObject[] {
  return entries.map((e) =>
    e.index ? { index: true, path: e.path } : { path: e.path, ...(e.children ? { children: toRouteObjects(e.children) } : {}) },
  ) as RouteObject[];
}
const ROUTES = toRouteObjects(routeConfig as ConfigEntry[]);

/** Every full route pattern ("/:lang/sessions/:id"), from app/routes.ts. */
function patterns(entries: ConfigEntry[], prefix = ""): string[] {
  return entries.flatMap((e) => {
    const here = e.path ? `${prefix}/${e.path}` : prefix;
    const own = e.index || (e.path && !e.children) ? [here || "/"] : [];
    return [...own, ...(e.children ? patterns(e.children, here) : [])];
  });
}
const PATTERNS = patterns(routeConfig as ConfigEntry[]).filter((p) => !p.endsWith("/*"));

function patternOf(pathname: string): string | null {
  const matches = matchRoutes(ROUTES, pathname);
  if (!matches) return null;
  const parts = matches.map((m) => m.route.path).filter((p): p is string => Boolean(p));
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

/** Fills a pattern's parameters: lang is "en", others from `values` or "x". */
function fill(pattern: string, values: Record<string, string> = {}): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => values[name] ?? (name === "lang" ? "en" : "x"));
}

// ---------------------------------------------------------------- HTML

const decodeHtml = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] = decodeHtml(m[2] ?? "");
  return out;
}

interface FormSpec {
  action: string;
  method: string;
  multipart: boolean;
  fields: { name: string; value: string; type: string }[];
  submits: { name: string; value: string }[];
}

const PLAUSIBLE: Record<string, string> = {
  email: "fuzz@example.org",
  date: "2027-05-01",
  "datetime-local": "2027-05-01T10:00",
  number: "1",
  tel: "+84 912 345 678",
  url: "https://example.org",
  text: "Fuzz",
  textarea: "Fuzz text",
  password: "violet-harbour-lantern-42",
};

function formsIn(html: string, pageUrl: string): FormSpec[] {
  const forms: FormSpec[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attrs(m[1]!);
    const body = m[2]!;
    const fields: FormSpec["fields"] = [];
    const submits: FormSpec["submits"] = [];
    for (const i of body.matchAll(/<input\b([^>]*)>/g)) {
      const f = attrs(i[1]!);
      if (!f.name) continue;
      const type = f.type ?? "text";
      if (type === "submit") submits.push({ name: f.name, value: f.value ?? "" });
      else if (type === "file") continue;
      else if ((type === "checkbox" || type === "radio") && fields.some((x) => x.name === f.name)) continue;
      else fields.push({ name: f.name, type, value: f.value || (type === "hidden" ? "" : (PLAUSIBLE[type] ?? "Fuzz")) });
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const f = attrs(s[1]!);
      if (!f.name) continue;
      const options = [...s[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attrs(o[1]!).value ?? "").filter(Boolean);
      fields.push({ name: f.name, type: "select", value: options[0] ?? "" });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const f = attrs(t[1]!);
      if (f.name) fields.push({ name: f.name, type: "textarea", value: decodeHtml(t[2]!) || PLAUSIBLE.textarea! });
    }
    for (const b of body.matchAll(/<button\b([^>]*)>/g)) {
      const f = attrs(b[1]!);
      if (f.name && (f.type ?? "submit") === "submit") submits.push({ name: f.name, value: f.value ?? "" });
    }
    const action = new URL(a.action || pageUrl, pageUrl);
    forms.push({
      action: action.pathname + action.search,
      method: (a.method ?? "get").toLowerCase(),
      multipart: a.enctype === "multipart/form-data",
      fields,
      submits,
    });
  }
  return forms;
}

function linksIn(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const u = new URL(decodeHtml(m[1]!), pageUrl);
    if (u.origin !== new URL(pageUrl).origin) continue;
    if (!/^\/(en|documents)(\/|$)/.test(u.pathname)) continue;
    out.push(u.pathname + u.search);
  }
  return out;
}

// ---------------------------------------------------------------- sessions

async function signIn(api: APIRequestContext, role: Exclude<Role, "anonymous">): Promise<void> {
  const { email, twoFactor } = ACCOUNTS[role];
  const res = await api.post("/en/sign-in", { form: { email, password: DEMO_PASSWORD, next: "" }, maxRedirects: 0 });
  expect(res.status(), `${role} signs in`).toBe(302);
  if (!twoFactor) return;
  const started = await api.post("/en/account/two-factor", { form: { intent: "start", password: DEMO_PASSWORD }, maxRedirects: 0 });
  const secret = /data-testid="totp-secret">([A-Z2-7=]+)</.exec(await started.text())?.[1];
  expect(secret, `${role} starts two-factor enrolment`).toBeTruthy();
  const verified = await api.post("/en/account/two-factor", { form: { intent: "verify", secret: secret!, code: totp(secret!) }, maxRedirects: 0 });
  expect(verified.status(), `${role} enrols two-factor`).toBe(302);
}

// ---------------------------------------------------------------- the fuzz

interface Failure {
  role: Role;
  request: string;
  status: number;
}

class Fuzzer {
  readonly failures: Failure[] = [];
  readonly exercised = new Set<string>();
  count = 0;
  readonly api: APIRequestContext;
  readonly role: Role;
  constructor(api: APIRequestContext, role: Role) {
    this.api = api;
    this.role = role;
  }

  private async check(label: string, send: () => Promise<APIResponse>): Promise<APIResponse | null> {
    this.count++;
    let res: APIResponse;
    try {
      res = await send().catch(async (err: Error) => {
        // A kept-alive connection the server closed (idle past its keep-alive timeout) just as this request
        // went out on it: the request never reached the application. Browsers send it again on a new
        // connection; so does the fuzzer, once. A server that crashed or hung fails the second try too.
        if (!/ECONNRESET|socket hang up|EPIPE/.test(err.message)) throw err;
        return send();
      });
    } catch (err) {
      this.failures.push({ role: this.role, request: `${label} (${(err as Error).message.split("\n")[0]})`, status: 0 });
      return null;
    }
    if (res.status() >= 500) this.failures.push({ role: this.role, request: label, status: res.status() });
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    const pattern = patternOf(url.split("?")[0]!);
    if (pattern) this.exercised.add(pattern);
    return this.check(`GET ${url}${headers.cookie ? ` [cookie ${headers.cookie}]` : ""}`, () => this.api.get(url, { maxRedirects: 0, headers }));
  }

  post(form: FormSpec, values: Record<string, string>, label: string) {
    const pattern = patternOf(form.action.split("?")[0]!);
    if (pattern) this.exercised.add(pattern);
    return this.check(`POST ${form.action} ${label}`, () =>
      this.api.post(form.action, { maxRedirects: 0, ...(form.multipart ? { multipart: values } : { form: values }) }),
    );
  }

  /** Sends GETs with a few in flight at once (they change nothing; forms stay one at a time). */
  private async getAll(requests: { url: string; headers?: Record<string, string> }[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        await this.get(r.url, r.headers);
      }
    };
    await Promise.all(Array.from({ length: GETS_IN_FLIGHT }, worker));
  }

  /** Crawls what this role can reach: up to `perPattern` URLs per route pattern. */
  async crawl(seeds: string[], perPattern = 2, max = 160): Promise<Map<string, string>> {
    const pages = new Map<string, string>();
    const perPatternSeen = new Map<string, number>();
    const queue = [...seeds];
    const seen = new Set(queue);
    while (queue.length > 0 && pages.size < max) {
      const url = queue.shift()!;
      const pattern = patternOf(url.split("?")[0]!) ?? url;
      if ((perPatternSeen.get(pattern) ?? 0) >= perPattern) continue;
      perPatternSeen.set(pattern, (perPatternSeen.get(pattern) ?? 0) + 1);
      const res = await this.get(url);
      if (!res || res.status() !== 200 || !(res.headers()["content-type"] ?? "").includes("text/html")) continue;
      const html = await res.text();
      pages.set(url, html);
      for (const link of linksIn(html, res.url())) {
        if (seen.has(link) || /\/sign-out$/.test(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
    return pages;
  }

  /** Path parameters: every route, every parameter, every bad value; with ids found while crawling where there are some. */
  async pathParameters(crawled: string[]): Promise<void> {
    const known = new Map<string, Record<string, string>[]>();
    for (const url of crawled) {
      const matches = matchRoutes(ROUTES, url.split("?")[0]!);
      const pattern = patternOf(url.split("?")[0]!);
      if (!matches || !pattern) continue;
      known.set(pattern, [...(known.get(pattern) ?? []), matches[matches.length - 1]!.params as Record<string, string>]);
    }
    const urls: string[] = [];
    for (const pattern of PATTERNS) {
      const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((n) => n !== "lang");
      const bases = known.get(pattern) ?? [{}];
      for (const name of names) {
        for (const value of BAD_VALUES) {
          for (const params of bases.slice(0, 1)) urls.push(fill(pattern, { ...params, [name]: encodeURIComponent(value) }));
        }
      }
      if (names.length === 0) urls.push(fill(pattern));
    }
    await this.getAll(urls.map((url) => ({ url })));
  }

  /** Query parameters seen on links and GET forms, per page. */
  async queryParameters(pages: Map<string, string>): Promise<void> {
    const keys = new Map<string, Set<string>>();
    const add = (url: string, names: string[]) => {
      const path = url.split("?")[0]!;
      const set = keys.get(path) ?? new Set<string>();
      names.forEach((n) => set.add(n));
      keys.set(path, set);
    };
    for (const [url, html] of pages) {
      for (const link of linksIn(html, `http://x${url}`)) add(link, [...new URL(link, "http://x").searchParams.keys()]);
      for (const f of formsIn(html, `http://x${url}`))
        if (f.method === "get")
          add(
            f.action,
            f.fields.map((x) => x.name),
          );
      add(url, ["page", "next", "q"]);
    }
    const urls: string[] = [];
    for (const [path, names] of keys) {
      for (const name of names) {
        for (const value of BAD_VALUES) urls.push(`${path}?${name}=${encodeURIComponent(value)}`);
      }
    }
    await this.getAll(urls.map((url) => ({ url })));
  }

  /** Every POST form: each field alone with each bad value (others plausible), then all fields at once. */
  async forms(pages: Map<string, string>): Promise<void> {
    const done = new Set<string>();
    for (const [url, html] of pages) {
      for (const form of formsIn(html, `http://x${url}`)) {
        if (form.method !== "post" || SKIP_ACTIONS.some((r) => r.test(form.action.split("?")[0]!))) continue;
        const key = `${patternOf(form.action.split("?")[0]!)} ${form.fields.map((f) => f.name).join(",")} ${form.submits.map((s) => s.value).join(",")}`;
        if (done.has(key)) continue;
        done.add(key);
        const variants = form.submits.length > 0 ? form.submits : [{ name: "", value: "" }];
        for (const submit of variants) {
          const base: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.name, f.value]));
          if (submit.name) base[submit.name] = submit.value;
          for (const field of form.fields) {
            if (field.name === submit.name) continue;
            for (const value of fieldValues(field)) await this.post(form, { ...base, [field.name]: value }, `${field.name}=${JSON.stringify(value)}`);
          }
          for (const value of BAD_VALUES) {
            const all = Object.fromEntries(form.fields.map((f) => [f.name, value]));
            if (submit.name) all[submit.name] = submit.value;
            await this.post(form, all, `every field=${JSON.stringify(value)}`);
          }
        }
      }
    }
  }

  async cookies(pages: Map<string, string>): Promise<void> {
    const byPattern = new Map<string, string>();
    for (const url of pages.keys()) byPattern.set(patternOf(url.split("?")[0]!) ?? url, url);
    await this.getAll([...byPattern.values()].flatMap((url) => BAD_COOKIES.map((cookie) => ({ url, headers: { cookie } }))));
  }
}

const SEEDS = [
  ...PATTERNS.filter((p) => !p.includes(":") || p === "/:lang" || /^\/:lang\/[^:]+$/.test(p)).map((p) => fill(p)),
  "/en/operator/audit?from=2027-01-01&to=2027-12-31",
];

function kindOf(): ServerKind {
  return (test.info().project.metadata as { server: ServerKind }).server;
}

test.describe.configure({ mode: "serial" });

let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer(kindOf(), "fuzz");
});
test.afterAll(async () => {
  await server?.stop();
});

/**
 * The fuzz sends raw HTTP, so JavaScript on or off changes nothing, and PGlite
 * is PostgreSQL's own parser and planner: each role is fuzzed against one of
 * the two servers (the heaviest, operator, alone on one side), which halves
 * the time without leaving a role or a database out.
 */
const FUZZED_ON: Record<string, ServerKind> = {
  anonymous: "pglite",
  operator: "pglite",
  applicant: "postgres",
  host: "postgres",
  reviewer: "postgres",
  ministry: "postgres",
};

for (const role of ["anonymous", "applicant", "host", "reviewer", "operator", "ministry"] as const) {
  test(`no bad input gives a 5xx, as ${role}`, async () => {
    test.skip(kindOf() !== FUZZED_ON[role], `the ${role} is fuzzed against the ${FUZZED_ON[role]} server`);
    test.setTimeout(900_000);
    const started = Date.now();
    const api = await playwrightRequest.newContext({ baseURL: server.baseURL });
    try {
      if (role !== "anonymous") await signIn(api, role);
      const fuzz = new Fuzzer(api, role);
      const pages = await fuzz.crawl(SEEDS.filter((s) => role !== "anonymous" || !/\/(operator|host\/|application\/)/.test(s)));
      await fuzz.pathParameters([...pages.keys()]);
      await fuzz.queryParameters(pages);
      await fuzz.cookies(pages);
      await fuzz.forms(pages);
      const summary = `${role}: ${fuzz.count} requests, ${pages.size} pages, ${fuzz.exercised.size} route patterns, ${((Date.now() - started) / 1000).toFixed(0)} s`;
      test.info().annotations.push({ type: "fuzz", description: summary });
      console.log(`fuzz ${server.kind} ${summary}`);
      // Every route pattern was requested with bad path parameters (or, without parameters, at all).
      expect(PATTERNS.filter((p) => !fuzz.exercised.has(p.replace(/\/$/, "") || "/"))).toEqual([]);
      expect(fuzz.failures).toEqual([]);
    } finally {
      await api.dispose();
    }
  });
}
