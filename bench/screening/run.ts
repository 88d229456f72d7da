/**
 * Screening benchmarks. Run: node --import tsx/esm bench/screening/run.ts
 * Every line: `name: value (ratio vs baseline)`, baselines measured in the
 * same run: the greedy of ./greedy.ts for assignment, per-reviewer mean
 * centring for normalization; "vs target" lines give the ratio to the issue's
 * target. Times are medians, wall clock; CPU time is printed too because the
 * machine is shared (wall time drifts up under load, CPU time much less).
 * Checks (exit code 1 when one fails): every assignment is complete and the
 * independent checker finds no violation; normalization recovers the planted
 * severities (RMSE below 2 × the mean standard error).
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assignReviewers, checkAssignment, normalizeSeverity } from "#src/domain/screening/index.ts";
import { generateAssignmentInstance, generateScores } from "./generate.ts";
import { greedyAssignment, preferenceCost } from "./greedy.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
/** median wall and CPU time of `runs` calls after one warm-up */
function time<T>(fn: () => T, runs: number): { wall: number; cpu: number; result: T } {
  let result = fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuNow();
    const t = performance.now();
    result = fn();
    walls.push(performance.now() - t);
    cpus.push(cpuNow() - c);
  }
  return { wall: median(walls), cpu: median(cpus), result };
}

let allOk = true;

// ---- assignment 13,000 × 60 × k = 2, 5 % conflicts, in process ----
{
  const name = "assign 13k×60×2 5% conflicts";
  const inst = generateAssignmentInstance({ applications: 13_000, reviewers: 60, reads: 2, conflictDensity: 0.05 });
  const greedy = time(() => greedyAssignment(inst), 3);
  const ours = time(() => assignReviewers(inst), 3);
  const r = ours.result;
  line(`${name} greedy baseline`, ms(greedy.wall), "baseline");
  line(`${name} solve+check`, ms(ours.wall), `${(ours.wall / greedy.wall).toFixed(2)}x greedy time`);
  line(`${name} solve+check vs target`, ms(ours.wall), `${(ours.wall / 3000).toFixed(2)} of the 3 s target`);
  line(`${name} solve+check cpu`, ms(ours.cpu), `${(ours.cpu / 3000).toFixed(2)} of the 3 s target`);
  if (r.status !== "assigned") {
    allOk = false;
    line(`${name} check`, "infeasible", "FAILED");
  } else {
    const check = time(() => checkAssignment(inst, r.assignments), 3);
    line(`${name} checker alone`, ms(check.wall), `${(check.wall / ours.wall).toFixed(2)} of solve+check`);
    const ok = r.check.valid && check.result.valid;
    allOk &&= ok;
    const spread = r.check.loadSpread.map((s) => `cap ${s.capacity}: loads ${s.minLoad}–${s.maxLoad}`).join(", ");
    line(`${name} check`, `complete, violations=${r.check.violations.length}, ${spread}`, ok ? "ok" : "FAILED");
    const g = greedy.result;
    if (g !== null) {
      const gc = checkAssignment(inst, g);
      const gLoads = gc.loadSpread.map((s) => `${s.minLoad}–${s.maxLoad}`).join(", ");
      const gCost = preferenceCost(inst, g);
      const oursCost = preferenceCost(inst, r.assignments);
      allOk &&= oursCost === r.objective.preferenceCost;
      line(`${name} preference cost`, `${r.objective.preferenceCost}`, `greedy ${gCost}: ${(r.objective.preferenceCost / gCost).toFixed(3)} of greedy`);
      line(`${name} greedy check`, `violations=${gc.violations.length}, loads ${gLoads}`, "baseline, for comparison");
    } else line(`${name} greedy check`, "greedy got stuck", "baseline, for comparison");
  }
}

// ---- assignment 130,000 × 300 × k = 2, 5 % conflicts, in child processes (peak memory) ----
{
  const name = "assign 130k×300×2 5% conflicts";
  const child = (extra: string[]) => {
    const p = spawnSync(process.execPath, ["--import", "tsx/esm", join(root, "bench/screening/child-assign.ts"), "130000", "300", "2", "0.05", ...extra], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    if (p.status !== 0) throw new Error(p.stderr);
    return JSON.parse(p.stdout) as {
      generateMs: number;
      solveMs: number;
      solveCpuMs: number;
      maxRssMB: number;
      conflicts: number;
      status: string;
      valid?: boolean;
      violations?: number;
      spread?: { capacity: number; minLoad: number; maxLoad: number }[];
    };
  };
  const greedy = child(["--greedy"]);
  const ours = child([]);
  line(`${name} greedy baseline (child)`, ms(greedy.solveMs), "baseline");
  line(`${name} solve+check (child)`, ms(ours.solveMs), `${(ours.solveMs / greedy.solveMs).toFixed(2)}x greedy time`);
  line(`${name} solve+check vs target`, ms(ours.solveMs), `${(ours.solveMs / 60_000).toFixed(2)} of the 60 s target`);
  line(`${name} solve+check cpu`, ms(ours.solveCpuMs), `${(ours.solveCpuMs / 60_000).toFixed(2)} of the 60 s target`);
  line(
    `${name} peak RSS (child: generate + solve + check)`,
    `${ours.maxRssMB.toFixed(0)} MB`,
    `${(ours.maxRssMB / 1024).toFixed(2)} of the 1 GB target; greedy child ${greedy.maxRssMB.toFixed(0)} MB`,
  );
  const ok = ours.status === "assigned" && ours.valid === true;
  allOk &&= ok;
  const spread = (ours.spread ?? []).map((s) => `cap ${s.capacity}: loads ${s.minLoad}–${s.maxLoad}`).join(", ");
  line(`${name} check`, `${ours.status}, ${ours.conflicts} conflict pairs, violations=${ours.violations ?? "-"}, ${spread}`, ok ? "ok" : "FAILED");
}

// ---- severity normalization over 26,000 scores ----
{
  const name = "normalize 26k scores (13k×2 reads, 60 reviewers)";
  const g = generateScores({ applications: 13_000, reviewers: 60, reads: 2 });
  const naive = time(() => {
    // baseline: subtract each reviewer's mean from their scores
    const sum = new Map<string, { s: number; n: number }>();
    for (const x of g.scores) {
      const t = sum.get(x.reviewer) ?? { s: 0, n: 0 };
      t.s += x.score;
      t.n++;
      sum.set(x.reviewer, t);
    }
    let grand = 0;
    for (const t of sum.values()) grand += t.s / t.n;
    grand /= sum.size;
    return Object.fromEntries([...sum].map(([r, t]) => [r, t.s / t.n - grand]));
  }, 7);
  const ours = time(() => normalizeSeverity(g.scores, { disagreementThreshold: 10 }), 7);
  line(`${name} reviewer-mean baseline`, ms(naive.wall), "baseline");
  line(`${name} least squares`, ms(ours.wall), `${(ours.wall / naive.wall).toFixed(1)}x baseline time`);
  line(`${name} least squares vs target`, ms(ours.wall), `${(ours.wall / 1000).toFixed(3)} of the 1 s target`);
  line(`${name} least squares cpu`, ms(ours.cpu), `${(ours.cpu / 1000).toFixed(3)} of the 1 s target`);
  const rmse = (est: (reviewer: string) => number) =>
    Math.sqrt(Object.entries(g.severity).reduce((t, [r, s]) => t + (est(r) - s) ** 2, 0) / Object.keys(g.severity).length);
  const r = ours.result;
  const byReviewer = new Map(r.reviewers.map((x) => [x.reviewer, x]));
  const oursErr = rmse((id) => byReviewer.get(id)!.severity);
  const naiveErr = rmse((id) => naive.result[id]!);
  const meanSe = r.reviewers.reduce((t, x) => t + (x.standardError ?? 0), 0) / r.reviewers.length;
  line(
    `${name} severity RMSE vs planted`,
    oursErr.toFixed(3),
    `baseline ${naiveErr.toFixed(3)}: ${(oursErr / naiveErr).toFixed(2)} of baseline error; mean standard error ${meanSe.toFixed(3)}`,
  );
  const ok = r.components.length === 1 && oursErr < 2 * meanSe;
  allOk &&= ok;
  line(
    `${name} check`,
    `components=${r.components.length}, residual sd ${r.residualSd?.toFixed(3)} (planted 3), flagged ${r.needsAnotherRead.length}`,
    ok ? "ok" : "FAILED",
  );
}

line("bench process peak RSS", `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`, "in-process parts");
line("all checks", allOk ? "passed" : "FAILED", allOk ? "ok" : "see above");
process.exitCode = allOk ? 0 : 1;
