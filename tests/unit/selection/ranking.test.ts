/** The committee's combined ranking: weights, scales, missing interviews, tie-breaks. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankCandidates, validateRankingRules, type RankingRules, type ScoredCandidate } from "#src/domain/selection/index.ts";

const RULES: RankingRules = {
  components: [
    { key: "document", weight: 40, scale: { min: 0, max: 100 }, whenMissing: "exclude" },
    { key: "interview_first", weight: 30, scale: { min: 1, max: 5 }, whenMissing: "minimum" },
    { key: "interview_second", weight: 30, scale: { min: 1, max: 5 }, whenMissing: "reweight" },
  ],
  tieBreak: ["interview_second", "interview_first"],
};
const cand = (id: string, document: number | null, first: number | null, second: number | null, extra: Partial<ScoredCandidate> = {}): ScoredCandidate => ({
  id,
  attributes: { nationality: "VN" },
  scores: { document, interview_first: first, interview_second: second },
  ...extra,
});

describe("rankCandidates", () => {
  it("rescales each component to 0–1 and combines with the weights into 0–100", () => {
    const { ranked } = rankCandidates(RULES, [cand("a", 80, 4, 5)]);
    // 100 × (40×0.8 + 30×0.75 + 30×1) / 100 = 84.5
    expect(ranked[0]!.score).toBe(84.5);
    expect(ranked[0]!.scoreMicro).toBe(84_500_000);
    expect(ranked[0]!.components.map((c) => [c.key, c.scaled, c.counted])).toEqual([
      ["document", 0.8, "score"],
      ["interview_first", 0.75, "score"],
      ["interview_second", 1, "score"],
    ]);
  });

  it("missing interviews follow the round's rule: exclude, count as the minimum, or reweight", () => {
    const { ranked, excluded } = rankCandidates(RULES, [cand("no-doc", null, 5, 5), cand("no-first", 80, null, 5), cand("no-second", 80, 5, null)]);
    expect(excluded).toEqual([{ id: "no-doc", code: "missing_score", component: "document" }]);
    const byId = Object.fromEntries(ranked.map((r) => [r.id, r]));
    // first interview missing counts as 0: (32 + 0 + 30) = 62
    expect(byId["no-first"]!.score).toBe(62);
    expect(byId["no-first"]!.components[1]).toEqual({ key: "interview_first", value: null, scaled: 0, weight: 30, counted: "as_minimum" });
    // second missing is left out: (32 + 30) / 70 × 100 = 88.571429 (6 decimals)
    expect(byId["no-second"]!.score).toBe(88.571429);
    expect(byId["no-second"]!.components[2]!.counted).toBe("reweighted");
  });

  it("refuses a score outside its scale or not a number, and a candidate with nothing to rank on", () => {
    const onlyReweight: RankingRules = { components: [{ key: "x", weight: 1, scale: { min: 0, max: 1 }, whenMissing: "reweight" }] };
    expect(rankCandidates(RULES, [cand("hi", 101, 3, 3), cand("nan", 50, Number.NaN, 3)]).excluded).toEqual([
      { id: "hi", code: "invalid_score", component: "document", value: 101 },
      { id: "nan", code: "invalid_score", component: "interview_first", value: Number.NaN },
    ]);
    expect(rankCandidates(onlyReweight, [{ id: "e", attributes: {}, scores: {} }]).excluded).toEqual([{ id: "e", code: "no_scores" }]);
  });

  it("breaks ties by the named components, then the tie-break key, then the id, and says which rule did", () => {
    // a and b tie at 70 overall; b has the better second interview
    const a = cand("a", 100, 5, 1);
    const b = cand("b", 100, 1, 5);
    const c = cand("c", 50, 3, 3, { tieBreakKey: "2027-01-02T00:00:00Z" });
    const d = cand("d", 50, 3, 3, { tieBreakKey: "2027-01-01T00:00:00Z" });
    const e = cand("e", 50, 3, 3);
    const f = cand("f", 50, 3, 3);
    const { ranked } = rankCandidates(RULES, [a, b, c, d, f, e]);
    expect(ranked.map((r) => r.id)).toEqual(["b", "a", "d", "c", "e", "f"]);
    expect(ranked.map((r) => r.tieBrokenBy?.rule ?? null)).toEqual([
      null,
      { kind: "component", key: "interview_second" },
      null,
      { kind: "tie_break_key" },
      { kind: "tie_break_key" },
      { kind: "id" },
    ]);
    expect(ranked.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("scores equal up to floating-point noise tie (6-decimal rounding)", () => {
    const rules: RankingRules = {
      components: [
        { key: "x", weight: 1, scale: { min: 0, max: 1 }, whenMissing: "exclude" },
        { key: "y", weight: 1, scale: { min: 0, max: 1 }, whenMissing: "exclude" },
      ],
    };
    // 0.1 + 0.2 and 0.2 + 0.1 … and 0.3 + 0: the same to the 6th decimal
    const { ranked } = rankCandidates(rules, [
      { id: "z", attributes: {}, scores: { x: 0.1, y: 0.2 } },
      { id: "y", attributes: {}, scores: { x: 0.3, y: 0 } },
      { id: "x", attributes: {}, scores: { x: 0.2, y: 0.1 } },
    ]);
    expect(ranked.map((r) => [r.id, r.scoreMicro])).toEqual([
      ["x", 15_000_000],
      ["y", 15_000_000],
      ["z", 15_000_000],
    ]);
  });

  it("validates the rules", () => {
    expect(validateRankingRules({ components: [] })).toEqual([{ code: "no_components" }]);
    expect(
      validateRankingRules({
        components: [
          { key: "a", weight: -1, scale: { min: 0, max: 1 }, whenMissing: "exclude" },
          { key: "a", weight: 0, scale: { min: 5, max: 5 }, whenMissing: "exclude" },
        ],
        tieBreak: ["b"],
      }).map((i) => i.code),
    ).toEqual(["invalid_weight", "duplicate_component", "invalid_scale", "all_weights_zero", "unknown_tie_break_component"]);
    expect(() => rankCandidates({ components: [] }, [])).toThrow(RangeError);
    expect(() => rankCandidates(RULES, [cand("a", 1, 1, 1), cand("a", 2, 2, 2)])).toThrow(/duplicate/);
  });

  it("property: the ranking does not depend on input order, is sorted by score, and positions are 1…n", () => {
    const score = fc.option(
      fc.integer({ min: 0, max: 20 }).map((x) => x / 4 + 0),
      { nil: null },
    );
    const arb = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        d: fc.integer({ min: 0, max: 4 }).map((x) => x * 25),
        f: score,
        s: score,
        k: fc.option(fc.constantFrom("1", "2")),
      }),
      { selector: (x) => x.id, maxLength: 12 },
    );
    const rules: RankingRules = {
      components: [
        { key: "document", weight: 2, scale: { min: 0, max: 100 }, whenMissing: "exclude" },
        { key: "interview_first", weight: 1, scale: { min: 0, max: 5 }, whenMissing: "minimum" },
        { key: "interview_second", weight: 1, scale: { min: 0, max: 5 }, whenMissing: "reweight" },
      ],
      tieBreak: ["interview_second"],
    };
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), (rows, seeds) => {
        const list = rows.map((r) => cand(r.id, r.d, r.f, r.s, r.k === null ? {} : { tieBreakKey: r.k }));
        const shuffled = [...list].sort(() => (seeds.next().value % 3) - 1);
        const one = rankCandidates(rules, list);
        expect(rankCandidates(rules, shuffled)).toEqual(one);
        expect(one.ranked.length + one.excluded.length).toBe(list.length);
        one.ranked.forEach((r, i) => {
          expect(r.position).toBe(i + 1);
          if (i > 0) expect(one.ranked[i - 1]!.scoreMicro).toBeGreaterThanOrEqual(r.scoreMicro);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
        });
      }),
      { numRuns: 300 },
    );
  });
});
