/**
 * Child process for time and peak memory of one large assignment: generates
 * the instance, runs assignReviewers (solve + independent check) or the greedy
 * baseline, prints {generateMs, solveMs, solveCpuMs, maxRssMB, status, valid, ...}.
 * Run: node --import tsx/esm bench/screening/child-assign.ts <applications> <reviewers> <reads> <conflictDensity> [--greedy]
 */
import { assignReviewers } from "#src/domain/screening/index.ts";
import { generateAssignmentInstance } from "./generate.ts";
import { greedyAssignment } from "./greedy.ts";

const [applications, reviewers, reads, conflictDensity] = process.argv.slice(2, 6).map(Number) as [number, number, number, number];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const inst = generateAssignmentInstance({ applications, reviewers, reads, conflictDensity });
const t1 = performance.now();
const c1 = cpu();
let out: Record<string, unknown>;
if (process.argv[6] === "--greedy") {
  const g = greedyAssignment(inst);
  out = { status: g === null ? "failed" : "assigned" };
} else {
  const r = assignReviewers(inst);
  out =
    r.status === "assigned"
      ? {
          status: r.status,
          valid: r.check.valid,
          violations: r.check.violations.length,
          spread: r.check.loadSpread,
          objective: r.objective,
          summary: r.summary,
        }
      : { status: r.status, missing: r.infeasibility.missingReads };
}
const t2 = performance.now();
process.stdout.write(
  `${JSON.stringify({ generateMs: t1 - t0, solveMs: t2 - t1, solveCpuMs: cpu() - c1, maxRssMB: process.resourceUsage().maxRSS / 1024, conflicts: inst.conflicts!.length, ...out })}\n`,
);
