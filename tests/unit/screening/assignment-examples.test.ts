import { describe, expect, it } from "vitest";
import { assignReviewers, checkAssignment, validateAssignmentInstance, type AssignmentInstance, type AssignmentResult } from "#src/domain/screening/index.ts";

const assigned = (r: AssignmentResult) => {
  if (r.status !== "assigned") throw new Error(`expected an assignment, got ${JSON.stringify(r)}`);
  return r;
};
const pairs = (r: AssignmentResult) => assigned(r).assignments.map((x) => `${x.application}:${x.reviewer}`);
const rev = (id: string, languages: string[], expertise: string[], capacity: number, load = 0) => ({ id, languages, expertise, capacity, load });
const app = (id: string, languages: string[], fields: string[], reads = 2, assigned?: string[]) => ({
  id,
  languages,
  fields,
  reads,
  ...(assigned ? { assigned } : {}),
});

describe("assignReviewers: exact small cases", () => {
  it("prefers a reviewer who reads the application's language, then expertise", () => {
    const inst: AssignmentInstance = {
      applications: [app("a1", ["vi"], ["it"], 1), app("a2", ["th"], ["agri"], 1)],
      reviewers: [rev("r1", ["vi"], ["agri"], 1), rev("r2", ["th"], ["it"], 1)],
    };
    expect(pairs(assignReviewers(inst))).toEqual(["a1:r1", "a2:r2"]);
    // language weight 0: expertise decides
    expect(pairs(assignReviewers({ ...inst, weights: { language: 0 } }))).toEqual(["a1:r2", "a2:r1"]);
    // a weight given as undefined is the default, not zero
    expect(pairs(assignReviewers({ ...inst, weights: { language: undefined, expertise: 4 } }))).toEqual(["a1:r1", "a2:r2"]);
  });

  it("balance comes before preferences: the preferred reviewer does not take everything", () => {
    const inst: AssignmentInstance = {
      applications: ["a1", "a2", "a3", "a4"].map((id) => app(id, ["vi"], [], 1)),
      reviewers: [rev("r1", ["vi"], [], 10), rev("r2", ["en"], [], 10)],
    };
    const r = assigned(assignReviewers(inst));
    expect(r.loads.map((l) => l.total)).toEqual([2, 2]);
    expect(r.objective).toEqual({ sumSquaredLoads: 8, preferenceCost: 20 });
    expect(r.summary).toEqual({ reads: 4, kept: 0, added: 4, languageMatches: 2, meanExpertiseFit: 1 });
  });

  it("capacity is a ceiling: loads water-fill (a reviewer of capacity 1 takes 1, the others share the rest)", () => {
    const inst: AssignmentInstance = {
      applications: ["a1", "a2", "a3", "a4", "a5"].map((id) => app(id, [], [], 1)),
      reviewers: [rev("r1", [], [], 1), rev("r2", [], [], 5), rev("r3", [], [], 5)],
    };
    expect(assigned(assignReviewers(inst)).loads.map((l) => l.total)).toEqual([1, 2, 2]);
  });

  it("prior load counts toward capacity and balance", () => {
    const inst: AssignmentInstance = {
      applications: ["a1", "a2", "a3", "a4"].map((id) => app(id, [], [], 1)),
      reviewers: [rev("r1", [], [], 10, 3), rev("r2", [], [], 10, 0)],
    };
    const r = assigned(assignReviewers(inst));
    expect(r.loads).toEqual([
      { reviewer: "r1", capacity: 10, priorLoad: 3, kept: 0, added: 1, total: 4 },
      { reviewer: "r2", capacity: 10, priorLoad: 0, kept: 0, added: 3, total: 3 },
    ]);
  });

  it("an exchange: a later application takes a preferred reviewer and an earlier one moves on", () => {
    // a1 is fine with either; a2 needs r1 (r2 is in conflict); r1 has room for one
    const inst: AssignmentInstance = {
      applications: [app("a1", ["vi"], [], 1), app("a2", ["th"], [], 1)],
      reviewers: [rev("r1", ["vi", "th"], [], 1), rev("r2", ["en"], [], 1)],
      conflicts: [{ reviewer: "r2", application: "a2" }],
    };
    expect(pairs(assignReviewers(inst))).toEqual(["a1:r2", "a2:r1"]);
  });

  it("keeps valid existing assignments and releases the others, with reasons", () => {
    const inst: AssignmentInstance = {
      applications: [app("a1", [], [], 2, ["r1", "gone", "r1", "r2", "r3"]), app("a2", [], [], 1, ["r3"])],
      reviewers: [rev("r1", [], [], 5), rev("r2", [], [], 5), rev("r3", [], [], 5)],
      conflicts: [{ reviewer: "r3", application: "a2" }],
    };
    const r = assigned(assignReviewers(inst));
    expect(r.released).toEqual([
      { application: "a1", reviewer: "gone", reason: "UNKNOWN_REVIEWER" },
      { application: "a1", reviewer: "r1", reason: "DUPLICATE" },
      { application: "a1", reviewer: "r3", reason: "EXCESS_READS" },
      { application: "a2", reviewer: "r3", reason: "CONFLICT" },
    ]);
    expect(r.assignments.slice(0, 2).map((x) => [x.application, x.reviewer, x.kept])).toEqual([
      ["a1", "r1", true],
      ["a1", "r2", true],
    ]);
    // a2 cannot have r3 (conflict); r1 and r2 are equally loaded
    expect(r.assignments[2]).toMatchObject({ application: "a2", kept: false });
    expect(["r1", "r2"]).toContain(r.assignments[2]!.reviewer);
    expect(r.summary.kept).toBe(2);
  });

  it("kept reads over a lowered capacity stay; that reviewer gets nothing new", () => {
    const inst: AssignmentInstance = {
      applications: [app("a1", [], [], 1, ["r1"]), app("a2", [], [], 1, ["r1"]), app("a3", [], [], 1)],
      reviewers: [rev("r1", [], [], 1), rev("r2", [], [], 5)],
    };
    const r = assigned(assignReviewers(inst));
    expect(pairs(r)).toEqual(["a1:r1", "a2:r1", "a3:r2"]);
    expect(r.check.valid).toBe(true);
  });

  it("an application with no fields or languages fits everyone; duplicate fields count once", () => {
    const r = assigned(
      assignReviewers({
        applications: [app("a1", [], [], 1), app("a2", ["vi", "vi"], ["x", "x", "y"], 1)],
        reviewers: [rev("r1", ["vi"], ["x"], 5)],
      }),
    );
    expect(r.assignments).toEqual([
      { application: "a1", reviewer: "r1", kept: false, languageMatch: true, expertiseFit: 1, cost: 0 },
      { application: "a2", reviewer: "r1", kept: false, languageMatch: true, expertiseFit: 0.5, cost: 2 },
    ]);
  });

  it("no applications or no reads needed: an empty, valid result", () => {
    const r = assigned(assignReviewers({ applications: [], reviewers: [rev("r1", [], [], 0)] }));
    expect(r.assignments).toEqual([]);
    expect(r.check.valid).toBe(true);
    const all = assigned(assignReviewers({ applications: [app("a1", [], [], 1, ["r1"])], reviewers: [rev("r1", [], [], 1)] }));
    expect(all.summary).toMatchObject({ kept: 1, added: 0 });
  });
});

describe("assignReviewers: infeasible input is refused with the reasons, never half done", () => {
  it("too few non-conflicted reviewers", () => {
    const r = assignReviewers({
      applications: [app("a1", [], [], 2), app("a2", [], [], 2)],
      reviewers: [rev("r1", [], [], 5), rev("r2", [], [], 5)],
      conflicts: [{ reviewer: "r2", application: "a2" }],
    });
    expect(r).toEqual({
      status: "infeasible",
      released: [],
      infeasibility: {
        readsNeeded: 4,
        readsPlaceable: 3,
        missingReads: 1,
        tooFewReviewers: [{ application: "a2", needed: 2, eligibleReviewers: 1 }],
        bottleneck: { applications: ["a2"], reviewers: [], readsNeeded: 1, capacity: 0, missing: 1 },
      },
    });
    expect(r).not.toHaveProperty("assignments");
  });

  it("too little capacity: a group of applications competing for full reviewers", () => {
    const r = assignReviewers({
      applications: [app("a1", [], [], 2), app("a2", [], [], 2), app("a3", [], [], 1)],
      reviewers: [rev("r1", [], [], 2), rev("r2", [], [], 1), rev("r3", [], [], 5)],
      conflicts: [
        { reviewer: "r3", application: "a1" },
        { reviewer: "r3", application: "a2" },
      ],
    });
    expect(r.status).toBe("infeasible");
    if (r.status !== "infeasible") return;
    expect(r.infeasibility.missingReads).toBe(1);
    expect(r.infeasibility.tooFewReviewers).toEqual([]);
    // both already read by r1 (capacity 2), they still need two reads from r2, who has one
    expect(r.infeasibility.bottleneck).toEqual({ applications: ["a1", "a2"], reviewers: ["r2"], readsNeeded: 2, capacity: 1, missing: 1 });
  });
});

describe("checkAssignment catches every kind of corruption", () => {
  const inst: AssignmentInstance = {
    applications: [app("a1", [], [], 2, ["r1"]), app("a2", [], [], 2), app("a3", [], [], 1)],
    reviewers: [rev("r1", [], [], 2), rev("r2", [], [], 3), rev("r3", [], [], 3), rev("r4", [], [], 3)],
    conflicts: [{ reviewer: "r4", application: "a3" }],
  };
  const good = assigned(assignReviewers(inst));
  const base = good.assignments.map(({ application, reviewer }) => ({ application, reviewer }));
  const codes = (list: { application: string; reviewer: string }[]) => checkAssignment(inst, list).violations.map((v) => v.code);

  it("accepts the solver's result", () => {
    expect(good.check).toEqual({ valid: true, violations: [], loadSpread: expect.any(Array), unavoidableImbalances: [] });
    expect(codes(base)).toEqual([]);
  });
  it("unknown ids", () => {
    expect(codes([...base, { application: "zz", reviewer: "r1" }])).toEqual(["UNKNOWN_APPLICATION"]);
    expect(codes([...base, { application: "a3", reviewer: "zz" }])).toEqual(["UNKNOWN_REVIEWER"]);
  });
  it("a reviewer twice on an application", () => {
    const a3 = base.find((x) => x.application === "a3")!;
    expect(codes([...base, a3])).toEqual(["DUPLICATE_REVIEWER"]);
  });
  it("too few or too many reads", () => {
    expect(codes(base.filter((x) => x.application !== "a3"))).toContain("WRONG_NUMBER_OF_READS");
    const other = ["r2", "r3"].find((r) => !base.some((x) => x.application === "a3" && x.reviewer === r))!;
    expect(codes([...base, { application: "a3", reviewer: other }])).toContain("WRONG_NUMBER_OF_READS");
  });
  it("a conflict", () => {
    expect(codes([...base.filter((x) => x.application !== "a3"), { application: "a3", reviewer: "r4" }])).toContain("CONFLICT");
  });
  it("a kept assignment dropped", () => {
    const a1 = base.filter((x) => x.application === "a1").map((x) => x.reviewer);
    const replacement = ["r2", "r3", "r4"].find((r) => !a1.includes(r))!;
    const list = base.map((x) => (x.application === "a1" && x.reviewer === "r1" ? { application: "a1", reviewer: replacement } : x));
    expect(codes(list)).toContain("KEPT_ASSIGNMENT_MISSING");
  });
  it("over capacity", () => {
    const tight: AssignmentInstance = { ...inst, reviewers: inst.reviewers.map((r) => (r.id === "r2" ? { ...r, capacity: 0 } : r)) };
    const list = [
      { application: "a1", reviewer: "r1" },
      { application: "a1", reviewer: "r2" },
      { application: "a2", reviewer: "r3" },
      { application: "a2", reviewer: "r4" },
      { application: "a3", reviewer: "r3" },
    ];
    expect(checkAssignment(tight, list).violations).toEqual([{ code: "OVER_CAPACITY", reviewer: "r2", count: 1, limit: 0 }]);
  });
  it("unbalanced loads when a move would fix them, unavoidable ones reported apart", () => {
    const flat: AssignmentInstance = {
      applications: ["a1", "a2", "a3", "a4"].map((id) => app(id, [], [], 1)),
      reviewers: [rev("r1", [], [], 4), rev("r2", [], [], 4)],
    };
    const heavy = ["a1", "a2", "a3", "a4"].map((application) => ({ application, reviewer: "r1" }));
    expect(checkAssignment(flat, heavy).violations).toEqual([{ code: "LOAD_NOT_BALANCED", reviewer: "r1", lighterReviewer: "r2", count: 4, limit: 0 }]);
    // the same loads forced by conflicts: valid, listed as unavoidable
    const forced = { ...flat, conflicts: ["a1", "a2", "a3", "a4"].map((application) => ({ application, reviewer: "r2" })) };
    expect(checkAssignment(forced, heavy)).toEqual({
      valid: true,
      violations: [],
      loadSpread: [{ capacity: 4, reviewers: 2, minLoad: 0, maxLoad: 4 }],
      unavoidableImbalances: [{ reviewer: "r1", load: 4, lighterReviewer: "r2", lighterLoad: 0, capacity: 4 }],
    });
    // and the solver's own result on it is exactly that
    expect(assigned(assignReviewers(forced)).check.unavoidableImbalances).toHaveLength(1);
  });
  it("a chain of moves counts: r1 → (a1) → r2 → (a2) → r3", () => {
    const chain: AssignmentInstance = {
      applications: [app("a1", [], [], 1), app("a2", [], [], 1), app("a0", [], [], 1)],
      reviewers: [rev("r1", [], [], 3), rev("r2", [], [], 3), rev("r3", [], [], 3)],
      conflicts: [
        { application: "a1", reviewer: "r3" },
        { application: "a0", reviewer: "r3" },
        { application: "a0", reviewer: "r2" },
        { application: "a2", reviewer: "r1" },
      ],
    };
    // r1: a0, a1 (2); r2: a2 (1); r3: nothing. Move a1 to r2 and a2 to r3.
    const list = [
      { application: "a0", reviewer: "r1" },
      { application: "a1", reviewer: "r1" },
      { application: "a2", reviewer: "r2" },
    ];
    expect(checkAssignment(chain, list).violations).toEqual([{ code: "LOAD_NOT_BALANCED", reviewer: "r1", lighterReviewer: "r3", count: 2, limit: 0 }]);
    expect(assigned(assignReviewers(chain)).loads.map((l) => l.total)).toEqual([1, 1, 1]);
  });
});

describe("validateAssignmentInstance", () => {
  const ok = { applications: [app("a1", ["vi"], [], 2)], reviewers: [rev("r1", [], [], 3)], conflicts: [], weights: { language: 5 } };
  it("accepts a good instance", () => {
    expect(validateAssignmentInstance(ok)).toEqual({ ok: true, instance: ok });
  });
  it.each([
    [null, "instance: expected an object"],
    [{ ...ok, applications: {} }, "applications: expected an array"],
    [{ ...ok, applications: [{ ...ok.applications[0], id: "" }] }, "applications[0].id: expected a non-empty string"],
    [{ ...ok, applications: [ok.applications[0], ok.applications[0]] }, 'applications[1].id: duplicate application id "a1"'],
    [{ ...ok, applications: [{ ...ok.applications[0], reads: 0 }] }, "applications[0].reads: expected an integer from 1 to 100, got 0"],
    [{ ...ok, applications: [{ ...ok.applications[0], reads: 2.5 }] }, "applications[0].reads: expected an integer from 1 to 100, got 2.5"],
    [{ ...ok, applications: [{ ...ok.applications[0], languages: "vi" }] }, "applications[0].languages: expected an array of strings"],
    [{ ...ok, applications: [{ ...ok.applications[0], assigned: [1] }] }, "applications[0].assigned: expected an array of reviewer ids"],
    [{ ...ok, reviewers: [{ ...ok.reviewers[0], capacity: -1 }] }, "reviewers[0].capacity: expected an integer >= 0, got -1"],
    [{ ...ok, reviewers: [{ ...ok.reviewers[0], load: "2" }] }, 'reviewers[0].load: expected an integer >= 0, got "2"'],
    [{ ...ok, reviewers: [{ ...ok.reviewers[0], expertise: null }] }, "reviewers[0].expertise: expected an array of strings"],
    [{ ...ok, conflicts: [{ reviewer: "r1" }] }, "conflicts[0]: expected { reviewer: string, application: string }"],
    [{ ...ok, weights: { language: 101 } }, "weights.language: expected an integer from 0 to 100, got 101"],
    [{ ...ok, weights: { expertise: 0.5 } }, "weights.expertise: expected an integer from 0 to 100, got 0.5"],
  ])("%j → %s", (input, error) => {
    expect(validateAssignmentInstance(input)).toEqual({ ok: false, error });
  });
});
