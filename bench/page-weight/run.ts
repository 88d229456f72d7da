/**
 * Page weight of the application form on first load, as bytes on the wire
 * (gzip, as the server sends them): HTML + CSS + JavaScript + fonts.
 * Target (issue 5): at most 100 KB. Baseline measured in the same run: the
 * JavaScript the same page would also download if it hydrated (React Router's
 * client entry + route modules from build/client), i.e. what ADR 0003 avoids.
 *
 * Run after `npm run build`: node --import tsx/esm bench/page-weight/run.ts
 * It starts its own server (PGlite, demo data) on port 4790 and stops it.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

const PORT = 4790;
const BASE = `http://localhost:${PORT}`;
const BUDGET = 100 * 1024;

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

function post(url: string, form: Record<string, string>): Promise<http.IncomingHttpHeaders> {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.headers));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await get(`${BASE}/healthz`)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

const server = spawn("bash", ["e2e/support/serve.sh", "pglite", String(PORT)], { stdio: "ignore", detached: true });
try {
  await waitForServer();
  const signIn = await post(`${BASE}/en/sign-in`, { email: "applicant03@demo.jip.example", password: "demo-password-2026" });
  const cookie = (signIn["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const page = await get(`${BASE}/en/application/personal`, { cookie });
  if (page.status !== 200) throw new Error(`form page answered ${page.status}`);
  const html = (page.headers["content-encoding"] === "gzip" ? gunzipSync(page.bytes) : page.bytes).toString("utf8");
  const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]!);
  let assetBytes = 0;
  for (const a of assets) assetBytes += (await get(`${BASE}${a}`)).bytes.length;
  const total = page.bytes.length + assetBytes;
  const hydrationJs = readdirSync("build/client/assets")
    .filter((f) => f.endsWith(".js"))
    .map((f) => gzipSync(readFileSync(path.join("build/client/assets", f))).length)
    .reduce((a, b) => a + b, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`application form, first load, on the wire: ${kb(total)} (${(total / BUDGET).toFixed(2)} of the 100 KB budget)`);
  console.log(
    `  html: ${kb(page.bytes.length)} (${page.headers["content-encoding"] ?? "identity"}); css+js: ${kb(assetBytes)} in ${assets.length} files [${assets.join(", ")}]; fonts: 0 (system fonts)`,
  );
  console.log(
    `baseline, the same page hydrated (adds all client JS, gzip): ${kb(total + hydrationJs)} (${((total + hydrationJs) / total).toFixed(2)}x this page)`,
  );
  if (total > BUDGET) process.exitCode = 1;
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
