/**
 * Test helpers for selection: small random instances (fast-check) and a
 * brute force written from the definitions in ADR 0013, independent of the
 * flow network: enumerate every subset, keep the admissible ones, take the
 * lexicographically smallest shortfall vector, then the lexicographically
 * best set in rank order.
 */
import fc from "fast-check";
import { feasibleCirculation, type BoundedEdge } from "#src/domain/selection/flow.ts";
import { expandQuotas, inGroup, type Candidate, type QuotaRef, type QuotaRule } from "#src/domain/selection/index.ts";
import { groupMembers } from "#src/domain/selection/quota-groups.ts";
import { buildQuotaNetwork } from "#src/domain/selection/quota-network.ts";

export const REGION: Record<string, string> = { VN: "asia", ID: "asia", PH: "asia", KE: "africa", NG: "africa" };

export interface Instance {
  readonly candidates: Candidate[];
  readonly places: number;
  readonly quotas: QuotaRule[];
}

const candidateArb = (withGender: boolean) =>
  fc
    .record({
      nationality: fc.constantFrom("VN", "ID", "PH", "KE", "NG"),
      field: fc.constantFrom("it", "agri", "biz"),
      gender: fc.constantFrom("f", "m"),
    })
    .map(({ nationality, field, gender }) => ({
      nationality,
      region: REGION[nationality]!,
      field,
      ...(withGender ? { gender } : {}),
    }));

const count = (max: number) => fc.integer({ min: 0, max });

/** Quota rules from the shapes a round uses; `crossing` adds ones that may not split into two nested families. */
export const quotaArb = (crossing: boolean): fc.Arbitrary<QuotaRule> =>
  fc.oneof(
    count(3).map((c): QuotaRule => ({ kind: "max", count: c, attribute: "nationality", per: "each" })),
    fc
      .tuple(count(2), fc.constantFrom("VN", "KE"))
      .map(([c, v]): QuotaRule => ({ kind: "max", count: c, attribute: "nationality", per: "group", values: [v] })),
    fc
      .tuple(count(3), fc.constantFrom("asia", "africa"))
      .map(([c, v]): QuotaRule => ({ kind: "min", count: c, attribute: "region", per: "group", values: [v] })),
    count(2).map((c): QuotaRule => ({ kind: "min", count: c, attribute: "region", per: "each" })),
    count(2).map((c): QuotaRule => ({ kind: "min", count: c, attribute: "field", per: "each" })),
    count(3).map((c): QuotaRule => ({ kind: "max", count: c, attribute: "field", per: "each" })),
    fc.tuple(count(2), fc.constantFrom("it", "agri")).map(([c, v]): QuotaRule => ({ kind: "min", count: c, attribute: "field", per: "group", values: [v] })),
    fc.tuple(count(3)).map(([c]): QuotaRule => ({ kind: "min", count: c, attribute: "nationality", per: "group", values: ["VN", "ID"] })),
    ...(crossing
      ? [
          count(2).map((c): QuotaRule => ({ kind: "min", count: c, attribute: "gender", per: "group", values: ["f"] })),
          count(3).map((c): QuotaRule => ({ kind: "max", count: c, attribute: "gender", per: "each" })),
          count(2).map((c): QuotaRule => ({ kind: "min", count: c, attribute: "nationality", per: "group", values: ["VN", "KE"] })),
        ]
      : []),
  );

export const instanceArb = (opts: { maxCandidates?: number; crossing?: boolean } = {}): fc.Arbitrary<Instance> => {
  const { maxCandidates = 9, crossing = false } = opts;
  return fc
    .record({
      attrs: fc.array(candidateArb(crossing), { maxLength: maxCandidates }),
      places: fc.integer({ min: 0, max: 6 }),
      quotas: fc.array(quotaArb(crossing), { maxLength: 4 }),
    })
    .map(({ attrs, places, quotas }) => ({
      // ids whose string order differs from rank order
      candidates: attrs.map((attributes, i) => ({ id: `c${(i * 7) % 10}${i}`, attributes })),
      places,
      quotas,
    }));
};

export interface BruteForce {
  /** ids in rank order */
  readonly selected: string[];
  /** per expanded quota: min(count, limit) for minimums in the chosen set (the "achievable" values); null for maximums */
  readonly achieved: (number | null)[];
  /** whether some admissible selection meets every minimum */
  readonly allMinimumsMeetable: boolean;
}

export function bruteForce(inst: Instance): BruteForce {
  const { candidates, places } = inst;
  const refs: QuotaRef[] = expandQuotas(inst.quotas, candidates);
  const inRef = refs.map((ref) => candidates.map((c) => inGroup(ref, c)));
  const n = candidates.length;
  let bestVec: number[] | null = null;
  let bestMask = -1;
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) size++;
    if (size > places) continue;
    const counts = refs.map((_, r) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i) && inRef[r]![i]) k++;
      return k;
    });
    if (refs.some((ref, r) => ref.kind === "max" && counts[r]! > ref.limit)) continue;
    // clamped minimum counts, larger is better, compared in priority order
    const vec = refs.map((ref, r) => (ref.kind === "min" ? Math.min(counts[r]!, ref.limit) : 0));
    const cmpVec = bestVec === null ? 1 : compareLex(vec, bestVec);
    if (cmpVec > 0 || (cmpVec === 0 && rankKey(mask, n) > rankKey(bestMask, n))) {
      bestVec = vec;
      bestMask = mask;
    }
  }
  const selected = candidates.filter((_, i) => bestMask & (1 << i)).map((c) => c.id);
  const achieved = refs.map((ref, r) => (ref.kind === "min" ? bestVec![r]! : null));
  return { selected, achieved, allMinimumsMeetable: refs.every((ref, r) => ref.kind === "max" || bestVec![r] === ref.limit) };
}

function compareLex(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** candidate 0 (best ranked) is the most significant bit */
function rankKey(mask: number, n: number): number {
  let key = 0;
  for (let i = 0; i < n; i++) key = key * 2 + (mask & (1 << i) ? 1 : 0);
  return key;
}

/** Do two groups (as candidate index sets) cross: share members, neither containing the other? */
export function cross(a: readonly number[], b: readonly number[]): boolean {
  const shared = a.filter((x) => b.includes(x)).length;
  return shared > 0 && shared < a.length && shared < b.length;
}

/**
 * A second reference for instances too large to enumerate: the same greedy
 * definition, but every "can the rest still be met?" is a fresh max-flow on a
 * network with one edge per candidate (no witness, no shortcuts). It shares
 * the flow and network-building code with the implementation (the brute
 * force checks those); it checks the incremental part: witness, augmenting
 * search, the switch to maximums only.
 */
export function freshFlowSelect(inst: Instance): string[] {
  const { candidates, places } = inst;
  const refs = expandQuotas(inst.quotas, candidates);
  const built = buildQuotaNetwork(candidates.length, groupMembers(refs, candidates));
  if (!built.ok) throw new Error("quotas cross");
  const net = built.net;
  const hi = Int32Array.from(net.size);
  hi[0] = Math.min(hi[0]!, places);
  refs.forEach((ref, r) => {
    const g = net.nodeOfRef[r]!;
    if (ref.kind === "max" && g >= 0) hi[g] = Math.min(hi[g]!, ref.limit);
  });
  const lo = new Int32Array(net.nodeCount);
  const state = new Int8Array(candidates.length).fill(-1); // 1 in, 0 out, -1 open
  const feasible = () => {
    const edges: BoundedEdge[] = [];
    for (let g = 0; g < net.nodeCount; g++) edges.push({ from: net.edgeFrom[g]!, to: net.edgeTo[g]!, lo: lo[g]!, hi: hi[g]! });
    candidates.forEach((_, i) => {
      const e = net.nodeCount + net.pairOf[i]!;
      edges.push({ from: net.edgeFrom[e]!, to: net.edgeTo[e]!, lo: state[i] === 1 ? 1 : 0, hi: state[i] === 0 ? 0 : 1 });
    });
    return feasibleCirculation(net.vertexCount, edges) !== null;
  };
  refs.forEach((ref, r) => {
    const g = net.nodeOfRef[r]!;
    if (ref.kind !== "min" || g < 0 || ref.limit <= lo[g]!) return;
    const current = lo[g]!;
    for (let v = ref.limit; v > current; v--) {
      lo[g] = v;
      if (feasible()) return;
    }
    lo[g] = current;
  });
  return candidates.flatMap((c, i) => {
    state[i] = 1;
    if (feasible()) return [c.id];
    state[i] = 0;
    return [];
  });
}
