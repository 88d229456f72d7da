/**
 * Reviewer severity normalization (ADR 0012).
 *
 * Model: score(i, j) = quality_i + severity_j + noise, for application i and
 * reviewer j, fitted by least squares over the scores given. Severity is the
 * reviewer's offset: positive = scores above what other reviewers give the
 * same applications (lenient), negative = harsh. Only differences between
 * reviewers who are connected (read common applications, directly or through
 * others) are identified, so the design is split into connected parts and in
 * each part the severities sum to zero.
 *
 * Solving: quality is eliminated (quality_i = mean over i's reviewers of
 * score − severity), which leaves, per part, the reviewers' system
 * L s = b with L = Σ_i (diag(1 over i's reviewers) − 11ᵀ/n_i) (a weighted
 * Laplacian of the co-review graph; applications read once add nothing) and
 * b_j = Σ_{i read by j} (score_ij − mean score of i). L is singular along the
 * all-ones vector only when the part is connected, so (L + 11ᵀ/m) s = b is
 * positive definite and its solution satisfies Σ s = 0 (Σ b = 0).
 * Uncertainty: with independent noise of variance σ², Cov(ŝ) = σ² L⁺ (the
 * pseudo-inverse), and (L + 11ᵀ/m)⁻¹ = L⁺ + 11ᵀ/m, so the standard error of
 * reviewer j is σ̂ · sqrt((L + 11ᵀ/m)⁻¹_jj − 1/m). σ̂² is pooled over all
 * parts: residual sum of squares / (scores − applications − Σ (reviewers − 1)).
 *
 * Per application: the raw scores, the adjusted scores (score − severity of
 * its reviewer), the normalized score (their mean = estimated quality), the
 * disagreement (largest − smallest adjusted score) and a flag when the
 * disagreement exceeds the threshold; flagged applications need one more read.
 */
import { cholesky, choleskySolve, inverseDiagonal } from "./spd-matrix.ts";

export interface ScoreInput {
  readonly application: string;
  readonly reviewer: string;
  /** the reviewer's score for the application (e.g. a rubric mean) */
  readonly score: number;
}

export interface NormalizationOptions {
  /** flag an application whose adjusted scores spread more than this (score units, >= 0) */
  readonly disagreementThreshold: number;
}

export interface ReviewerStatistics {
  readonly reviewer: string;
  readonly count: number;
  readonly mean: number;
  /** sample standard deviation of the raw scores; null with fewer than 2 */
  readonly sd: number | null;
  /** the reviewer's offset in score = quality + severity + noise; 0 when not estimable */
  readonly severity: number;
  /** standard error of `severity`; null when it cannot be estimated (alone in its part, or no residual degrees of freedom) */
  readonly standardError: number | null;
  /** false when the reviewer shares no application with another reviewer */
  readonly estimable: boolean;
  /** index into `components` */
  readonly component: number;
}

export interface ApplicationNormalization {
  readonly application: string;
  /** sorted by reviewer; adjusted = score − severity */
  readonly scores: readonly { readonly reviewer: string; readonly score: number; readonly adjusted: number }[];
  readonly rawMean: number;
  /** estimated quality: mean of the adjusted scores */
  readonly normalizedScore: number;
  /** largest − smallest adjusted score (0 with one score) */
  readonly disagreement: number;
  readonly flagged: boolean;
  readonly component: number;
}

export interface DesignComponent {
  /** sorted */
  readonly reviewers: readonly string[];
  readonly applications: number;
  readonly scores: number;
}

export interface NormalizationResult {
  /** sorted by reviewer */
  readonly reviewers: readonly ReviewerStatistics[];
  /** sorted by application */
  readonly applications: readonly ApplicationNormalization[];
  /** connected parts of the design, largest first (then by first reviewer); normalized scores compare fully only within one */
  readonly components: readonly DesignComponent[];
  /** pooled residual standard deviation; null without residual degrees of freedom */
  readonly residualSd: number | null;
  readonly degreesOfFreedom: number;
  /** flagged applications, sorted by disagreement (largest first), then id */
  readonly needsAnotherRead: readonly string[];
}

export type NormalizationInputProblem =
  | { readonly code: "EMPTY_ID"; readonly index: number }
  | { readonly code: "NOT_A_NUMBER"; readonly index: number }
  | { readonly code: "DUPLICATE_SCORE"; readonly index: number; readonly application: string; readonly reviewer: string }
  | { readonly code: "BAD_THRESHOLD" };

export function validateNormalizationInput(scores: readonly ScoreInput[], options: NormalizationOptions): NormalizationInputProblem[] {
  const problems: NormalizationInputProblem[] = [];
  if (!(options.disagreementThreshold >= 0) || !Number.isFinite(options.disagreementThreshold)) problems.push({ code: "BAD_THRESHOLD" });
  const seen = new Set<string>();
  scores.forEach((s, index) => {
    if (s.application === "" || s.reviewer === "") problems.push({ code: "EMPTY_ID", index });
    if (typeof s.score !== "number" || !Number.isFinite(s.score)) problems.push({ code: "NOT_A_NUMBER", index });
    const key = JSON.stringify([s.application, s.reviewer]);
    if (seen.has(key)) problems.push({ code: "DUPLICATE_SCORE", index, application: s.application, reviewer: s.reviewer });
    seen.add(key);
  });
  return problems;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Precondition: validateNormalizationInput(scores, options) is empty. */
export function normalizeSeverity(scores: readonly ScoreInput[], options: NormalizationOptions): NormalizationResult {
  const appIds = [...new Set(scores.map((s) => s.application))].sort(byCodeUnit);
  const revIds = [...new Set(scores.map((s) => s.reviewer))].sort(byCodeUnit);
  const nA = appIds.length;
  const nR = revIds.length;
  const aIdx = new Map(appIds.map((id, i) => [id, i]));
  const rIdx = new Map(revIds.map((id, j) => [id, j]));

  // scores grouped by application (CSR), reviewers in id order within each
  const n = scores.length;
  const app = new Int32Array(n);
  const rev = new Int32Array(n);
  const y = new Float64Array(n);
  scores.forEach((s, k) => {
    app[k] = aIdx.get(s.application)!;
    rev[k] = rIdx.get(s.reviewer)!;
    y[k] = s.score;
  });
  const order = Int32Array.from(scores.keys()).sort((p, q) => app[p]! - app[q]! || rev[p]! - rev[q]!);
  const start = new Int32Array(nA + 1);
  for (let k = 0; k < n; k++) start[app[k]! + 1]!++;
  for (let i = 0; i < nA; i++) start[i + 1]! += start[i]!;

  // connected parts: union-find over reviewers joined through shared applications
  const parent = Int32Array.from({ length: nR }, (_, j) => j);
  const find = (j: number): number => {
    while (parent[j] !== j) j = parent[j] = parent[parent[j]!]!;
    return j;
  };
  for (let i = 0; i < nA; i++) {
    const first = rev[order[start[i]!]!]!;
    for (let t = start[i]! + 1; t < start[i + 1]!; t++) parent[find(rev[order[t]!]!)] = find(first);
  }
  const members = new Map<number, number[]>();
  for (let j = 0; j < nR; j++) {
    const root = find(j);
    const list = members.get(root) ?? [];
    list.push(j);
    members.set(root, list);
  }
  const parts = [...members.values()].sort((p, q) => q.length - p.length || p[0]! - q[0]!);
  const partOf = new Int32Array(nR);
  const posInPart = new Int32Array(nR);
  parts.forEach((list, c) => list.forEach((j, p) => ((partOf[j] = c), (posInPart[j] = p))));

  // per part: L and b
  const mats = parts.map((list) => new Float64Array(list.length * list.length));
  const rhs = parts.map((list) => new Float64Array(list.length));
  const appMean = new Float64Array(nA);
  for (let i = 0; i < nA; i++) {
    const a = start[i]!;
    const b = start[i + 1]!;
    const ni = b - a;
    let sum = 0;
    for (let t = a; t < b; t++) sum += y[order[t]!]!;
    appMean[i] = sum / ni;
    if (ni < 2) continue;
    const c = partOf[rev[order[a]!]!]!;
    const m = parts[c]!.length;
    const L = mats[c]!;
    const rb = rhs[c]!;
    for (let t = a; t < b; t++) {
      const pj = posInPart[rev[order[t]!]!]!;
      rb[pj]! += y[order[t]!]! - appMean[i]!;
      for (let u = a; u < b; u++) {
        const pk = posInPart[rev[order[u]!]!]!;
        L[pj * m + pk]! += (pj === pk ? 1 : 0) - 1 / ni;
      }
    }
  }

  // solve each part with Σ severity = 0; diagonal of L⁺ for the standard errors
  const severity = new Float64Array(nR);
  const lPlusDiag = new Float64Array(nR).fill(NaN);
  parts.forEach((list, c) => {
    const m = list.length;
    if (m < 2) return;
    const A = mats[c]!;
    for (let p = 0; p < m * m; p++) A[p]! += 1 / m;
    const chol = cholesky(A, m);
    if (chol === null) throw new Error("severity normalization: internal error, a connected part gave a singular system");
    const s = choleskySolve(chol, m, rhs[c]!);
    const inv = inverseDiagonal(chol, m);
    list.forEach((j, p) => {
      severity[j] = s[p]!;
      // (L + 11ᵀ/m)⁻¹ = L⁺ + 11ᵀ/m (1 is an eigenvector of both, eigenvalue 0 of L), so L⁺_jj = inv_jj − 1/m
      lPlusDiag[j] = inv[p]! - 1 / m;
    });
  });

  // residuals, pooled σ
  let rss = 0;
  const normalized = new Float64Array(nA);
  for (let i = 0; i < nA; i++) {
    let sum = 0;
    for (let t = start[i]!; t < start[i + 1]!; t++) sum += y[order[t]!]! - severity[rev[order[t]!]!]!;
    normalized[i] = sum / (start[i + 1]! - start[i]!);
    for (let t = start[i]!; t < start[i + 1]!; t++) rss += (y[order[t]!]! - severity[rev[order[t]!]!]! - normalized[i]!) ** 2;
  }
  const df = n - nA - parts.reduce((s, list) => s + list.length - 1, 0);
  const sigma = df > 0 ? Math.sqrt(rss / df) : null;

  // reviewer statistics
  const count = new Int32Array(nR);
  const sum = new Float64Array(nR);
  for (let k = 0; k < n; k++) {
    count[rev[k]!]!++;
    sum[rev[k]!]! += y[k]!;
  }
  const sq = new Float64Array(nR);
  for (let k = 0; k < n; k++) sq[rev[k]!]! += (y[k]! - sum[rev[k]!]! / count[rev[k]!]!) ** 2;
  const reviewers: ReviewerStatistics[] = revIds.map((reviewer, j) => {
    const estimable = parts[partOf[j]!]!.length > 1;
    return {
      reviewer,
      count: count[j]!,
      mean: sum[j]! / count[j]!,
      sd: count[j]! > 1 ? Math.sqrt(sq[j]! / (count[j]! - 1)) : null,
      severity: severity[j]!,
      standardError: estimable && sigma !== null ? sigma * Math.sqrt(Math.max(0, lPlusDiag[j]!)) : null,
      estimable,
      component: partOf[j]!,
    };
  });

  const applications: ApplicationNormalization[] = appIds.map((application, i) => {
    const rows: { reviewer: string; score: number; adjusted: number }[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    let raw = 0;
    for (let t = start[i]!; t < start[i + 1]!; t++) {
      const k = order[t]!;
      const adjusted = y[k]! - severity[rev[k]!]!;
      rows.push({ reviewer: revIds[rev[k]!]!, score: y[k]!, adjusted });
      lo = Math.min(lo, adjusted);
      hi = Math.max(hi, adjusted);
      raw += y[k]!;
    }
    const disagreement = rows.length > 1 ? hi - lo : 0;
    return {
      application,
      scores: rows,
      rawMean: raw / rows.length,
      normalizedScore: normalized[i]!,
      disagreement,
      flagged: disagreement > options.disagreementThreshold,
      component: partOf[rev[order[start[i]!]!]!]!,
    };
  });

  const components: DesignComponent[] = parts.map((list) => ({ reviewers: list.map((j) => revIds[j]!), applications: 0, scores: 0 }));
  const tally = parts.map(() => ({ applications: 0, scores: 0 }));
  for (const a of applications) {
    tally[a.component]!.applications++;
    tally[a.component]!.scores += a.scores.length;
  }
  const needsAnotherRead = applications
    .filter((a) => a.flagged)
    .sort((p, q) => q.disagreement - p.disagreement || byCodeUnit(p.application, q.application))
    .map((a) => a.application);
  return {
    reviewers,
    applications,
    components: components.map((c, i) => ({ ...c, ...tally[i]! })),
    residualSd: sigma,
    degreesOfFreedom: df,
    needsAnotherRead,
  };
}
