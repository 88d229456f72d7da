/** Quota-constrained selection: worked examples, then properties against a brute force (ADR 0013). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandQuotas, inGroup, parseQuotas, selectWithQuotas, type Candidate, type QuotaRule, type Selection } from "#src/domain/selection/index.ts";
import { bruteForce, cross, freshFlowSelect, instanceArb, REGION, type Instance } from "./helpers.ts";

const people = (spec: string): Candidate[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((s, i) => {
      const [nationality, field = "it"] = s.split("/") as [string, string?];
      return { id: `p${i + 1}`, attributes: { nationality, region: REGION[nationality]!, field } };
    });
const rules = (text: string): QuotaRule[] => {
  const r = parseQuotas(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return [...r.rules];
};
const run = (candidates: Candidate[], places: number, quotas: QuotaRule[]): Selection => {
  const r = selectWithQuotas({ candidates, places, quotas });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};
const ids = (s: Selection) => s.selected.map((x) => x.id);

describe("selectWithQuotas: examples", () => {
  it("without quotas, takes the first `places` candidates; the rest are told the places are filled", () => {
    const s = run(people("VN VN ID KE"), 2, []);
    expect(ids(s)).toEqual(["p1", "p2"]);
    expect(s.notSelected).toEqual([
      { id: "p3", position: 3, reasons: [{ code: "places_filled", places: 2 }] },
      { id: "p4", position: 4, reasons: [{ code: "places_filled", places: 2 }] },
    ]);
  });

  it('skips a candidate whose nationality quota is full, saying "nationality quota VN: 2 of 2"', () => {
    const s = run(people("VN VN VN ID KE"), 4, rules("max 2 per nationality"));
    expect(ids(s)).toEqual(["p1", "p2", "p4", "p5"]);
    expect(s.notSelected).toEqual([
      {
        id: "p3",
        position: 3,
        reasons: [{ code: "max_quota_full", quota: { rule: 0, kind: "max", attribute: "nationality", values: ["VN"], limit: 2 }, count: 2 }],
      },
    ]);
    expect(s.shortfalls).toEqual([]);
  });

  it("reserves the last place for an unmet minimum, and says so", () => {
    const s = run(people("VN VN ID PH KE"), 3, rules("min 1 region = africa"));
    expect(ids(s)).toEqual(["p1", "p2", "p5"]);
    const africa = { rule: 0, kind: "min", attribute: "region", values: ["africa"], limit: 1 };
    expect(s.notSelected.map((x) => [x.id, x.reasons])).toEqual([
      ["p3", [{ code: "reserved_for_minimums", placesLeft: 1, minimums: [{ quota: africa, count: 0 }], maximums: [] }]],
      ["p4", [{ code: "reserved_for_minimums", placesLeft: 1, minimums: [{ quota: africa, count: 0 }], maximums: [] }]],
    ]);
    expect(s.quotas).toEqual([{ quota: africa, count: 1, available: 1, met: true }]);
  });

  it("reserves only as many places as the minimums still need: one candidate can count toward two", () => {
    // at least 1 from Africa and at least 1 in agriculture: one Kenyan agronomist meets both
    const s = run(people("VN/it VN/it ID/it KE/agri NG/it"), 3, rules("min 1 region = africa\nmin 1 field = agri"));
    expect(ids(s)).toEqual(["p1", "p2", "p4"]);
  });

  it("holds a maximum's room for a minimum: the only agronomists are Vietnamese", () => {
    // max 2 VN; min 1 agri, and the only agronomist is the third Vietnamese: the second VN place is held
    const s = run(people("VN/it ID/it VN/it VN/agri"), 3, rules("max 2 per nationality in VN\nmin 1 field = agri"));
    expect(ids(s)).toEqual(["p1", "p2", "p4"]);
    const p3 = s.notSelected.find((x) => x.id === "p3")!;
    expect(p3.reasons).toEqual([
      {
        code: "reserved_for_minimums",
        placesLeft: 1,
        minimums: [{ quota: { rule: 1, kind: "min", attribute: "field", values: ["agri"], limit: 1 }, count: 0 }],
        maximums: [],
      },
    ]);
  });

  it("says which minimums cannot be met and by how much, and still meets them as far as possible", () => {
    const s = run(people("VN VN ID KE NG"), 4, rules("min 3 region = africa\nmin 2 per nationality in VN"));
    expect(s.shortfalls).toEqual([
      { quota: { rule: 0, kind: "min", attribute: "region", values: ["africa"], limit: 3 }, achievable: 2, short: 1, available: 2 },
    ]);
    expect(ids(s)).toEqual(["p1", "p2", "p4", "p5"]);
    expect(s.quotas.map((q) => [q.quota.values, q.count, q.met])).toEqual([
      [["africa"], 2, false],
      [["VN"], 2, true],
    ]);
  });

  it("earlier minimums win when two cannot both be met (priority is the rule order)", () => {
    // 2 places; at least 2 Africans and at least 2 Asians: the first rule is met, the second falls short by 2
    const first = run(people("VN ID KE NG"), 2, rules("min 2 region = africa\nmin 2 region = asia"));
    expect(ids(first)).toEqual(["p3", "p4"]);
    expect(first.shortfalls.map((x) => [x.quota.values, x.achievable, x.short])).toEqual([[["asia"], 0, 2]]);
    const swapped = run(people("VN ID KE NG"), 2, rules("min 2 region = asia\nmin 2 region = africa"));
    expect(ids(swapped)).toEqual(["p1", "p2"]);
    expect(swapped.shortfalls.map((x) => [x.quota.values, x.short])).toEqual([[["africa"], 2]]);
  });

  it("a minimum on a group nobody is in is short by all of it; a maximum of 0 excludes the group", () => {
    const s = run(people("VN KE"), 2, rules("min 1 nationality = PH\nmax 0 nationality = KE"));
    expect(s.shortfalls).toEqual([
      { quota: { rule: 0, kind: "min", attribute: "nationality", values: ["PH"], limit: 1 }, achievable: 0, short: 1, available: 0 },
    ]);
    expect(ids(s)).toEqual(["p1"]);
  });

  it("refuses quotas whose groups cannot be nested in two families, naming an odd cycle of overlapping groups", () => {
    const c: Candidate[] = [
      { id: "a", attributes: { x: "1", y: "1", z: "1" } },
      { id: "b", attributes: { x: "1", y: "2", z: "2" } },
      { id: "c", attributes: { x: "2", y: "1", z: "2" } },
      { id: "d", attributes: { x: "2", y: "2", z: "1" } },
    ];
    const r = selectWithQuotas({ candidates: c, places: 2, quotas: rules("min 1 x = 1\nmin 1 y = 1\nmin 1 z = 1") });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe("quotas_cross");
    expect(r.issues[0]!.code === "quotas_cross" && r.issues[0]!.quotas.map((q) => q.attribute).sort()).toEqual(["x", "y", "z"]);
  });

  it("accepts maximums on any groups when there is no minimum: plain rank order", () => {
    const c: Candidate[] = [
      { id: "a", attributes: { x: "1", y: "1", z: "1" } },
      { id: "b", attributes: { x: "1", y: "2", z: "2" } },
      { id: "c", attributes: { x: "2", y: "1", z: "2" } },
      { id: "d", attributes: { x: "2", y: "2", z: "1" } },
      { id: "e", attributes: { x: "2", y: "2", z: "2" } },
    ];
    const s = run(c, 3, rules("max 1 x = 1\nmax 1 y = 1\nmax 1 z = 1\nmin 0 x = 2"));
    expect(ids(s)).toEqual(["a", "e"]);
    expect(s.notSelected.map((x) => [x.id, x.reasons.map((r) => (r.code === "max_quota_full" ? r.quota.attribute : r.code))])).toEqual([
      ["b", ["x"]],
      ["c", ["y"]],
      ["d", ["z"]],
    ]);
  });

  it("refuses bad input: places, duplicate ids, bad rules", () => {
    const r = selectWithQuotas({
      candidates: [...people("VN"), ...people("VN")],
      places: -1,
      quotas: [{ kind: "max", count: 1.5, attribute: "nationality", per: "each" }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["invalid_count", "invalid_places", "duplicate_candidate"]);
  });

  it("handles no candidates and no places", () => {
    expect(run([], 3, rules("min 1 region = africa")).shortfalls[0]!.short).toBe(1);
    const none = run(people("VN KE"), 0, []);
    expect(ids(none)).toEqual([]);
    expect(none.notSelected.every((x) => x.reasons[0]!.code === "places_filled")).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/** SELECTION_RUNS=20000 for a longer search */
const RUNS = { numRuns: Number(process.env.SELECTION_RUNS ?? 600) };

function counts(inst: Instance, selected: readonly string[]) {
  const chosen = inst.candidates.filter((c) => selected.includes(c.id));
  return expandQuotas(inst.quotas, inst.candidates).map((ref) => ({ ref, count: chosen.filter((c) => inGroup(ref, c)).length }));
}

describe("selectWithQuotas: properties", () => {
  it("equals the brute force on small instances: same selection, same achievable minimums", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const r = selectWithQuotas(inst);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const b = bruteForce(inst);
        expect(ids(r)).toEqual(b.selected);
        const refs = expandQuotas(inst.quotas, inst.candidates);
        const short = new Map(r.shortfalls.map((s) => [refs.findIndex((q) => JSON.stringify(q) === JSON.stringify(s.quota)), s.achievable]));
        refs.forEach((ref, i) => {
          if (ref.kind !== "min") return;
          if (b.achieved[i]! < ref.limit) expect(short.get(i)).toBe(b.achieved[i]);
          else expect(short.has(i)).toBe(false);
        });
      }),
      RUNS,
    );
  });

  it("equals a from-scratch max-flow at each step on larger instances (up to 60 candidates)", () => {
    fc.assert(
      fc.property(instanceArb({ maxCandidates: 60 }), (inst) => {
        const places = inst.places * 4;
        const r = selectWithQuotas({ ...inst, places });
        expect(r.ok).toBe(true);
        if (r.ok) expect(ids(r)).toEqual(freshFlowSelect({ ...inst, places }));
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 3) },
    );
  });

  it("never exceeds a maximum or the places; meets every minimum whenever any selection can", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const r = selectWithQuotas(inst);
        if (!r.ok) return;
        expect(r.selected.length).toBeLessThanOrEqual(inst.places);
        for (const { ref, count } of counts(inst, ids(r))) if (ref.kind === "max") expect(count).toBeLessThanOrEqual(ref.limit);
        if (bruteForce(inst).allMinimumsMeetable) {
          expect(r.shortfalls).toEqual([]);
          for (const { ref, count } of counts(inst, ids(r))) if (ref.kind === "min") expect(count).toBeGreaterThanOrEqual(ref.limit);
          expect(r.quotas.every((q) => q.met)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("rank-monotone: a selected candidate who moves up the ranking stays selected", () => {
    const arb = instanceArb().chain((inst) => fc.tuple(fc.constant(inst), fc.nat({ max: Math.max(0, inst.candidates.length - 1) }), fc.nat({ max: 8 })));
    fc.assert(
      fc.property(arb, ([inst, k, up]) => {
        const r = selectWithQuotas(inst);
        if (!r.ok || inst.candidates.length === 0) return;
        const who = inst.candidates[k]!;
        if (!ids(r).includes(who.id)) return;
        const moved = [...inst.candidates];
        moved.splice(k, 1);
        moved.splice(Math.max(0, k - up), 0, who);
        const again = selectWithQuotas({ ...inst, candidates: moved });
        expect(again.ok && ids(again).includes(who.id)).toBe(true);
      }),
      RUNS,
    );
  });

  it("never selects someone over a better-ranked candidate with the same attributes", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const r = selectWithQuotas(inst);
        if (!r.ok) return;
        const chosen = new Set(ids(r));
        inst.candidates.forEach((c, i) => {
          for (const d of inst.candidates.slice(i + 1)) {
            if (JSON.stringify(c.attributes) === JSON.stringify(d.attributes) && chosen.has(d.id)) expect(chosen.has(c.id)).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it("every candidate not selected has a true reason", () => {
    fc.assert(
      fc.property(instanceArb(), (inst) => {
        const r = selectWithQuotas(inst);
        if (!r.ok) return;
        expect(r.selected.length + r.notSelected.length).toBe(inst.candidates.length);
        for (const x of r.notSelected) {
          expect(x.reasons.length).toBeGreaterThan(0);
          const me = inst.candidates[x.position - 1]!;
          const above = ids(r).filter((id) => inst.candidates.findIndex((c) => c.id === id) < x.position - 1);
          const aboveCandidates = inst.candidates.filter((c) => above.includes(c.id));
          for (const reason of x.reasons) {
            if (reason.code === "places_filled") expect(above.length).toBe(inst.places);
            if (reason.code === "max_quota_full") {
              expect(inGroup(reason.quota, me)).toBe(true);
              expect(aboveCandidates.filter((c) => inGroup(reason.quota, c)).length).toBe(reason.quota.limit);
              expect(reason.count).toBe(reason.quota.limit);
            }
            if (reason.code === "reserved_for_minimums") {
              expect(reason.minimums.length).toBeGreaterThan(0);
              expect(reason.placesLeft).toBe(inst.places - above.length);
              for (const m of reason.minimums) {
                expect(m.count).toBe(aboveCandidates.filter((c) => inGroup(m.quota, c)).length);
                expect(m.count).toBeLessThan(m.quota.limit);
                // a minimum this candidate counts toward can block them only through maximums they would fill
                if (inGroup(m.quota, me)) expect(reason.maximums.length).toBeGreaterThan(0);
              }
              for (const h of reason.maximums) {
                expect(h.count).toBe(aboveCandidates.filter((c) => inGroup(h.quota, c)).length);
                expect(h.count + h.held).toBe(h.quota.limit);
              }
            }
          }
        }
      }),
      RUNS,
    );
  });

  it("with crossing attributes: either equals the brute force, or names a true odd cycle of crossing groups", () => {
    fc.assert(
      fc.property(instanceArb({ crossing: true }), (inst) => {
        const r = selectWithQuotas(inst);
        if (r.ok) {
          expect(ids(r)).toEqual(bruteForce(inst).selected);
          return;
        }
        const issue = r.issues[0]!;
        expect(issue.code).toBe("quotas_cross");
        if (issue.code !== "quotas_cross") return;
        const groups = issue.quotas.map((q) => inst.candidates.flatMap((c, i) => (inGroup(q, c) ? [i] : [])));
        expect(groups.length % 2).toBe(1);
        expect(groups.length).toBeGreaterThanOrEqual(3);
        groups.forEach((g, i) => expect(cross(g, groups[(i + 1) % groups.length]!)).toBe(true));
      }),
      RUNS,
    );
  });
});
