/** Shared helpers for the browser tests: which server, axe, and reading the outbox. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { type Page, type TestInfo, expect, test } from "@playwright/test";
import { SERVERS, type ServerKind } from "./servers.ts";

export const DEMO_PASSWORD = "demo-password-2026";
export const DEMO_OPERATOR = "operator@demo.jip.example";

export function serverOf(testInfo: TestInfo) {
  const kind = (testInfo.project.metadata as { server: ServerKind }).server;
  return SERVERS[kind];
}

/** Pages (path with ids and numbers generalized) already checked with JavaScript on, in this worker. */
const checkedWithJavaScript = new Set<string>();

function pageKind(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, "/:id").replace(/\/\d+(?=\/|$)/g, "/:n");
  return `${path}?${[...new Set(u.searchParams.keys())].sort().join("&")}`;
}

/** axe-core's source, read once per worker (compiling its 640 KB in a page takes about half a second). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  // Only violations are read: axe then builds no selector or HTML excerpt for every passing node.
  resultTypes: ["violations"],
};
const REPLAY_PATH = "/__axe-replay";

/**
 * One JavaScript-enabled page per worker and server, holding axe-core, that every checked page is replayed in:
 * its document is replaced by the page's HTML (document.open() keeps the window, so axe stays loaded), at the
 * server's origin, so the page's own styles load (from the cache after the first time). Before, each check
 * loaded axe into a new page twice (parse and compile each time) and, with JavaScript off, opened another page
 * to replay in: about 6 s per check with JavaScript off, 2 s with it on, 43 % of the browser tests' time.
 */
const replayPages = new Map<string, Promise<Page>>();
function replayPage(page: Page): Promise<Page> {
  const origin = new URL(page.url()).origin;
  let replay = replayPages.get(origin);
  if (!replay) {
    replay = (async () => {
      const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
      const target = await context.newPage();
      await target.route(`${origin}${REPLAY_PATH}`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!DOCTYPE html><html><head></head><body></body></html>" }),
      );
      await target.goto(`${origin}${REPLAY_PATH}`);
      await target.evaluate(AXE_SOURCE);
      target.once("close", () => replayPages.delete(origin));
      return target;
    })();
    replayPages.set(origin, replay);
    replay.catch(() => replayPages.delete(origin));
  }
  return replay;
}

/**
 * axe-core on the current page: WCAG 2.x A/AA rules must report nothing.
 * The page's document as the browser holds it (with JavaScript off, the exact HTML the server sent; with it on,
 * the DOM after the scripts ran) is replayed in a JavaScript-enabled page and checked there (same styles, same
 * DOM). The page's own scripts are left out of the replay: a JavaScript-off user never runs them, and what
 * they did to the DOM is already in it (hydrating again while axe reads the DOM made it see half-replaced nodes).
 *
 * With JavaScript off, every call checks the page: that is the HTML every
 * user gets. With JavaScript on, each kind of page is checked once per worker:
 * what scripts add (local times, character counters, the autosave status) is
 * the same few components on every page, and axe on every step in both
 * projects took a large share of the browser tests' time.
 */
export async function expectAccessible(page: Page) {
  const jsOff = test.info().project.use.javaScriptEnabled === false;
  if (!jsOff) {
    const kind = pageKind(page.url());
    if (checkedWithJavaScript.has(kind)) return;
    checkedWithJavaScript.add(kind);
    // A revalidation still in flight re-renders the form while axe reads it (a radio "without a label").
    await page.waitForLoadState("networkidle");
  }
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const target = await replayPage(page);
  const violations = await target.evaluate(
    async ({ html, options }) => {
      document.open();
      document.write(html);
      document.close();
      // Every stylesheet loaded (or failed) before axe reads colours and visibility.
      await Promise.all(
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((link) =>
          link.sheet ? null : new Promise((resolve) => ((link.onload = resolve), (link.onerror = resolve))),
        ),
      );
      const results = await (
        window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run(document, options);
      return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
    },
    { html, options: AXE_OPTIONS },
  );
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    if (c === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface Mail {
  headers: string;
  body: string;
  links: string[];
}

/**
 * Every e-mail to an address in the server's development outbox whose
 * subject matches, newest first. The server queues e-mails and its delivery
 * job writes them within a second or two (ADR 0008): use latestMailTo to wait.
 */
export function mailsTo(testInfo: TestInfo, to: string, subjectHas?: RegExp): Mail[] {
  const dir = path.join(serverOf(testInfo).dataDir, "outbox");
  let files: string[];
  try {
    files = readdirSync(dir).sort().reverse();
  } catch {
    return [];
  }
  const found: Mail[] = [];
  for (const f of files) {
    const raw = readFileSync(path.join(dir, f), "utf8");
    const split = raw.indexOf("\n\n");
    const headers = raw.slice(0, split);
    if (!new RegExp(`^To: ${to.replace(/[.+]/g, "\\$&")}$`, "mi").test(headers)) continue;
    if (subjectHas && !subjectHas.test(decodeSubject(headers))) continue;
    const body = /quoted-printable/i.test(headers)
      ? decodeQuotedPrintable(raw.slice(split + 2))
      : /base64/i.test(headers)
        ? Buffer.from(raw.slice(split + 2), "base64").toString("utf8")
        : raw.slice(split + 2);
    found.push({ headers, body, links: body.match(/https?:\/\/\S+/g) ?? [] });
  }
  return found;
}

/** The newest e-mail to an address in the server's development outbox (waits up to 15 s for it to arrive). */
export async function latestMailTo(testInfo: TestInfo, to: string, subjectHas?: RegExp): Promise<Mail> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const [newest] = mailsTo(testInfo, to, subjectHas);
    if (newest) return newest;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail to ${to}${subjectHas ? ` matching ${subjectHas}` : ""} in ${path.join(serverOf(testInfo).dataDir, "outbox")}`);
}

/** The Subject header, decoded from RFC 2047 encoded words. */
export function decodeSubject(headers: string): string {
  const m = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(headers);
  if (!m) return "";
  return m[1]!
    .replace(/\n[ \t]/g, "")
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

/** A unique address per test run, so reruns against the same server never collide. */
export function uniqueEmail(prefix: string, testInfo: TestInfo): string {
  return `${prefix}-${testInfo.project.name}-${Date.now().toString(36)}@e2e.jip.example`;
}

/** Submits the form whose submit button has this name (works with JavaScript on and off). */
export async function submit(page: Page, buttonName: string | RegExp) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: buttonName }).click()]);
}
