/**
 * Matching benchmarks. Run: node --import tsx/esm bench/matching/run.ts
 * Every line: `name: value (ratio vs baseline)`; the baseline is the
 * straightforward reference implementation in ./reference.ts measured in the
 * same run (for the "vs target" and CLI lines: the target). Timings are
 * medians; on a loaded machine they drift up, so targets are reported, not
 * enforced. Each instance is also checked:
 * the engine's verification must say stable and its matching must equal the
 * reference's applicant-optimal matching.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { solve, verifyMatching } from "#src/domain/matching/index.ts";
import { applicantProposingDA } from "#src/domain/matching/deferred-acceptance.ts";
import { flexibleDeferredAcceptance } from "#src/domain/matching/flexible-deferred-acceptance.ts";
import { buildInstanceIndex } from "#src/domain/matching/instance-index.ts";
import { generateInstance } from "./generate.ts";
import { referenceDA } from "./reference.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = join(root, "bench/out");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
function time(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);

const sizes = [
  // targetMs: in-process target for solve + verify + result (every result carries its verification)
  { label: "13k×300×10", applicants: 13_000, hosts: 300, rank: 10, runs: 31, refRuns: 3, targetMs: 20 },
  { label: "40k×5k×15", applicants: 40_000, hosts: 5_000, rank: 15, runs: 11, refRuns: 3, targetMs: 500 },
];

let allOk = true;
for (const size of sizes) {
  for (const correlated of [true, false]) {
    const name = `${size.label} ${correlated ? "correlated" : "uncorrelated"}`;
    const inst = generateInstance({ ...size, correlated });
    const ref = time(() => referenceDA(inst), size.refRuns, 1);
    const core = time(() => applicantProposingDA(buildInstanceIndex(inst)), size.runs, 5);
    const daOnly = (() => {
      const ix = buildInstanceIndex(inst);
      return time(() => applicantProposingDA(ix), size.runs, 5);
    })();
    const full = time(() => solve(inst), size.runs, 3);
    const vfy = (() => {
      const r = solve(inst);
      return time(() => verifyMatching(inst, r.assignments, r.unmatched), size.runs, 2);
    })();
    line(`${name} reference DA`, ms(ref), "baseline");
    line(`${name} solve index+DA`, ms(core), `${(ref / core).toFixed(1)}x faster`);
    line(`${name} DA only (prebuilt index)`, ms(daOnly), `${(ref / daOnly).toFixed(1)}x faster`);
    line(`${name} verify`, ms(vfy), `${(vfy / ref).toFixed(2)} of baseline time`);
    line(`${name} solve+verify+result`, ms(full), `${(ref / full).toFixed(1)}x faster`);
    line(`${name} solve+verify+result vs target`, ms(full), `${(full / size.targetMs).toFixed(2)} of the ${size.targetMs} ms target`);

    // independent check: verifier says stable, equals the reference's applicant-optimal matching
    const r = solve(inst);
    const refMatch = referenceDA(inst);
    const same = r.assignments.length === Object.keys(refMatch).length && r.assignments.every((x) => refMatch[x.applicant] === x.host);
    const v = verifyMatching(inst, r.assignments, r.unmatched);
    const ok = v.stable && r.verification.stable && same;
    allOk &&= ok;
    line(
      `${name} check`,
      `stable=${v.stable} blockingPairs=${v.blockingPairs.length} equalsReference=${same} matched=${r.assignments.length}/${inst.applicants.length}`,
      ok ? "ok" : "FAILED",
    );
  }
}

// regional caps (flexible DA) on the 40k instance: ratio vs plain DA on the same lists
{
  const capped = generateInstance({ applicants: 40_000, hosts: 5_000, rank: 15, correlated: true, regionCaps: true });
  const ixCapped = buildInstanceIndex(capped);
  const fda = time(() => flexibleDeferredAcceptance(ixCapped), 7, 2);
  const da = time(() => applicantProposingDA(ixCapped), 7, 2);
  const r = solve(capped);
  allOk &&= r.verification.stable;
  line("40k×5k×15 correlated, 10 regions capped at 80% FDA", ms(fda), `${(fda / da).toFixed(2)}x plain DA time`);
  line(
    "40k×5k×15 correlated capped check",
    `feasible=${r.verification.feasible} stable=${r.verification.stable} notion=${r.verification.notion}`,
    r.verification.stable ? "ok" : "FAILED",
  );
}

line("bench process peak RSS", `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`, "includes generators and reference");

// peak memory and CLI end to end on the 40k instance, in fresh processes
mkdirSync(outDir, { recursive: true });
const instPath = join(outDir, "match-40k.json");
writeFileSync(instPath, JSON.stringify(generateInstance({ applicants: 40_000, hosts: 5_000, rank: 15, correlated: true })));
const node = process.execPath;
const child = (args: string[]) => {
  const p = spawnSync(node, ["--import", "tsx/esm", join(root, "bench/matching/child-solve.ts"), instPath, ...args], { cwd: root, encoding: "utf8" });
  if (p.status !== 0) throw new Error(p.stderr);
  return JSON.parse(p.stdout) as { parseValidateMs: number; solveMs: number; maxRssMB: number };
};
const ours = child([]);
const theirs = child(["--reference"]);
line("40k×5k×15 parse+validate (child)", ms(ours.parseValidateMs), `${(ours.parseValidateMs / theirs.parseValidateMs).toFixed(2)} of baseline run`);
line("40k×5k×15 peak RSS parse+validate+solve+verify (child)", `${ours.maxRssMB.toFixed(0)} MB`, `reference child ${theirs.maxRssMB.toFixed(0)} MB`);

const cliTimes: number[] = [];
let cliRss = 0;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const p = spawnSync("/usr/bin/time", ["-f", "%M", join(root, "bin/jip"), "match", "--in", instPath, "--out", join(outDir, "match-40k.result.json")], {
    cwd: root,
    encoding: "utf8",
  });
  cliTimes.push(performance.now() - t);
  if (p.status !== 0) throw new Error(p.stderr);
  cliRss = Math.max(cliRss, Number(p.stderr.trim().split("\n").pop()) / 1024);
}
line("40k×5k×15 CLI end to end (parse, validate, solve, verify, write)", ms(median(cliTimes)), `${(median(cliTimes) / 2000).toFixed(2)} of the 2 s target`);
line("40k×5k×15 CLI peak RSS", `${cliRss.toFixed(0)} MB`, `${(cliRss / 300).toFixed(2)} of the 300 MB target`);
// Issue #20 item 5: `jip match` end to end on 13k×300×10 against a simple Python deferred acceptance
// (bench/matching/reference_da.py) on the same file; target: at least 3× faster. Both matchings must agree.
{
  const path13k = join(outDir, "match-13k.json");
  writeFileSync(path13k, JSON.stringify(generateInstance({ applicants: 13_000, hosts: 300, rank: 10, correlated: true })));
  // Wall time (end to end, what the issue asks) and CPU time (user + system of the whole process, from
  // /usr/bin/time: on a shared machine wall time also measures the neighbours), seven runs each, alternating,
  // so that a change in the machine's load falls on both commands alike.
  const timeRun = (cmd: string, args: string[]) => {
    const t = performance.now();
    const p = spawnSync("/usr/bin/time", ["-f", "%U %S", cmd, ...args], { cwd: root, encoding: "utf8" });
    const wall = performance.now() - t;
    if (p.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${p.stderr}`);
    const [user, sys] = p.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    return { wall, cpu: (user! + sys!) * 1000 };
  };
  const jipOut = join(outDir, "match-13k.result.json");
  const pyOut = join(outDir, "match-13k.python.json");
  const jipTimes: { wall: number; cpu: number }[] = [];
  const pyTimes: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 7; i++) {
    jipTimes.push(timeRun(join(root, "bin/jip"), ["match", "--in", path13k, "--out", jipOut]));
    pyTimes.push(timeRun("python3", [join(root, "bench/matching/reference_da.py"), path13k, pyOut]));
  }
  const ours = JSON.parse(readFileSync(jipOut, "utf8")) as { assignments: { applicant: string; host: string }[] };
  const theirs = JSON.parse(readFileSync(pyOut, "utf8")) as { matches: [string, string][] };
  const pyMap = new Map(theirs.matches);
  const agree = ours.assignments.length === pyMap.size && ours.assignments.every((x) => pyMap.get(x.applicant) === x.host);
  allOk &&= agree;
  const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall));
  const cpu = (xs: { cpu: number }[]) => median(xs.map((x) => x.cpu));
  line("13k×300×10 Python deferred acceptance end to end", `${ms(wall(pyTimes))} wall, ${ms(cpu(pyTimes))} CPU`, "baseline");
  line(
    "13k×300×10 jip match end to end",
    `${ms(wall(jipTimes))} wall, ${ms(cpu(jipTimes))} CPU`,
    `${(wall(pyTimes) / wall(jipTimes)).toFixed(1)}x faster end to end (target 3x); ${(cpu(pyTimes) / cpu(jipTimes)).toFixed(1)}x less CPU`,
  );
  line("13k×300×10 jip match vs Python check", `same matching=${agree}`, agree ? "ok" : "FAILED");
}

line("all checks", allOk ? "passed" : "FAILED", allOk ? "ok" : "see above");
process.exitCode = allOk ? 0 : 1;
