/**
 * Deterministic selection instances (mulberry32, fixed seed): candidates with
 * a nationality (skewed like the program's applicant pool: Viet Nam and
 * Indonesia large, Africa and Latin America small), its world region, a field,
 * and document / interview scores whose mean is lower for the small regions,
 * so that regional minimums bind deep in the ranking.
 */
import type { ScoredCandidate } from "#src/domain/selection/index.ts";
import { mulberry32 } from "../matching/generate.ts";

const NATIONALITIES: readonly (readonly [code: string, region: string, weight: number])[] = [
  ["VN", "asia", 30],
  ["ID", "asia", 15],
  ["PH", "asia", 8],
  ["IN", "asia", 8],
  ["TH", "asia", 6],
  ["MM", "asia", 5],
  ["BD", "asia", 4],
  ["LK", "asia", 3],
  ["NP", "asia", 3],
  ["MN", "asia", 2],
  ["KE", "africa", 3],
  ["NG", "africa", 3],
  ["GH", "africa", 2],
  ["ET", "africa", 1],
  ["PE", "latin_america", 2],
  ["CO", "latin_america", 2],
  ["MX", "latin_america", 2],
  ["EG", "middle_east", 1],
];
export const FIELDS = ["engineering", "it", "business", "agriculture", "public_health", "design", "tourism", "energy"] as const;
const MEAN_BY_REGION: Record<string, number> = { asia: 0.55, africa: 0.35, latin_america: 0.4, middle_east: 0.45 };

export function generateCandidates(n: number, seed = 20270601): ScoredCandidate[] {
  const rnd = mulberry32(seed);
  const total = NATIONALITIES.reduce((s, x) => s + x[2], 0);
  const pick = () => {
    let r = rnd() * total;
    for (const x of NATIONALITIES) if ((r -= x[2]) < 0) return x;
    return NATIONALITIES[0]!;
  };
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return Array.from({ length: n }, (_, i) => {
    const [nationality, region] = pick();
    const field = FIELDS[Math.floor(rnd() ** 1.6 * FIELDS.length)]!;
    const mean = MEAN_BY_REGION[region]!;
    const noise = () => (rnd() + rnd() + rnd() - 1.5) * 0.3;
    return {
      id: `a${String(i).padStart(5, "0")}`,
      attributes: { nationality, region, field },
      scores: {
        document: Math.round(clamp(mean + noise()) * 1000) / 10,
        interview_first: 1 + Math.round(clamp(mean + noise()) * 40) / 10,
        interview_second: rnd() < 0.1 ? null : 1 + Math.round(clamp(mean + noise()) * 40) / 10,
      },
    };
  });
}
