/**
 * Rubrics: criteria with weights on one scale (e.g. 1–5 in steps of 1), the
 * validation of a reviewer's score set against it, and the weighted total.
 *
 * total = Σ weight × score over the criteria; mean = total / Σ weight (a
 * weighted mean on the rubric's own scale, what severity normalization and
 * ranking use). Both are rounded to 9 decimals so decimal weights such as 0.1
 * give stable figures.
 */

export interface RubricCriterion {
  readonly id: string;
  /** a positive, finite number */
  readonly weight: number;
}

export interface RubricScale {
  readonly min: number;
  readonly max: number;
  /** allowed scores are min, min + step, …, max (step > 0 dividing max − min) */
  readonly step: number;
}

export interface Rubric {
  readonly criteria: readonly RubricCriterion[];
  readonly scale: RubricScale;
}

export type RubricProblem =
  | { readonly code: "NO_CRITERIA" }
  | { readonly code: "EMPTY_CRITERION_ID"; readonly index: number }
  | { readonly code: "DUPLICATE_CRITERION"; readonly criterion: string }
  | { readonly code: "BAD_WEIGHT"; readonly criterion: string; readonly weight: number }
  | { readonly code: "BAD_SCALE"; readonly min: number; readonly max: number; readonly step: number };

export interface CriterionScore {
  readonly criterion: string;
  readonly score: number;
}

export type ScoreProblem =
  | { readonly code: "UNKNOWN_CRITERION"; readonly criterion: string }
  | { readonly code: "DUPLICATE_CRITERION"; readonly criterion: string }
  | { readonly code: "MISSING_CRITERION"; readonly criterion: string }
  | { readonly code: "NOT_A_NUMBER"; readonly criterion: string }
  | { readonly code: "OUT_OF_SCALE"; readonly criterion: string; readonly score: number; readonly min: number; readonly max: number }
  | { readonly code: "OFF_STEP"; readonly criterion: string; readonly score: number; readonly step: number };

const EPS = 1e-9;
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Problems with a rubric itself (empty = usable). */
export function validateRubric(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  if (rubric.criteria.length === 0) problems.push({ code: "NO_CRITERIA" });
  const seen = new Set<string>();
  rubric.criteria.forEach((c, index) => {
    if (c.id === "") problems.push({ code: "EMPTY_CRITERION_ID", index });
    else if (seen.has(c.id)) problems.push({ code: "DUPLICATE_CRITERION", criterion: c.id });
    seen.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight <= 0) problems.push({ code: "BAD_WEIGHT", criterion: c.id, weight: c.weight });
  });
  const { min, max, step } = rubric.scale;
  const steps = (max - min) / step;
  if (![min, max, step].every(Number.isFinite) || !(min < max) || !(step > 0) || Math.abs(steps - Math.round(steps)) > EPS * Math.max(1, steps)) {
    problems.push({ code: "BAD_SCALE", min, max, step });
  }
  return problems;
}

/** The scores allowed on the scale, ascending. Precondition: the scale is valid. */
export function scaleValues(scale: RubricScale): number[] {
  const n = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: n + 1 }, (_, i) => round9(scale.min + i * scale.step));
}

/**
 * Problems with one reviewer's score set, in rubric order then input order.
 * `complete: false` (a draft) accepts missing criteria; every given score must
 * still be valid. Precondition: validateRubric(rubric) is empty.
 */
export function validateScores(rubric: Rubric, scores: readonly CriterionScore[], options: { readonly complete?: boolean } = {}): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const known = new Set(rubric.criteria.map((c) => c.id));
  const given = new Set<string>();
  const { min, max, step } = rubric.scale;
  for (const { criterion, score } of scores) {
    if (!known.has(criterion)) {
      problems.push({ code: "UNKNOWN_CRITERION", criterion });
      continue;
    }
    if (given.has(criterion)) {
      problems.push({ code: "DUPLICATE_CRITERION", criterion });
      continue;
    }
    given.add(criterion);
    if (typeof score !== "number" || !Number.isFinite(score)) problems.push({ code: "NOT_A_NUMBER", criterion });
    else if (score < min - EPS || score > max + EPS) problems.push({ code: "OUT_OF_SCALE", criterion, score, min, max });
    else {
      const k = (score - min) / step;
      if (Math.abs(k - Math.round(k)) > EPS * Math.max(1, k)) problems.push({ code: "OFF_STEP", criterion, score, step });
    }
  }
  if (options.complete ?? true) {
    for (const c of rubric.criteria) if (!given.has(c.id)) problems.push({ code: "MISSING_CRITERION", criterion: c.id });
  }
  return problems;
}

export type RubricTotal =
  | {
      readonly ok: true;
      /** Σ weight × score */
      readonly total: number;
      /** total / Σ weight: on the rubric's scale */
      readonly mean: number;
      /** the totals of all-minimum and all-maximum scores */
      readonly minTotal: number;
      readonly maxTotal: number;
    }
  | { readonly ok: false; readonly problems: readonly ScoreProblem[] };

/** The weighted total of a complete, valid score set; otherwise its problems. */
export function rubricTotal(rubric: Rubric, scores: readonly CriterionScore[]): RubricTotal {
  const problems = validateScores(rubric, scores);
  if (problems.length > 0) return { ok: false, problems };
  const byCriterion = new Map(scores.map((s) => [s.criterion, s.score]));
  let total = 0;
  let weights = 0;
  for (const c of rubric.criteria) {
    total += c.weight * byCriterion.get(c.id)!;
    weights += c.weight;
  }
  return {
    ok: true,
    total: round9(total),
    mean: round9(total / weights),
    minTotal: round9(weights * rubric.scale.min),
    maxTotal: round9(weights * rubric.scale.max),
  };
}
