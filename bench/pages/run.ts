/**
 * Public pages against the machine's ceiling (issue #20 items 1 and 6): autocannon, 20
 * connections, a few seconds per page, on
 *   - the platform with the page cache (PGlite, demo data: e2e/support/serve.sh),
 *   - the same build with JIP_PAGE_CACHE=off (every request rendered: the "before"),
 *   - a bare node:http server answering the same HTML bytes (the ceiling),
 * all three started by this script, one after the other measured in the same run. Prints
 * req/s and p99 latency, and each as a ratio of the bare server's throughput.
 * Target (issue #20): ≥ 25 % of the bare server, p99 < 50 ms. Exit code 1 when a page does
 * not answer 200, or the cached page is not the page rendered without the cache.
 *
 * Run after `npm run build`: node --import tsx/esm bench/pages/run.ts   (BENCH_SECONDS=5)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;

const CACHED = 4800;
const UNCACHED = 4801;
const BARE = 4802;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PAGES = ["/en/", "/vi/apply", "/en/sessions", "/en/cases"];

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      })
      .on("error", reject);
  });
}

async function waitFor(port: number): Promise<void> {
  for (let i = 0; i < 720; i++) {
    try {
      if ((await get(`http://localhost:${port}/healthz`)).status === 200) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on ${port} did not start`);
}

function start(port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn("bash", ["e2e/support/serve.sh", "pglite", String(port)], { stdio: "ignore", detached: true, env: { ...process.env, ...env } });
}

function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

/** The ceiling: node:http answering the given bytes, nothing else (its own process, like the platform). */
function startBare(port: number, files: Record<string, string>): ChildProcess {
  const path = `${os.tmpdir()}/jip-bench-bare-${process.pid}.json`;
  writeFileSync(path, JSON.stringify(files));
  const code = `const f=require(${JSON.stringify(path)});require("node:http").createServer((q,s)=>{const b=f[q.url];if(b===undefined){s.writeHead(q.url==="/healthz"?200:404);s.end("ok");return}s.writeHead(200,{"content-type":"text/html; charset=utf-8"});s.end(b)}).listen(${port})`;
  return spawn(process.execPath, ["-e", code], { stdio: "ignore", detached: true });
}

const children: ChildProcess[] = [];
let failed = false;
try {
  children.push(start(CACHED), start(UNCACHED, { JIP_PAGE_CACHE: "off" }));
  await Promise.all([waitFor(CACHED), waitFor(UNCACHED)]);
  const html: Record<string, string> = {};
  for (const page of PAGES) {
    const a = await get(`http://localhost:${CACHED}${page}`);
    const b = await get(`http://localhost:${UNCACHED}${page}`);
    if (a.status !== 200 || b.status !== 200) {
      console.error(`${page}: answered ${a.status} / ${b.status}`);
      failed = true;
    }
    // The same page either way (each server seeded its own demo data: ids differ, nothing else).
    const same = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
    if (same(a.body) !== same(b.body)) {
      console.error(`${page}: the cached page differs from the page rendered without the cache`);
      failed = true;
    }
    html[page] = a.body;
  }
  children.push(startBare(BARE, html));
  await waitFor(BARE);
  console.log(`pages: autocannon, 20 connections, ${SECONDS} s each; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
  for (const page of PAGES) {
    const run = (port: number) => autocannon({ url: `http://localhost:${port}${page}`, connections: 20, duration: SECONDS });
    const bare = await run(BARE);
    const cached = await run(CACHED);
    const uncached = await run(UNCACHED);
    const line = (name: string, r: AutocannonResult) =>
      `  ${name}: ${r.requests.average.toFixed(0)} req/s (${((100 * r.requests.average) / bare.requests.average).toFixed(2)} % of bare; target ≥ 25 %), p99 ${r.latency.p99} ms (${(r.latency.p99 / 50).toFixed(2)} of the 50 ms target)${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ""}`;
    console.log(`${page} (${(html[page]!.length / 1024).toFixed(1)} KB)`);
    console.log(`  bare node:http: ${bare.requests.average.toFixed(0)} req/s, p99 ${bare.latency.p99} ms`);
    console.log(line("cached", cached));
    console.log(line("not cached (before)", uncached));
    console.log(`  cached vs not cached: ${(cached.requests.average / uncached.requests.average).toFixed(1)}× the throughput`);
  }
} finally {
  for (const c of children) stop(c);
}
process.exit(failed ? 1 : 0);
