#!/usr/bin/env node
// Where the browser tests' time goes: reads Playwright's JSON report
// (reports/playwright.json, or the file given) and prints each spec's total,
// its share, and the slowest tests. Usage: node scripts/e2e-durations.mjs [report.json] [how many tests]
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "reports/playwright.json";
const top = Number(process.argv[3] ?? 20);
const report = JSON.parse(readFileSync(file, "utf8"));

const tests = [];
function walk(suite, file) {
  const f = suite.file ?? file;
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
      const status = t.results?.at(-1)?.status ?? "skipped";
      tests.push({ file: f, title: spec.title, project: t.projectName, ms, status });
    }
  }
  for (const s of suite.suites ?? []) walk(s, f);
}
for (const s of report.suites ?? []) walk(s, s.file);

const total = tests.reduce((sum, t) => sum + t.ms, 0);
const s = (ms) => (ms / 1000).toFixed(1).padStart(7);
const byFile = new Map();
for (const t of tests) {
  const e = byFile.get(t.file) ?? { ms: 0, on: 0, off: 0, n: 0 };
  e.ms += t.ms;
  e.n += 1;
  if (t.project.startsWith("js-on")) e.on += t.ms;
  else e.off += t.ms;
  byFile.set(t.file, e);
}
const wall = report.stats?.duration;
console.log(`${tests.length} tests, ${s(total)} s of test time${wall ? `, ${s(wall)} s wall` : ""}`);
console.log(`\nspecs by total test time (s):\n   total  js-on js-off  share  tests  spec`);
for (const [f, e] of [...byFile].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${s(e.ms)}${s(e.on)}${s(e.off)} ${((100 * e.ms) / total).toFixed(1).padStart(5)}% ${String(e.n).padStart(5)}  ${f}`);
}
console.log(`\nslowest ${top} tests (s):`);
for (const t of [...tests].sort((a, b) => b.ms - a.ms).slice(0, top)) {
  console.log(`${s(t.ms)}  [${t.project}] ${t.file} › ${t.title}${t.status === "passed" ? "" : ` (${t.status})`}`);
}
const failed = tests.filter((t) => !["passed", "skipped"].includes(t.status));
if (failed.length) console.log(`\n${failed.length} not passed: ${failed.map((t) => `[${t.project}] ${t.file} › ${t.title}`).join("; ")}`);
