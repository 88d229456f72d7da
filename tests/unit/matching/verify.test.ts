import { describe, expect, it } from "vitest";
import { solve, verifyMatching, type Assignment, type MatchingInstance } from "#src/domain/matching/index.ts";

const inst: MatchingInstance = {
  applicants: [
    { id: "a1", preferences: ["h1", "h2"] },
    { id: "a2", preferences: ["h1", "h2"] },
    { id: "a3", preferences: ["h2", "h1"] },
    { id: "a4", preferences: ["h3"] },
  ],
  hosts: [
    { id: "h1", capacity: 1, region: "east", preferences: ["a1", "a2", "a3"] },
    { id: "h2", capacity: 1, region: "east", preferences: ["a2", "a3", "a1"] },
    { id: "h3", capacity: 1, region: "west", preferences: [] },
  ],
  regionCaps: { east: 2 },
};

const codes = (as: Assignment[], unmatched?: string[]) => verifyMatching(inst, as, unmatched).violations.map((v) => v.code);

describe("verifier catches every kind of corruption", () => {
  const good = solve(inst);
  it("accepts the solver result", () => {
    expect(good.assignments).toEqual([
      { applicant: "a1", host: "h1" },
      { applicant: "a2", host: "h2" },
    ]);
    expect(good.verification).toEqual({
      notion: "weakly-stable-with-regional-caps",
      feasible: true,
      stable: true,
      violations: [],
      blockingPairs: [],
    });
  });
  it("duplicate applicant", () => {
    expect(codes([...good.assignments, { applicant: "a1", host: "h2" }])).toContain("APPLICANT_ASSIGNED_TWICE");
  });
  it("unacceptable pair (either side not listing the other)", () => {
    expect(codes([{ applicant: "a4", host: "h3" }])).toEqual(["UNACCEPTABLE_PAIR"]);
    expect(codes([{ applicant: "a4", host: "h1" }])).toEqual(["UNACCEPTABLE_PAIR"]);
  });
  it("over capacity", () => {
    expect(
      codes([
        { applicant: "a1", host: "h1" },
        { applicant: "a2", host: "h1" },
      ]),
    ).toEqual(["HOST_OVER_CAPACITY"]);
  });
  it("over regional cap", () => {
    const tight = { ...inst, regionCaps: { east: 1 } };
    const v = verifyMatching(tight, good.assignments);
    expect(v.violations).toEqual([{ code: "REGION_OVER_CAP", region: "east", count: 2, limit: 1 }]);
    expect(v.feasible).toBe(false);
    expect(v.stable).toBe(false);
  });
  it("unknown ids and a wrong unmatched list", () => {
    expect(codes([{ applicant: "zz", host: "h1" }])).toEqual(["UNKNOWN_APPLICANT"]);
    expect(codes([{ applicant: "a1", host: "zz" }])).toEqual(["UNKNOWN_HOST"]);
    expect(codes(good.assignments as Assignment[], ["a3"])).toEqual(["UNMATCHED_LIST_MISMATCH"]);
    expect(codes(good.assignments as Assignment[], ["a1", "a3", "a4"])).toContain("UNMATCHED_LIST_MISMATCH");
  });
  it("blocking pairs: justified envy and empty seat", () => {
    const swapped = verifyMatching(inst, [
      { applicant: "a2", host: "h1" },
      { applicant: "a1", host: "h2" },
    ]);
    expect(swapped.feasible).toBe(true);
    expect(swapped.stable).toBe(false);
    expect(swapped.blockingPairs).toEqual([
      { applicant: "a1", host: "h1", kind: "JUSTIFIED_ENVY" },
      { applicant: "a3", host: "h2", kind: "JUSTIFIED_ENVY" },
    ]);
    const empty = verifyMatching(inst, [{ applicant: "a1", host: "h1" }]);
    expect(empty.blockingPairs).toEqual([
      { applicant: "a2", host: "h2", kind: "EMPTY_SEAT" },
      { applicant: "a3", host: "h2", kind: "EMPTY_SEAT" },
    ]);
  });
  it("a full region turns an empty seat into a non-blocking pair (weak stability)", () => {
    const tight = { ...inst, regionCaps: { east: 1 } };
    const v = verifyMatching(tight, [{ applicant: "a1", host: "h1" }]);
    expect(v).toMatchObject({ feasible: true, stable: true, blockingPairs: [] });
    const plain = { applicants: inst.applicants, hosts: inst.hosts };
    expect(verifyMatching(plain, [{ applicant: "a1", host: "h1" }]).notion).toBe("stable");
  });
  it("region names that are Object.prototype keys are ordinary regions (caps are own keys only)", () => {
    for (const region of ["constructor", "toString", "__proto__"]) {
      const odd: MatchingInstance = {
        applicants: [{ id: "a1", preferences: ["h1"] }],
        hosts: [{ id: "h1", capacity: 1, region, preferences: ["a1"] }],
        regionCaps: { other: 0 },
      };
      const r = solve(odd);
      expect(r.assignments).toEqual([{ applicant: "a1", host: "h1" }]);
      expect(r.verification).toEqual({ notion: "stable", feasible: true, stable: true, violations: [], blockingPairs: [] });
      expect(verifyMatching(odd, []).blockingPairs).toEqual([{ applicant: "a1", host: "h1", kind: "EMPTY_SEAT" }]);
    }
  });
  it("ids that are Object.prototype keys or array indices are ordinary ids (solver and verifier)", () => {
    const odd: MatchingInstance = {
      applicants: [
        { id: "__proto__", preferences: ["toString", "0"] },
        { id: "constructor", preferences: ["toString", "0"] },
        { id: "01", preferences: ["0"] },
      ],
      hosts: [
        { id: "toString", capacity: 1, preferences: ["constructor", "__proto__"] },
        { id: "0", capacity: 1, preferences: ["__proto__", "01", "constructor"] },
      ],
    };
    const r = solve(odd);
    expect(r.assignments).toEqual([
      { applicant: "__proto__", host: "0" },
      { applicant: "constructor", host: "toString" },
    ]);
    expect(r.unmatched).toEqual(["01"]);
    expect(r.verification).toMatchObject({ feasible: true, stable: true });
    const swapped = verifyMatching(odd, [
      { applicant: "__proto__", host: "toString" },
      { applicant: "constructor", host: "0" },
    ]);
    expect(swapped.blockingPairs).toEqual([
      { applicant: "constructor", host: "toString", kind: "JUSTIFIED_ENVY" },
      { applicant: "01", host: "0", kind: "JUSTIFIED_ENVY" },
    ]);
    expect(verifyMatching(odd, [{ applicant: "hasOwnProperty", host: "valueOf" }]).violations.map((v) => v.code)).toEqual(["UNKNOWN_APPLICANT"]);
  });
});
