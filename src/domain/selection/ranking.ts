/**
 * The committee's combined ranking: the normalized document score and the
 * interview stage scores, each on its own scale, combined with the round's
 * weights into one score from 0 to 100, then ordered with explicit
 * tie-breaks. See ADR 0013.
 *
 * - Each component k has a scale [min, max]; its value x becomes
 *   s = (x − min) / (max − min) ∈ [0, 1]. A value outside the scale (or not a
 *   finite number) is refused: the candidate is listed as `invalid_score`.
 * - A missing component follows the round's rule for that component:
 *   "exclude" (the candidate is not ranked: `missing_score`), "minimum"
 *   (counts as the bottom of the scale, s = 0) or "reweight" (left out; the
 *   other components' weights are used alone).
 * - score = 100 × Σ wₖ·sₖ / Σ wₖ over the counted components, rounded to
 *   6 decimals (kept as an integer number of millionths, `scoreMicro`), so
 *   two candidates whose scores differ only by floating-point noise tie.
 * - Order: higher scoreMicro first; then, for each component named in
 *   `tieBreak` in that order, the higher scaled value (missing lowest, same
 *   6-decimal rounding); then the lower `tieBreakKey` (e.g. the submission
 *   instant as ISO text: earlier first; a candidate without one comes after
 *   those with one); then the lower id (code-unit order). The result does not depend on the input order.
 */

export type MissingScoreRule = "exclude" | "minimum" | "reweight";

export interface ScoreComponent {
  /** e.g. "document", "interview_first", "interview_second" */
  readonly key: string;
  /** relative weight, finite and ≥ 0 (e.g. percentage points) */
  readonly weight: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly whenMissing: MissingScoreRule;
}

export interface RankingRules {
  readonly components: readonly ScoreComponent[];
  /** component keys compared, in order, when combined scores tie */
  readonly tieBreak?: readonly string[];
}

export interface ScoredCandidate {
  readonly id: string;
  /** carried through to the selection (nationality, region, field, …) */
  readonly attributes: Readonly<Record<string, string>>;
  /** component key → value on that component's scale; null or absent = missing */
  readonly scores: Readonly<Record<string, number | null | undefined>>;
  /** compared ascending after the tie-break components, before the id */
  readonly tieBreakKey?: string;
}

export interface ComponentScore {
  readonly key: string;
  readonly value: number | null;
  /** (value − min) / (max − min), or 0 when counted as the minimum, or null when left out */
  readonly scaled: number | null;
  readonly weight: number;
  /** "score": counted with its value; "as_minimum": missing, counted as 0; "reweighted": missing, left out */
  readonly counted: "score" | "as_minimum" | "reweighted";
}

export type TieBreakRule = { readonly kind: "component"; readonly key: string } | { readonly kind: "tie_break_key" } | { readonly kind: "id" };

export interface RankedCandidate {
  readonly id: string;
  /** 1-based position in the ranking (no two candidates share one) */
  readonly position: number;
  /** 0–100, 6 decimals */
  readonly score: number;
  /** score × 10⁶ as an integer: what the order compares */
  readonly scoreMicro: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly components: readonly ComponentScore[];
  /** set when this candidate's score equals the previous one's: which rule put the previous one first */
  readonly tieBrokenBy: { readonly previous: string; readonly rule: TieBreakRule } | null;
}

export type RankingExclusion =
  | { readonly id: string; readonly code: "missing_score"; readonly component: string }
  | { readonly id: string; readonly code: "invalid_score"; readonly component: string; readonly value: number }
  /** every component is missing and left out: nothing to rank on */
  | { readonly id: string; readonly code: "no_scores" };

export interface RankingResult {
  readonly ranked: readonly RankedCandidate[];
  /** sorted by id */
  readonly excluded: readonly RankingExclusion[];
}

export type RankingRulesIssue =
  | { readonly code: "no_components" }
  | { readonly code: "duplicate_component"; readonly key: string }
  | { readonly code: "invalid_weight"; readonly key: string }
  | { readonly code: "invalid_scale"; readonly key: string }
  | { readonly code: "all_weights_zero" }
  | { readonly code: "unknown_tie_break_component"; readonly key: string };

export function validateRankingRules(rules: RankingRules): RankingRulesIssue[] {
  const issues: RankingRulesIssue[] = [];
  if (rules.components.length === 0) issues.push({ code: "no_components" });
  const keys = new Set<string>();
  for (const c of rules.components) {
    if (keys.has(c.key)) issues.push({ code: "duplicate_component", key: c.key });
    keys.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight < 0) issues.push({ code: "invalid_weight", key: c.key });
    if (!Number.isFinite(c.scale.min) || !Number.isFinite(c.scale.max) || c.scale.min >= c.scale.max) issues.push({ code: "invalid_scale", key: c.key });
  }
  if (rules.components.length > 0 && rules.components.every((c) => !(c.weight > 0))) issues.push({ code: "all_weights_zero" });
  for (const k of rules.tieBreak ?? []) if (!keys.has(k)) issues.push({ code: "unknown_tie_break_component", key: k });
  return issues;
}

const MICRO = 1_000_000;

/** Precondition: `validateRankingRules(rules)` is empty and ids are unique (else throws RangeError). */
export function rankCandidates(rules: RankingRules, candidates: readonly ScoredCandidate[]): RankingResult {
  const problems = validateRankingRules(rules);
  if (problems.length > 0) throw new RangeError(`invalid ranking rules: ${problems.map((p) => p.code).join(", ")}`);
  const seen = new Set<string>();
  const excluded: RankingExclusion[] = [];
  const tieKeys = rules.tieBreak ?? [];
  const tieComponent = tieKeys.map((k) => rules.components.findIndex((c) => c.key === k));
  const T = tieKeys.length;

  // kept candidates, as parallel arrays (the sort compares numbers, allocates nothing)
  const kept: ScoredCandidate[] = [];
  const keptComponents: ComponentScore[][] = [];
  const micro: number[] = [];
  const ties: number[] = [];

  for (const c of candidates) {
    if (seen.has(c.id)) throw new RangeError(`duplicate candidate id ${c.id}`);
    seen.add(c.id);
    const components: ComponentScore[] = [];
    let numerator = 0;
    let denominator = 0;
    let out: RankingExclusion | null = null;
    for (const k of rules.components) {
      const raw = c.scores[k.key];
      if (raw === null || raw === undefined) {
        if (k.whenMissing === "exclude") {
          out ??= { id: c.id, code: "missing_score", component: k.key };
          continue;
        }
        if (k.whenMissing === "minimum") {
          components.push({ key: k.key, value: null, scaled: 0, weight: k.weight, counted: "as_minimum" });
          denominator += k.weight;
        } else {
          components.push({ key: k.key, value: null, scaled: null, weight: k.weight, counted: "reweighted" });
        }
        continue;
      }
      if (!Number.isFinite(raw) || raw < k.scale.min || raw > k.scale.max) {
        out ??= { id: c.id, code: "invalid_score", component: k.key, value: raw };
        continue;
      }
      const scaled = (raw - k.scale.min) / (k.scale.max - k.scale.min);
      components.push({ key: k.key, value: raw, scaled, weight: k.weight, counted: "score" });
      numerator += k.weight * scaled;
      denominator += k.weight;
    }
    if (!out && !(denominator > 0)) out = { id: c.id, code: "no_scores" };
    if (out) {
      excluded.push(out);
      continue;
    }
    kept.push(c);
    keptComponents.push(components);
    micro.push(Math.round(((100 * numerator) / denominator) * MICRO));
    // components are pushed in rule order whenever the candidate is kept, so the index is the rule's
    for (let t = 0; t < T; t++) {
      const s = components[tieComponent[t]!]!.scaled;
      ties.push(s === null ? -1 : Math.round(100 * s * MICRO));
    }
  }

  const order = Array.from({ length: kept.length }, (_, i) => i);
  const compare = (a: number, b: number): number => {
    if (micro[a] !== micro[b]) return micro[b]! - micro[a]!;
    for (let t = 0; t < T; t++) {
      const x = ties[a * T + t]!;
      const y = ties[b * T + t]!;
      if (x !== y) return y - x;
    }
    const ka = kept[a]!.tieBreakKey;
    const kb = kept[b]!.tieBreakKey;
    // a candidate with a key comes before one without (missing sorts last), so the order stays transitive
    if (ka !== kb) return ka === undefined ? 1 : kb === undefined ? -1 : ka < kb ? -1 : 1;
    const ia = kept[a]!.id;
    const ib = kept[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  /** which rule put `a` before `b` when their scores are equal */
  const tieRule = (a: number, b: number): TieBreakRule => {
    for (let t = 0; t < T; t++) if (ties[a * T + t] !== ties[b * T + t]) return { kind: "component", key: tieKeys[t]! };
    return kept[a]!.tieBreakKey !== kept[b]!.tieBreakKey ? { kind: "tie_break_key" } : { kind: "id" };
  };
  order.sort(compare);

  const ranked: RankedCandidate[] = order.map((k, i) => {
    const prev = i > 0 ? order[i - 1]! : -1;
    const c = kept[k]!;
    return {
      id: c.id,
      position: i + 1,
      score: micro[k]! / MICRO,
      scoreMicro: micro[k]!,
      attributes: c.attributes,
      components: keptComponents[k]!,
      tieBrokenBy: prev >= 0 && micro[prev] === micro[k] ? { previous: kept[prev]!.id, rule: tieRule(prev, k) } : null,
    };
  });
  excluded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ranked, excluded };
}
