import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeSeverity, validateNormalizationInput, type NormalizationResult, type ScoreInput } from "#src/domain/screening/index.ts";

const T = { disagreementThreshold: 1 };
const s = (application: string, reviewer: string, score: number): ScoreInput => ({ application, reviewer, score });
const sev = (r: NormalizationResult) => Object.fromEntries(r.reviewers.map((x) => [x.reviewer, x.severity]));
const norm = (r: NormalizationResult) => Object.fromEntries(r.applications.map((x) => [x.application, x.normalizedScore]));

/** three reviewers in a triangle: A (r1, r2), B (r2, r3), C (r1, r3) */
const triangle = [s("A", "r1", 8), s("A", "r2", 6), s("B", "r2", 5), s("B", "r3", 5), s("C", "r1", 7), s("C", "r3", 4)];

describe("normalizeSeverity: exact small cases", () => {
  it("two reviewers reading the same two applications, no noise", () => {
    const r = normalizeSeverity([s("A", "r1", 7), s("B", "r1", 5), s("A", "r2", 5), s("B", "r2", 3)], T);
    expect(sev(r).r1).toBeCloseTo(1, 12);
    expect(sev(r).r2).toBeCloseTo(-1, 12);
    expect(norm(r).A).toBeCloseTo(6, 12);
    expect(norm(r).B).toBeCloseTo(4, 12);
    expect(r.residualSd).toBeCloseTo(0, 12);
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.applications.map((a) => a.disagreement)).toEqual([expect.closeTo(0, 12), expect.closeTo(0, 12)]);
    expect(r.reviewers[0]).toEqual({
      reviewer: "r1",
      count: 2,
      mean: 6,
      sd: Math.SQRT2,
      severity: expect.closeTo(1, 12),
      standardError: expect.closeTo(0, 12),
      estimable: true,
      component: 0,
    });
  });

  it("a triangle with noise: least squares by hand", () => {
    // minimize ½[(2 − (s1 − s2))² + (0 − (s2 − s3))² + (3 − (s1 − s3))²] with Σs = 0: s = (5/3, −2/3, −1)
    const r = normalizeSeverity(triangle, T);
    expect(sev(r).r1).toBeCloseTo(5 / 3, 12);
    expect(sev(r).r2).toBeCloseTo(-2 / 3, 12);
    expect(sev(r).r3).toBeCloseTo(-1, 12);
    expect(norm(r).A).toBeCloseTo(6.5, 12);
    expect(norm(r).B).toBeCloseTo(35 / 6, 12);
    expect(norm(r).C).toBeCloseTo(31 / 6, 12);
    // RSS = 3 × (1/3)² / 2 = 1/6 on 6 − 3 − 2 = 1 degree of freedom
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.residualSd).toBeCloseTo(Math.sqrt(1 / 6), 12);
    // L = 1.5 I − 0.5 J, L⁺ = (2/3)(I − J/3), diag 4/9
    for (const x of r.reviewers) expect(x.standardError).toBeCloseTo((Math.sqrt(1 / 6) * 2) / 3, 12);
    for (const a of r.applications) expect(a.disagreement).toBeCloseTo(1 / 3, 12);
    expect(r.applications[0]!.scores).toEqual([
      { reviewer: "r1", score: 8, adjusted: expect.closeTo(19 / 3, 12) },
      { reviewer: "r2", score: 6, adjusted: expect.closeTo(20 / 3, 12) },
    ]);
    expect(r.applications[0]!.rawMean).toBe(7);
  });

  it("disconnected parts are normalized apart and reported; a reviewer alone is not estimable", () => {
    const pair = [s("D", "r4", 9), s("D", "r5", 7), s("E", "r4", 8), s("E", "r5", 6)];
    const alone = [s("F", "r6", 4)];
    const r = normalizeSeverity([...alone, ...pair, ...triangle], T);
    expect(r.components).toEqual([
      { reviewers: ["r1", "r2", "r3"], applications: 3, scores: 6 },
      { reviewers: ["r4", "r5"], applications: 2, scores: 4 },
      { reviewers: ["r6"], applications: 1, scores: 1 },
    ]);
    expect(sev(r).r1).toBeCloseTo(5 / 3, 12);
    expect(sev(r).r4).toBeCloseTo(1, 12);
    expect(sev(r).r5).toBeCloseTo(-1, 12);
    expect(r.reviewers.find((x) => x.reviewer === "r6")).toEqual({
      reviewer: "r6",
      count: 1,
      mean: 4,
      sd: null,
      severity: 0,
      standardError: null,
      estimable: false,
      component: 2,
    });
    expect(r.applications.map((a) => a.component)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(norm(r).F).toBe(4);
    // pooled: 11 scores − 6 applications − (2 + 1 + 0) = 2 degrees of freedom, RSS 1/6
    expect(r.degreesOfFreedom).toBe(2);
    expect(r.residualSd).toBeCloseTo(Math.sqrt(1 / 12), 12);
  });

  it("no residual degrees of freedom: severities estimated, standard errors null", () => {
    const chain = [s("A", "r1", 8), s("A", "r2", 6), s("B", "r2", 5), s("B", "r3", 5)];
    const r = normalizeSeverity(chain, T);
    expect(r.degreesOfFreedom).toBe(0);
    expect(r.residualSd).toBeNull();
    expect(r.reviewers.map((x) => x.standardError)).toEqual([null, null, null]);
    expect(sev(r).r1! - sev(r).r2!).toBeCloseTo(2, 12);
    expect(sev(r).r2! - sev(r).r3!).toBeCloseTo(0, 12);
  });

  it("flags disagreement beyond the threshold and lists the applications needing one more read, largest first", () => {
    const scores = [s("A", "r1", 8), s("A", "r2", 2), s("B", "r1", 5), s("B", "r2", 5), s("C", "r1", 9), s("C", "r2", 1), s("D", "r1", 6)];
    const r = normalizeSeverity(scores, { disagreementThreshold: 3 });
    const byId = Object.fromEntries(r.applications.map((a) => [a.application, a]));
    // severities ±(6 + 0 + 8)/6; adjusted spreads: A 6 − 14/3, B 14/3, C 8 − 14/3 = 4/3, 14/3, 10/3
    expect(byId.A!.disagreement).toBeCloseTo(4 / 3, 12);
    expect(byId.B!.disagreement).toBeCloseTo(14 / 3, 12);
    expect(byId.C!.disagreement).toBeCloseTo(10 / 3, 12);
    expect(byId.D!.disagreement).toBe(0);
    expect(r.applications.map((a) => a.flagged)).toEqual([false, true, true, false]);
    expect(r.needsAnotherRead).toEqual(["B", "C"]);
    expect(normalizeSeverity(scores, { disagreementThreshold: 5 }).needsAnotherRead).toEqual([]);
  });

  it("empty input", () => {
    expect(normalizeSeverity([], T)).toEqual({ reviewers: [], applications: [], components: [], residualSd: null, degreesOfFreedom: 0, needsAnotherRead: [] });
  });

  it("validates its input", () => {
    expect(validateNormalizationInput(triangle, T)).toEqual([]);
    expect(validateNormalizationInput([s("A", "r1", NaN), s("", "r1", 1), s("A", "r1", 2)], { disagreementThreshold: -1 })).toEqual([
      { code: "BAD_THRESHOLD" },
      { code: "NOT_A_NUMBER", index: 0 },
      { code: "EMPTY_ID", index: 1 },
      { code: "DUPLICATE_SCORE", index: 2, application: "A", reviewer: "r1" },
    ]);
  });
});

// ---- random designs for the invariance properties ----

/** a design: applications read by 1–3 distinct reviewers out of nR, with scores */
const designArb = fc
  .record({ nA: fc.integer({ min: 3, max: 25 }), nR: fc.integer({ min: 2, max: 6 }) })
  .chain(({ nA, nR }) =>
    fc.array(
      fc.record({
        reviewers: fc.shuffledSubarray(
          Array.from({ length: nR }, (_, j) => `r${j}`),
          { minLength: 1, maxLength: Math.min(3, nR) },
        ),
        scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: nA, maxLength: nA },
    ),
  )
  .map((apps) => apps.flatMap((a, i) => a.reviewers.map((reviewer, k) => s(`a${String(i).padStart(2, "0")}`, reviewer, a.scores[k]!))));

const close = (a: number, b: number, tol = 1e-7) => expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(a), Math.abs(b)));

describe("normalizeSeverity: invariances (properties)", () => {
  it("severities sum to zero in each part; residuals sum to zero per application and per reviewer", () => {
    fc.assert(
      fc.property(designArb, (scores) => {
        const r = normalizeSeverity(scores, T);
        r.components.forEach((c, i) => {
          const sum = r.reviewers.filter((x) => x.component === i).reduce((t, x) => t + x.severity, 0);
          close(sum, 0);
        });
        // normal equations: Σ residuals = 0 for every application and every estimable reviewer
        const resid = new Map<string, number>();
        for (const a of r.applications) {
          let t = 0;
          for (const x of a.scores) {
            const e = x.adjusted - a.normalizedScore;
            t += e;
            resid.set(x.reviewer, (resid.get(x.reviewer) ?? 0) + e);
          }
          close(t, 0);
        }
        for (const x of r.reviewers) if (x.estimable) close(resid.get(x.reviewer)!, 0, 1e-6);
      }),
    );
  });

  it("adding a constant to one reviewer's scores changes only that reviewer's severity relative to the others", () => {
    fc.assert(
      fc.property(designArb, fc.integer({ min: -30, max: 30 }), (scores, c) => {
        const target = scores[0]!.reviewer;
        const before = normalizeSeverity(scores, T);
        const after = normalizeSeverity(
          scores.map((x) => (x.reviewer === target ? { ...x, score: x.score + c } : x)),
          T,
        );
        const comp = before.reviewers.find((x) => x.reviewer === target)!.component;
        const m = before.components[comp]!.reviewers.length;
        const estimable = m > 1;
        const sb = sev(before);
        const sa = sev(after);
        for (const x of before.reviewers) {
          if (x.component !== comp) close(sa[x.reviewer]!, sb[x.reviewer]!);
          else if (x.reviewer !== target) {
            // others' differences unchanged; under Σ = 0 each moves by −c/m
            close(sa[x.reviewer]! - sa[target]!, sb[x.reviewer]! - sb[target]! - (estimable ? c : 0));
            close(sa[x.reviewer]!, sb[x.reviewer]! - c / m);
          }
        }
        // normalized scores of that part move together (+c/m: ranking inside it unchanged); disagreement and fit unchanged
        for (const a of before.applications) {
          const b = after.applications.find((x) => x.application === a.application)!;
          if (a.component !== comp) close(b.normalizedScore, a.normalizedScore);
          else close(b.normalizedScore, a.normalizedScore + (estimable ? c / m : a.scores.some((x) => x.reviewer === target) ? c : 0));
          close(b.disagreement, a.disagreement, 1e-6);
        }
        if (before.residualSd !== null) close(after.residualSd!, before.residualSd, 1e-6);
      }),
    );
  });

  it("adding a constant to every score moves every normalized score by it and no severity; scaling scales everything", () => {
    fc.assert(
      fc.property(designArb, fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 5 }), (scores, c, k) => {
        const base = normalizeSeverity(scores, T);
        const shifted = normalizeSeverity(
          scores.map((x) => ({ ...x, score: x.score + c })),
          T,
        );
        const scaled = normalizeSeverity(
          scores.map((x) => ({ ...x, score: x.score * k })),
          { disagreementThreshold: T.disagreementThreshold * k },
        );
        base.reviewers.forEach((x, j) => {
          close(shifted.reviewers[j]!.severity, x.severity, 1e-6);
          close(scaled.reviewers[j]!.severity, x.severity * k, 1e-6);
          if (x.standardError !== null) close(scaled.reviewers[j]!.standardError!, x.standardError * k, 1e-6);
        });
        base.applications.forEach((a, i) => {
          close(shifted.applications[i]!.normalizedScore, a.normalizedScore + c, 1e-6);
          close(scaled.applications[i]!.normalizedScore, a.normalizedScore * k, 1e-6);
        });
      }),
    );
  });

  it("does not depend on the order of the scores", () => {
    fc.assert(
      fc.property(
        designArb.chain((scores) => fc.tuple(fc.constant(scores), fc.shuffledSubarray(scores, { minLength: scores.length }))),
        ([scores, shuffled]) => {
          const a = normalizeSeverity(scores, T);
          const b = normalizeSeverity(shuffled, T);
          expect(b.components).toEqual(a.components);
          expect(b.needsAnotherRead).toEqual(a.needsAnotherRead);
          a.reviewers.forEach((x, j) => close(b.reviewers[j]!.severity, x.severity, 1e-9));
          a.applications.forEach((x, i) => close(b.applications[i]!.normalizedScore, x.normalizedScore, 1e-9));
        },
      ),
    );
  });
});

// ---- planted severities ----

function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = t;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** n applications, each read by `reads` distinct reviewers of nR; score = quality + severity + N(0, noise²) */
function planted(seed: number, n: number, nR: number, reads: number, noise: number) {
  const rnd = mulberry32(seed);
  const g = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const raw = Array.from({ length: nR }, () => 5 * g());
  const mean = raw.reduce((t, x) => t + x, 0) / nR;
  const severity = raw.map((x) => x - mean);
  const scores: ScoreInput[] = [];
  for (let i = 0; i < n; i++) {
    const q = 60 + 10 * g();
    const pool = Array.from({ length: nR }, (_, j) => j);
    for (let k = 0; k < reads; k++) {
      const j = pool.splice(Math.floor(rnd() * pool.length), 1)[0]!;
      scores.push(s(`a${i}`, `r${j}`, q + severity[j]! + noise * g()));
    }
  }
  return { scores, severity };
}

describe("normalizeSeverity recovers planted severities (statistical)", () => {
  // Stated tolerance: with 600 applications × 30 reviewers × 3 reads (60 scores per reviewer),
  // severity sd 5 and noise sd 3, every estimate lies within 4.5 of its own standard errors of the
  // planted value (under the model a given estimate is that far out with probability about 7e-6), the root-mean-square error is within 0.6–1.5 × the root-mean-square standard
  // error (the errors are honest), and the residual sd is within 10 % of the noise sd. Twenty seeds.
  it.each(Array.from({ length: 20 }, (_, i) => 1000 + i))("seed %i", (seed) => {
    const { scores, severity } = planted(seed, 600, 30, 3, 3);
    const r = normalizeSeverity(scores, T);
    expect(r.components).toHaveLength(1);
    let se2 = 0;
    let err2 = 0;
    for (const x of r.reviewers) {
      const truth = severity[Number(x.reviewer.slice(1))]!;
      const e = x.severity - truth;
      expect(Math.abs(e)).toBeLessThan(4.5 * x.standardError!);
      se2 += x.standardError! ** 2;
      err2 += e * e;
    }
    const ratio = Math.sqrt(err2 / se2);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.5);
    expect(Math.abs(r.residualSd! / 3 - 1)).toBeLessThan(0.1);
  });

  it("across random designs and seeds, no estimate is off by 5 standard errors (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 3, max: 15 }),
        fc.integer({ min: 2, max: 3 }),
        (seed, n, nR, reads) => {
          const { scores, severity } = planted(seed, n, nR, reads, 2);
          const r = normalizeSeverity(scores, T);
          // severities are identified up to a constant per part: compare with the planted ones centred in each part
          const truth = (reviewer: string) => severity[Number(reviewer.slice(1))]!;
          r.components.forEach((c, i) => {
            const centre = c.reviewers.reduce((t, id) => t + truth(id), 0) / c.reviewers.length;
            for (const x of r.reviewers) {
              if (x.component !== i || !x.estimable || x.standardError === null) continue;
              expect(Math.abs(x.severity - (truth(x.reviewer) - centre))).toBeLessThan(5 * x.standardError);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("without noise, recovery is exact (to rounding)", () => {
    const { scores, severity } = planted(7, 200, 12, 2, 0);
    const r = normalizeSeverity(scores, T);
    for (const x of r.reviewers) expect(x.severity).toBeCloseTo(severity[Number(x.reviewer.slice(1))]!, 9);
  });
});
