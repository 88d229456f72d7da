/**
 * The baseline: the definition in ADR 0013 implemented the straightforward
 * way. Every "can the rest still be met?" question is a fresh maximum-flow
 * feasibility test from scratch (no witness kept between questions, no
 * shortcut once the minimums are met; minimums relaxed by linear search).
 * Candidates with the same groups share one edge, as in selectWithQuotas —
 * with one edge per candidate a test costs ~20 ms at 13,000 candidates and
 * the 120-place case needs ~2,400 tests, too slow to run every time. Same
 * answers as selectWithQuotas; the benchmark checks both.
 */
import type { BoundedEdge } from "#src/domain/selection/flow.ts";
import { feasibleCirculation } from "#src/domain/selection/flow.ts";
import { expandQuotas, groupMembers, type Candidate } from "#src/domain/selection/quota-groups.ts";
import type { QuotaRule } from "#src/domain/selection/quota-language.ts";
import { buildQuotaNetwork } from "#src/domain/selection/quota-network.ts";

export function naiveSelect(candidates: readonly Candidate[], places: number, quotas: readonly QuotaRule[]): { selected: string[]; feasibilityTests: number } {
  const refs = expandQuotas(quotas, candidates);
  const members = groupMembers(refs, candidates);
  const built = buildQuotaNetwork(candidates.length, members);
  if (!built.ok) throw new Error("quotas cross");
  const net = built.net;
  const n = candidates.length;
  const hi = Int32Array.from(net.size);
  hi[0] = Math.min(hi[0]!, places);
  refs.forEach((ref, r) => {
    const g = net.nodeOfRef[r]!;
    if (ref.kind === "max" && g >= 0) hi[g] = Math.min(hi[g]!, ref.limit);
  });
  const lo = new Int32Array(net.nodeCount);
  // per pair: candidates taken, candidates still undecided
  const taken = new Int32Array(net.pairCount);
  const open = Int32Array.from(net.pairSize);
  let tests = 0;
  const feasible = (): boolean => {
    tests++;
    const edges: BoundedEdge[] = [];
    for (let g = 0; g < net.nodeCount; g++) edges.push({ from: net.edgeFrom[g]!, to: net.edgeTo[g]!, lo: lo[g]!, hi: hi[g]! });
    for (let p = 0; p < net.pairCount; p++) {
      const e = net.nodeCount + p;
      edges.push({ from: net.edgeFrom[e]!, to: net.edgeTo[e]!, lo: taken[p]!, hi: taken[p]! + open[p]! });
    }
    return feasibleCirculation(net.vertexCount, edges) !== null;
  };

  // minimums in priority order, each as far as it can go (linear search down from the limit)
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

  const count = new Int32Array(net.nodeCount);
  const selected: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = net.pairOf[i]!;
    const chain = net.pairChain[p]!;
    open[p]!--;
    if (chain.some((g) => count[g]! >= hi[g]!)) continue;
    taken[p]!++;
    if (feasible()) {
      for (const g of chain) count[g]!++;
      selected.push(candidates[i]!.id);
    } else {
      taken[p]!--;
    }
  }
  return { selected, feasibilityTests: tests };
}
