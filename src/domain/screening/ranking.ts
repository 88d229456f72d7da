/**
 * Ranking of applications by normalized score, deterministic whatever the
 * input order. Scores are compared after rounding to 9 decimals (least-squares
 * estimates of equal applications can differ in the last bits), then ties are
 * broken by: raw mean (higher first, same rounding), number of reads (more
 * first), application id (code-unit order).
 *
 * `position` is 1…n in that order; `rank` is the standard competition rank
 * on the normalized score alone (1, 2, 2, 4): applications tied on it share a
 * rank, and `tieBroken` says their order came from the tie-breaks.
 */

export interface RankingInput {
  readonly application: string;
  readonly normalizedScore: number;
  readonly rawMean: number;
  /** number of scores */
  readonly reads: number;
}

export interface RankedApplication extends RankingInput {
  readonly position: number;
  readonly rank: number;
  /** another application has the same (rounded) normalized score */
  readonly tieBroken: boolean;
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

export function rankApplications(entries: readonly RankingInput[]): RankedApplication[] {
  const keyed = entries.map((e) => ({ e, score: round9(e.normalizedScore), raw: round9(e.rawMean) }));
  keyed.sort(
    (x, y) =>
      y.score - x.score || y.raw - x.raw || y.e.reads - x.e.reads || (x.e.application < y.e.application ? -1 : x.e.application > y.e.application ? 1 : 0),
  );
  const out: RankedApplication[] = [];
  let rank = 0;
  keyed.forEach((k, i) => {
    if (i === 0 || k.score !== keyed[i - 1]!.score) rank = i + 1;
    const tieBroken = (i > 0 && keyed[i - 1]!.score === k.score) || (i + 1 < keyed.length && keyed[i + 1]!.score === k.score);
    out.push({ ...k.e, position: i + 1, rank, tieBroken });
  });
  return out;
}
