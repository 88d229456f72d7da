/**
 * Output hygiene at the HTTP edge (issue 11 item 9), against a server of its
 * own that is told its public URL is https (as behind a TLS proxy; it still
 * listens on plain HTTP here): every kind of response carries `nosniff` and
 * HSTS — pages, `.data` requests, JSON and CSV attachments, static files, error
 * pages — session cookies carry the `__Secure-` prefix, deleting the account
 * clears the cookie under that name, and `account/data?download=1` gives the
 * JSON attachment, not the HTML page. Plain HTTP from Node (no browser).
 */
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_OPERATOR } from "./support/fixtures.ts";
import { type OwnServer, ownServerPort, startOwnServer } from "./support/own-server.ts";
import type { ServerKind } from "./support/servers.ts";
import { totp } from "./support/totp.ts";

/** A client with its own cookies (Node's fetch keeps none): sends them, stores what the server sets. */
class Client {
  private readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];
  readonly baseURL: string;
  constructor(baseURL: string) {
    this.baseURL = baseURL;
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const res = await fetch(new URL(path, this.baseURL), {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      this.setCookies.push(c);
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }
}

function expectEdgeHeaders(res: Response, what: string) {
  expect(res.headers.get("x-content-type-options"), `nosniff on ${what}`).toBe("nosniff");
  expect(res.headers.get("strict-transport-security"), `HSTS on ${what}`).toMatch(/^max-age=\d{8,}/);
}

function kindOf(): ServerKind {
  return (test.info().project.metadata as { server: ServerKind }).server;
}

test.describe.configure({ mode: "serial" });

let server: OwnServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  const kind = kindOf();
  server = await startOwnServer(kind, "output-hygiene", { publicUrl: `https://localhost:${ownServerPort(kind, "output-hygiene")}` });
});
test.afterAll(async () => {
  await server?.stop();
});

test("every kind of response carries nosniff and HSTS when the public URL is https", async () => {
  const anonymous = new Client(server.baseURL);
  const enhance = await anonymous.request("/enhance.js");
  expect(enhance.status).toBe(200);
  expectEdgeHeaders(enhance, "a static file");
  const page = await anonymous.request("/en/sessions");
  expect(page.status).toBe(200);
  expectEdgeHeaders(page, "a page");
  const data = await anonymous.request("/en/sessions.data");
  expect(data.status).toBe(200);
  expectEdgeHeaders(data, "a .data request");
  expectEdgeHeaders(await anonymous.request("/healthz"), "the health check");
  const missing = await anonymous.request("/en/no-such-page");
  expect(missing.status).toBe(404);
  expectEdgeHeaders(missing, "a 404 page");
  const bad = await anonymous.request("/en/sessions/%00");
  expect(bad.status).toBe(400);
  expectEdgeHeaders(bad, "a 400 page");

  const operator = new Client(server.baseURL);
  expect((await operator.request("/en/sign-in", { form: { email: DEMO_OPERATOR, password: DEMO_PASSWORD, next: "" } })).status).toBe(302);
  const started = await operator.request("/en/account/two-factor", { form: { intent: "start", password: DEMO_PASSWORD } });
  const secret = /data-testid="totp-secret">([A-Z2-7=]+)</.exec(await started.text())?.[1];
  expect(secret).toBeTruthy();
  expect((await operator.request("/en/account/two-factor", { form: { intent: "verify", secret: secret!, code: totp(secret!) } })).status).toBe(302);
  const csv = await operator.request("/en/operator/applications/export.csv");
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  expectEdgeHeaders(csv, "a CSV export");
});

test("session cookies are __Secure- under https; the data download is the JSON attachment; deletion clears the cookie by its name", async () => {
  const applicant = new Client(server.baseURL);
  const signedIn = await applicant.request("/en/sign-in", { form: { email: "applicant07@demo.jip.example", password: DEMO_PASSWORD, next: "" } });
  expect(signedIn.status).toBe(302);
  const sessionCookie = applicant.setCookies.find((c) => /session_token=/.test(c))!;
  expect(sessionCookie).toMatch(/^__Secure-better-auth\.session_token=/);
  expect(sessionCookie).toMatch(/; Secure/i);
  expect(sessionCookie).toMatch(/; HttpOnly/i);

  const old = await applicant.request("/en/account/data?download=1");
  expect(old.status).toBe(302);
  const download = await applicant.request(old.headers.get("location")!);
  expect(download.status).toBe(200);
  expect(download.headers.get("content-type")).toMatch(/^application\/json/);
  expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="my-jip-data\.json"/);
  expectEdgeHeaders(download, "the JSON export");
  const data = (await download.json()) as { account?: { email?: string } };
  expect(JSON.stringify(data)).toContain("applicant07@demo.jip.example");

  const deleted = await applicant.request("/en/account/data", { form: { password: DEMO_PASSWORD, confirm: "on" } });
  expect(deleted.status).toBe(302);
  expect(applicant.setCookies.some((c) => /^__Secure-better-auth\.session_token=;.*Max-Age=0/i.test(c))).toBe(true);
  expect(applicant.cookieNames().filter((n) => n.includes("session_token"))).toEqual([]);
});
