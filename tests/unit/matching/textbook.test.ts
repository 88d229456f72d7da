import { describe, expect, it } from "vitest";
import { solve, type MatchingInstance } from "#src/domain/matching/index.ts";

/**
 * Gale & Shapley (1962), "College admissions and the stability of marriage",
 * Example 2 (3 men α β γ, 3 women A B C) — here applicants propose as men,
 * hosts of capacity 1 are the women. Ranking matrix (man's rank, woman's rank):
 *        A     B     C
 *   α  1,3   2,2   3,1
 *   β  3,1   1,3   2,2
 *   γ  2,2   3,1   1,3
 * Men-optimal: every man gets his first choice; women-optimal: every woman gets hers.
 */
const galeShapley: MatchingInstance = {
  applicants: [
    { id: "alpha", preferences: ["A", "B", "C"] },
    { id: "beta", preferences: ["B", "C", "A"] },
    { id: "gamma", preferences: ["C", "A", "B"] },
  ],
  hosts: [
    { id: "A", capacity: 1, preferences: ["beta", "gamma", "alpha"] },
    { id: "B", capacity: 1, preferences: ["gamma", "alpha", "beta"] },
    { id: "C", capacity: 1, preferences: ["alpha", "beta", "gamma"] },
  ],
};

/** Hand-worked hospital–residents instance with two distinct stable matchings. */
const hospitalResidents: MatchingInstance = {
  applicants: [
    { id: "a1", preferences: ["h1", "h2"] },
    { id: "a2", preferences: ["h1"] },
    { id: "a3", preferences: ["h2", "h1"] },
    { id: "a4", preferences: ["h2", "h1"] },
  ],
  hosts: [
    { id: "h1", capacity: 2, preferences: ["a3", "a4", "a1", "a2"] },
    { id: "h2", capacity: 1, preferences: ["a1", "a4", "a3"] },
  ],
};

describe("textbook examples", () => {
  it("Gale–Shapley 1962 example: proposing side gets its optimum", () => {
    const men = solve(galeShapley);
    expect(men.assignments).toEqual([
      { applicant: "alpha", host: "A" },
      { applicant: "beta", host: "B" },
      { applicant: "gamma", host: "C" },
    ]);
    expect(men.verification).toMatchObject({ notion: "stable", feasible: true, stable: true, blockingPairs: [] });
    const women = solve(galeShapley, { proposing: "hosts" });
    expect(women.assignments).toEqual([
      { applicant: "alpha", host: "C" },
      { applicant: "beta", host: "A" },
      { applicant: "gamma", host: "B" },
    ]);
    expect(women.verification.stable).toBe(true);
  });

  it("hospital–residents with capacity 2: both optimal matchings, same rural-hospitals profile", () => {
    const ap = solve(hospitalResidents);
    expect(ap.assignments).toEqual([
      { applicant: "a1", host: "h1" },
      { applicant: "a3", host: "h1" },
      { applicant: "a4", host: "h2" },
    ]);
    expect(ap.unmatched).toEqual(["a2"]);
    const hp = solve(hospitalResidents, { proposing: "hosts" });
    expect(hp.assignments).toEqual([
      { applicant: "a1", host: "h2" },
      { applicant: "a3", host: "h1" },
      { applicant: "a4", host: "h1" },
    ]);
    expect(hp.unmatched).toEqual(["a2"]);
    expect(ap.verification.stable && hp.verification.stable).toBe(true);
  });

  it("explains every participant with codes and 1-based ranks", () => {
    const { explanations } = solve(hospitalResidents, { explain: true });
    expect(explanations?.applicants.a2).toEqual({
      host: null,
      rank: null,
      higherChoices: [{ code: "HOST_FULL_WITH_HIGHER_RANKED", host: "h1", applicantRankOfHost: 1, hostRankOfApplicant: 4, capacity: 2, lowestAdmittedRank: 3 }],
    });
    expect(explanations?.applicants.a3).toEqual({
      host: "h1",
      rank: 2,
      higherChoices: [{ code: "HOST_FULL_WITH_HIGHER_RANKED", host: "h2", applicantRankOfHost: 1, hostRankOfApplicant: 3, capacity: 1, lowestAdmittedRank: 2 }],
    });
    expect(explanations?.applicants.a1).toEqual({ host: "h1", rank: 1, higherChoices: [] });
    expect(explanations?.hosts.h2).toEqual({
      capacity: 1,
      filled: 1,
      lowestAdmittedRank: 2,
      higherRankedNotAdmitted: [
        {
          code: "APPLICANT_MATCHED_HIGHER_CHOICE",
          applicant: "a1",
          hostRankOfApplicant: 1,
          applicantRankOfHost: 2,
          matchedHost: "h1",
          applicantRankOfMatchedHost: 1,
        },
      ],
    });
    expect(explanations?.hosts.h1).toEqual({
      capacity: 2,
      filled: 2,
      lowestAdmittedRank: 3,
      higherRankedNotAdmitted: [
        {
          code: "APPLICANT_MATCHED_HIGHER_CHOICE",
          applicant: "a4",
          hostRankOfApplicant: 2,
          applicantRankOfHost: 2,
          matchedHost: "h2",
          applicantRankOfMatchedHost: 1,
        },
      ],
    });
  });

  it("explains a host that did not rank the applicant", () => {
    const inst: MatchingInstance = {
      applicants: [{ id: "a1", preferences: ["h1", "h2"] }],
      hosts: [
        { id: "h1", capacity: 1, preferences: [] },
        { id: "h2", capacity: 1, preferences: ["a1"] },
      ],
    };
    const r = solve(inst, { explain: true });
    expect(r.explanations?.applicants.a1?.higherChoices).toEqual([{ code: "HOST_DID_NOT_RANK_APPLICANT", host: "h1", applicantRankOfHost: 1 }]);
  });
});

describe("regional caps (flexible deferred acceptance)", () => {
  /**
   * Region cap 1 over two hosts of capacity 1 with crossed preferences: no
   * feasible matching is free of every cap-respecting blocking pair (ADR 0005);
   * FDA returns a weakly stable one.
   */
  const crossed: MatchingInstance = {
    applicants: [
      { id: "d1", preferences: ["h1", "h2"] },
      { id: "d2", preferences: ["h2", "h1"] },
    ],
    hosts: [
      { id: "h1", capacity: 1, region: "r", preferences: ["d2", "d1"] },
      { id: "h2", capacity: 1, region: "r", preferences: ["d1", "d2"] },
    ],
    regionCaps: { r: 1 },
  };

  it("respects the cap and is weakly stable; explains the cap", () => {
    const r = solve(crossed, { explain: true });
    expect(r.assignments).toEqual([{ applicant: "d2", host: "h1" }]);
    expect(r.unmatched).toEqual(["d1"]);
    expect(r.verification).toMatchObject({ notion: "weakly-stable-with-regional-caps", feasible: true, stable: true });
    expect(r.explanations?.applicants.d2?.higherChoices).toEqual([
      { code: "REGION_CAP_REACHED", host: "h2", applicantRankOfHost: 1, hostRankOfApplicant: 2, region: "r", regionCap: 1 },
    ]);
    expect(r.explanations?.applicants.d1?.higherChoices.map((x) => x.code)).toEqual(["HOST_FULL_WITH_HIGHER_RANKED", "REGION_CAP_REACHED"]);
    expect(r.explanations?.hosts.h2?.higherRankedNotAdmitted).toEqual([
      {
        code: "REGION_CAP_REACHED",
        applicant: "d1",
        hostRankOfApplicant: 1,
        applicantRankOfHost: 2,
        matchedHost: null,
        applicantRankOfMatchedHost: null,
        region: "r",
        regionCap: 1,
      },
      {
        code: "REGION_CAP_REACHED",
        applicant: "d2",
        hostRankOfApplicant: 2,
        applicantRankOfHost: 1,
        matchedHost: "h1",
        applicantRankOfMatchedHost: 2,
        region: "r",
        regionCap: 1,
      },
    ]);
  });

  it("non-binding caps give plain deferred acceptance; uncapped regions are unaffected", () => {
    const loose = { ...crossed, regionCaps: { r: 2 } };
    expect(solve(loose).assignments).toEqual([
      { applicant: "d1", host: "h1" },
      { applicant: "d2", host: "h2" },
    ]);
    const other = { ...crossed, regionCaps: { elsewhere: 0 } };
    expect(solve(other).assignments).toEqual(solve({ applicants: crossed.applicants, hosts: crossed.hosts }).assignments);
  });

  it("cap 0 closes a region", () => {
    const r = solve({ ...crossed, regionCaps: { r: 0 } });
    expect(r.assignments).toEqual([]);
    expect(r.verification.stable).toBe(true);
  });

  it("rejects host-proposing together with caps", () => {
    expect(() => solve(crossed, { proposing: "hosts" })).toThrow(/not supported together with regionCaps/);
  });
});
