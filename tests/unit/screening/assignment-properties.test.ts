import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignReviewers, checkAssignment, validateAssignmentInstance, type AssignmentInstance, type AssignmentResult } from "#src/domain/screening/index.ts";
import { bruteForce, instanceArb, keptByDefinition, ruleViolations } from "./assignment-helpers.ts";

const MANY = { numRuns: 400 };
/** small enough to enumerate, large enough for many complete assignments */
const SMALL = { minApplications: 2, maxApplications: 4, minReviewers: 2, maxReviewers: 5 } as const;

const assigned = (r: AssignmentResult) => {
  if (r.status !== "assigned") throw new Error(`expected an assignment, got ${JSON.stringify(r)}`);
  return r;
};

describe("review assignment against brute force (small random instances)", () => {
  it("is complete exactly when brute force finds a complete assignment, and then has the optimal objective", () => {
    const seen = { feasible: 0, infeasible: 0, manyChoices: 0, ties: 0 };
    fc.assert(
      fc.property(instanceArb(SMALL), (inst) => {
        expect(validateAssignmentInstance(inst).ok).toBe(true);
        const r = assignReviewers(inst);
        const bf = bruteForce(inst);
        if (bf.best === null) {
          seen.infeasible++;
          expect(r.status).toBe("infeasible");
          return;
        }
        seen.feasible++;
        if (bf.complete >= 5) seen.manyChoices++;
        if (bf.best.count > 1) seen.ties++;
        const ok = assigned(r);
        expect(ok.objective).toEqual({ sumSquaredLoads: bf.best.sumSquaredLoads, preferenceCost: bf.best.preferenceCost });
      }),
      { numRuns: 1000 },
    );
    // the generator exercises both outcomes, instances with many complete assignments and some with several optima
    // (over 30 seeds of 1,000 instances: feasible 585–649, infeasible 351–415, many choices 99–155, ties 84–127;
    // the bound for many choices was 100 and failed CI once at exactly 100, so each bound sits well below the least seen)
    expect(seen.feasible).toBeGreaterThan(300);
    expect(seen.infeasible).toBeGreaterThan(150);
    expect(seen.manyChoices).toBeGreaterThan(60);
    expect(seen.ties).toBeGreaterThan(50);
  });

  it("every rule holds on a complete result (checked directly and by the checker)", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const r = assignReviewers(inst);
        if (r.status !== "assigned") return;
        expect(ruleViolations(inst, r.assignments)).toEqual([]);
        expect(r.check.valid).toBe(true);
        expect(r.check.violations).toEqual([]);
        expect(checkAssignment(inst, r.assignments)).toEqual(r.check);
        // kept flags, loads and summary agree with the pairs
        const kept = keptByDefinition(inst);
        for (const x of r.assignments) expect(x.kept).toBe(kept.get(x.application)!.includes(x.reviewer));
        for (const l of r.loads) {
          expect(l.total).toBe(l.priorLoad + r.assignments.filter((x) => x.reviewer === l.reviewer).length);
          expect(l.kept + l.added).toBe(r.assignments.filter((x) => x.reviewer === l.reviewer).length);
        }
        expect(r.summary.reads).toBe(r.assignments.length);
      }),
      MANY,
    );
  });

  it("infeasibility: the missing reads equal brute force's, and the bottleneck accounts for them exactly", () => {
    fc.assert(
      fc.property(instanceArb(SMALL), (inst) => {
        const r = assignReviewers(inst);
        if (r.status !== "infeasible") return;
        const bf = bruteForce(inst);
        const { infeasibility: x } = r;
        expect(x.readsNeeded).toBe(bf.needed);
        expect(x.readsPlaceable).toBe(bf.placeable);
        expect(x.missingReads).toBe(bf.needed - bf.placeable);
        expect(x.missingReads).toBeGreaterThan(0);
        expect(x.bottleneck.missing).toBe(x.missingReads);
        expect(x.bottleneck.readsNeeded - x.bottleneck.capacity).toBe(x.missingReads);
        expect(x.bottleneck.applications.length).toBeGreaterThan(0);
        // every reviewer of the bottleneck is out of capacity for new reads, by the brute force's own count
        for (const a of x.tooFewReviewers) expect(a.eligibleReviewers).toBeLessThan(a.needed);
      }),
      MANY,
    );
  });

  it("reports an application with too few eligible reviewers whenever one exists", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const kept = keptByDefinition(inst);
        const base = new Map(inst.reviewers.map((r) => [r.id, r.load ?? 0]));
        for (const list of kept.values()) for (const r of list) base.set(r, base.get(r)! + 1);
        const short = inst.applications
          .filter((a) => {
            const need = a.reads - kept.get(a.id)!.length;
            const eligible = inst.reviewers.filter(
              (r) =>
                !kept.get(a.id)!.includes(r.id) &&
                r.capacity > base.get(r.id)! &&
                !(inst.conflicts ?? []).some((c) => c.application === a.id && c.reviewer === r.id),
            );
            return eligible.length < need;
          })
          .map((a) => a.id)
          .sort();
        const r = assignReviewers(inst);
        if (short.length > 0) {
          expect(r.status).toBe("infeasible");
          if (r.status === "infeasible") expect(r.infeasibility.tooFewReviewers.map((a) => a.application)).toEqual(short);
        }
      }),
      MANY,
    );
  });

  it("does not depend on the order of applications, reviewers and conflicts", () => {
    const arb = instanceArb().chain((inst) =>
      fc.tuple(
        fc.constant(inst),
        fc.shuffledSubarray([...inst.applications], { minLength: inst.applications.length }),
        fc.shuffledSubarray([...inst.reviewers], { minLength: inst.reviewers.length }),
        fc.shuffledSubarray([...(inst.conflicts ?? [])], { minLength: inst.conflicts?.length ?? 0 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([inst, applications, reviewers, conflicts]) => {
        const shuffled: AssignmentInstance = { ...inst, applications, reviewers, conflicts };
        const a = assignReviewers(inst);
        const b = assignReviewers(shuffled);
        // the checker's lists follow input order; everything else is identical
        if (a.status === "assigned" && b.status === "assigned") {
          expect({ ...b, check: null }).toEqual({ ...a, check: null });
          expect(b.check.valid).toBe(a.check.valid);
        } else expect(b).toEqual(a);
      }),
      MANY,
    );
  });
});

describe("review assignment on larger random instances (no brute force)", () => {
  const mid = instanceArb({ maxApplications: 40, maxReviewers: 8, maxReads: 3, maxCapacity: 25 });

  it("complete results pass every rule and the balance check", () => {
    let complete = 0;
    fc.assert(
      fc.property(mid, (inst) => {
        const r = assignReviewers(inst);
        if (r.status !== "assigned") return;
        complete++;
        expect(ruleViolations(inst, r.assignments)).toEqual([]);
        expect(r.check.violations).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(complete).toBeGreaterThan(20);
  });

  it("without conflicts, history or zero capacities, reviewers of equal capacity end at most one read apart", () => {
    const plain = instanceArb({ maxApplications: 40, maxReviewers: 8, maxReads: 3, maxCapacity: 30, history: false }).map((inst) => ({
      ...inst,
      conflicts: [],
      reviewers: inst.reviewers.map((r, i) => ({ ...r, capacity: 20 + (i % 2) * 5 })),
    }));
    fc.assert(
      fc.property(plain, (inst) => {
        const r = assignReviewers(inst);
        if (r.status !== "assigned") return;
        for (const cap of [20, 25]) {
          const loads = r.loads.filter((l) => l.capacity === cap).map((l) => l.total);
          if (loads.length > 0) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
        expect(r.check.unavoidableImbalances).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("a later run keeps every valid assignment and adds only what is missing", () => {
    const arb = mid.chain((inst) =>
      fc.tuple(
        fc.constant(inst),
        fc.subarray(inst.applications.map((a) => a.id)), // applications given one more read
        fc.subarray(
          inst.reviewers.map((r) => r.id),
          { maxLength: 1 },
        ), // a reviewer who leaves
        fc.array(fc.nat(), { maxLength: 5 }), // conflicts declared after the first run (indices)
      ),
    );
    let runs = 0;
    fc.assert(
      fc.property(arb, ([inst, extraRead, leaving, declared]) => {
        const first = assignReviewers(inst);
        if (first.status !== "assigned") return;
        const newConflicts = declared
          .map((i) => first.assignments[i % first.assignments.length]!)
          .map((x) => ({ application: x.application, reviewer: x.reviewer }));
        const second: AssignmentInstance = {
          ...inst,
          applications: inst.applications.map((a) => ({
            ...a,
            reads: a.reads + (extraRead.includes(a.id) ? 1 : 0),
            assigned: first.assignments.filter((x) => x.application === a.id).map((x) => x.reviewer),
          })),
          reviewers: inst.reviewers.filter((r) => !leaving.includes(r.id)).map((r) => ({ ...r, capacity: r.capacity + 3 })),
          conflicts: [...(inst.conflicts ?? []), ...newConflicts],
        };
        const r = assignReviewers(second);
        const kept = keptByDefinition(second);
        const keptCount = [...kept.values()].reduce((s, l) => s + l.length, 0);
        const wanted = second.applications.reduce((s, a) => s + a.reads, 0);
        if (r.status === "infeasible") {
          expect(r.infeasibility.readsNeeded).toBe(wanted - keptCount);
          return;
        }
        runs++;
        expect(r.check.violations).toEqual([]);
        expect(r.summary.kept).toBe(keptCount);
        expect(r.summary.added).toBe(wanted - keptCount);
        for (const [application, list] of kept)
          for (const reviewer of list) expect(r.assignments).toContainEqual(expect.objectContaining({ application, reviewer, kept: true }));
        expect(r.released.map((x) => x.reason).sort()).toEqual(
          [
            ...newConflicts
              .filter(
                (c, i) => newConflicts.findIndex((d) => d.application === c.application && d.reviewer === c.reviewer) === i && !leaving.includes(c.reviewer),
              )
              .map(() => "CONFLICT"),
            ...first.assignments.filter((x) => leaving.includes(x.reviewer)).map(() => "UNKNOWN_REVIEWER"),
          ].sort(),
        );
      }),
      { numRuns: 150 },
    );
    expect(runs).toBeGreaterThan(20);
  });
});
