/**
 * Deterministic instance generator (mulberry32 PRNG, fixed seed).
 * - correlated: hosts share a popularity order (host 0 most popular);
 *   applicants sample candidates biased to popular hosts and rank them by
 *   popularity + noise; hosts rank applicants by a common quality + noise.
 * - uncorrelated: uniform distinct hosts in random order; hosts rank their
 *   applicants in random order.
 * Hosts rank exactly the applicants who ranked them. Total capacity ≈ 0.9 × applicants.
 */
import type { MatchingInstance } from "#src/domain/matching/index.ts";

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  readonly applicants: number;
  readonly hosts: number;
  readonly rank: number;
  readonly correlated: boolean;
  readonly seed?: number;
  readonly regionCaps?: boolean;
}

export function generateInstance(o: GenOptions): MatchingInstance {
  const rnd = mulberry32(o.seed ?? 20260401);
  const nA = o.applicants;
  const nH = o.hosts;
  const avg = (0.9 * nA) / nH;
  const hostIds = Array.from({ length: nH }, (_, h) => `h${h}`);
  const applicantIds = Array.from({ length: nA }, (_, a) => `a${a}`);
  const capacity = Array.from({ length: nH }, () => 1 + Math.floor(rnd() * Math.max(1, 2 * avg - 1)));
  const quality = Float64Array.from({ length: nA }, () => rnd());
  const stamp = new Int32Array(nH).fill(-1);
  const ranked: number[][] = Array.from({ length: nH }, () => []);
  const applicants = applicantIds.map((id, a) => {
    const chosen: number[] = [];
    const score: number[] = [];
    const want = Math.min(o.rank, nH);
    while (chosen.length < want) {
      const u = rnd();
      const h = o.correlated ? Math.floor(nH * u * u) : Math.floor(nH * u);
      if (stamp[h] === a) continue;
      stamp[h] = a;
      chosen.push(h);
      score.push(o.correlated ? -h / nH + 0.3 * rnd() : rnd());
    }
    const order = chosen.map((_, i) => i).sort((x, y) => score[y]! - score[x]!);
    const prefs = order.map((i) => chosen[i]!);
    for (const h of prefs) ranked[h]!.push(a);
    return { id, preferences: prefs.map((h) => hostIds[h]!) };
  });
  const hosts = hostIds.map((id, h) => {
    const list = ranked[h]!;
    const key = new Map(list.map((a) => [a, o.correlated ? quality[a]! + 0.2 * rnd() : rnd()]));
    list.sort((x, y) => key.get(y)! - key.get(x)!);
    const region = `r${h % 10}`;
    return { id, capacity: capacity[h]!, ...(o.regionCaps ? { region } : {}), preferences: list.map((a) => applicantIds[a]!) };
  });
  if (!o.regionCaps) return { applicants, hosts };
  const regionCaps: Record<string, number> = {};
  for (let r = 0; r < 10; r++) regionCaps[`r${r}`] = Math.floor((0.8 * nA) / 10);
  return { applicants, hosts, regionCaps };
}
