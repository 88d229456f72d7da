/**
 * `npm run bench`: runs every benchmark of the repository — each
 * bench/<area>/run.ts, in its own process, one after the other — and ends
 * with one line per benchmark (exit code and time). A benchmark prints its own
 * `name: value (ratio vs baseline)` lines; its exit code says whether its
 * checks held. Exit code 1 if any benchmark failed.
 *
 *   npm run bench                 every benchmark
 *   npm run bench -- matching     only the named ones (folder names under bench/)
 *   npm run bench -- matching-run the matching use case from PostgreSQL (BENCH_SIZES=small for a smoke size)
 *
 * Benchmarks that serve pages (page-weight) need the production build; it is
 * built first when build/ is missing.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(root, "bench");
/** Benchmarks that start the built server. */
const NEEDS_BUILD = new Set(["page-weight", "pages", "cases"]);

const all = readdirSync(benchDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(benchDir, e.name, "run.ts")))
  .map((e) => e.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.join(", ")} (there are: ${all.join(", ")})`);
  process.exit(2);
}
const selected = wanted.length > 0 ? wanted : all;

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

if (selected.some((b) => NEEDS_BUILD.has(b)) && !existsSync(join(root, "build/server/index.js"))) {
  console.log("== build (page benchmarks serve the production build)");
  if (run("npx", ["react-router", "build"]) !== 0) process.exit(1);
}

const results: { name: string; status: number; seconds: number }[] = [];
for (const name of selected) {
  console.log(`\n== bench/${name}/run.ts (${execSync("uptime").toString().trim()})`);
  const started = performance.now();
  const status = run(process.execPath, ["--import", "tsx/esm", join(benchDir, name, "run.ts")]);
  results.push({ name, status, seconds: (performance.now() - started) / 1000 });
  console.log(`== bench/${name}/run.ts done (${execSync("uptime").toString().trim()})`);
}

console.log("\n== benchmarks");
for (const r of results) console.log(`${r.name}: ${r.status === 0 ? "ok" : `failed (exit ${r.status})`} in ${r.seconds.toFixed(1)} s`);
process.exit(results.some((r) => r.status !== 0) ? 1 : 0);
