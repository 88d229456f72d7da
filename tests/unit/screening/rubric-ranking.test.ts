import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankApplications, rubricTotal, scaleValues, validateRubric, validateScores, type Rubric } from "#src/domain/screening/index.ts";

const rubric: Rubric = {
  criteria: [
    { id: "motivation", weight: 3 },
    { id: "experience", weight: 2 },
    { id: "language", weight: 1 },
  ],
  scale: { min: 1, max: 5, step: 1 },
};
const full = [
  { criterion: "motivation", score: 4 },
  { criterion: "experience", score: 3 },
  { criterion: "language", score: 5 },
];

describe("rubric", () => {
  it("weighted total and mean on the scale", () => {
    expect(rubricTotal(rubric, full)).toEqual({ ok: true, total: 23, mean: 3.833333333, minTotal: 6, maxTotal: 30 });
  });

  it("decimal weights and half steps give stable figures", () => {
    const r: Rubric = {
      criteria: [
        { id: "a", weight: 0.1 },
        { id: "b", weight: 0.2 },
      ],
      scale: { min: 0, max: 10, step: 0.5 },
    };
    expect(validateRubric(r)).toEqual([]);
    expect(
      rubricTotal(r, [
        { criterion: "a", score: 7.5 },
        { criterion: "b", score: 3 },
      ]),
    ).toEqual({ ok: true, total: 1.35, mean: 4.5, minTotal: 0, maxTotal: 3 });
    expect(scaleValues(r.scale)).toHaveLength(21);
    expect(scaleValues({ min: 0.1, max: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("a score outside the scale, off its steps, not a number, for an unknown criterion, twice, or missing", () => {
    expect(
      validateScores(rubric, [
        { criterion: "motivation", score: 6 },
        { criterion: "experience", score: 2.5 },
        { criterion: "culture", score: 3 },
        { criterion: "experience", score: 3 },
        { criterion: "language", score: Number.NaN },
      ]),
    ).toEqual([
      { code: "OUT_OF_SCALE", criterion: "motivation", score: 6, min: 1, max: 5 },
      { code: "OFF_STEP", criterion: "experience", score: 2.5, step: 1 },
      { code: "UNKNOWN_CRITERION", criterion: "culture" },
      { code: "DUPLICATE_CRITERION", criterion: "experience" },
      { code: "NOT_A_NUMBER", criterion: "language" },
    ]);
    expect(validateScores(rubric, [{ criterion: "motivation", score: 0 }])).toEqual([
      { code: "OUT_OF_SCALE", criterion: "motivation", score: 0, min: 1, max: 5 },
      { code: "MISSING_CRITERION", criterion: "experience" },
      { code: "MISSING_CRITERION", criterion: "language" },
    ]);
    expect(rubricTotal(rubric, full.slice(0, 2))).toEqual({ ok: false, problems: [{ code: "MISSING_CRITERION", criterion: "language" }] });
  });

  it("a draft may leave criteria out, not break the scale", () => {
    expect(validateScores(rubric, [{ criterion: "motivation", score: 5 }], { complete: false })).toEqual([]);
    expect(validateScores(rubric, [{ criterion: "motivation", score: 9 }], { complete: false })).toEqual([
      { code: "OUT_OF_SCALE", criterion: "motivation", score: 9, min: 1, max: 5 },
    ]);
  });

  it("the ends of the scale are allowed", () => {
    expect(
      rubricTotal(
        rubric,
        full.map((x) => ({ ...x, score: 1 })),
      ),
    ).toMatchObject({ ok: true, total: 6, mean: 1 });
    expect(
      rubricTotal(
        rubric,
        full.map((x) => ({ ...x, score: 5 })),
      ),
    ).toMatchObject({ ok: true, total: 30, mean: 5 });
  });

  it("validates the rubric itself", () => {
    expect(validateRubric(rubric)).toEqual([]);
    expect(
      validateRubric({
        criteria: [
          { id: "a", weight: 1 },
          { id: "a", weight: 0 },
          { id: "", weight: Number.POSITIVE_INFINITY },
        ],
        scale: { min: 1, max: 5, step: 3 },
      }),
    ).toEqual([
      { code: "DUPLICATE_CRITERION", criterion: "a" },
      { code: "BAD_WEIGHT", criterion: "a", weight: 0 },
      { code: "EMPTY_CRITERION_ID", index: 2 },
      { code: "BAD_WEIGHT", criterion: "", weight: Number.POSITIVE_INFINITY },
      { code: "BAD_SCALE", min: 1, max: 5, step: 3 },
    ]);
    expect(validateRubric({ criteria: [], scale: { min: 5, max: 1, step: 1 } })).toEqual([
      { code: "NO_CRITERIA" },
      { code: "BAD_SCALE", min: 5, max: 1, step: 1 },
    ]);
  });

  it("the total lies between the all-minimum and all-maximum totals (property)", () => {
    const values = scaleValues(rubric.scale);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...values), { minLength: 3, maxLength: 3 }), (scores) => {
        const t = rubricTotal(
          rubric,
          rubric.criteria.map((c, i) => ({ criterion: c.id, score: scores[i]! })),
        );
        if (!t.ok) throw new Error("expected a total");
        expect(t.total).toBeGreaterThanOrEqual(t.minTotal);
        expect(t.total).toBeLessThanOrEqual(t.maxTotal);
        expect(t.mean).toBeGreaterThanOrEqual(rubric.scale.min);
        expect(t.mean).toBeLessThanOrEqual(rubric.scale.max);
      }),
    );
  });
});

describe("rankApplications", () => {
  const e = (application: string, normalizedScore: number, rawMean = normalizedScore, reads = 2) => ({ application, normalizedScore, rawMean, reads });

  it("orders by normalized score, then raw mean, reads and id; equal scores share a rank", () => {
    const ranked = rankApplications([e("c", 3), e("b", 4, 4.5), e("a", 4, 4.5), e("d", 4, 5), e("e", 4, 4.5, 3), e("f", 1)]);
    expect(ranked.map((x) => [x.application, x.position, x.rank, x.tieBroken])).toEqual([
      ["d", 1, 1, true],
      ["e", 2, 1, true],
      ["a", 3, 1, true],
      ["b", 4, 1, true],
      ["c", 5, 5, false],
      ["f", 6, 6, false],
    ]);
  });

  it("scores equal up to floating-point noise are a tie", () => {
    const ranked = rankApplications([e("b", 0.1 + 0.2, 5), e("a", 0.3, 4)]);
    expect(ranked.map((x) => [x.application, x.rank])).toEqual([
      ["b", 1],
      ["a", 1],
    ]);
  });

  it("does not depend on input order (property)", () => {
    const arb = fc.array(
      fc.record({ normalizedScore: fc.integer({ min: 0, max: 5 }), rawMean: fc.integer({ min: 0, max: 3 }), reads: fc.integer({ min: 1, max: 3 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arb.chain((xs) => {
          const entries = xs.map((x, i) => ({ ...x, application: `a${i}` }));
          return fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }));
        }),
        ([entries, shuffled]) => {
          const ranked = rankApplications(entries);
          expect(rankApplications(shuffled)).toEqual(ranked);
          ranked.forEach((x, i) => {
            expect(x.position).toBe(i + 1);
            if (i > 0) expect(x.normalizedScore).toBeLessThanOrEqual(ranked[i - 1]!.normalizedScore);
          });
        },
      ),
    );
  });
});
