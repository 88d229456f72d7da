/**
 * Quota-constrained selection (ADR 0013): fill the round's places in rank
 * order subject to the quotas, explaining every candidate not selected.
 *
 * Definitions. A selection S (a set of candidates) is *admissible* when
 * |S| ≤ places and |S ∩ G| ≤ N for every maximum quota (G, N). The shortfall
 * of a minimum quota (G, M) is max(0, M − |S ∩ G|).
 *
 * 1. Minimums first, in priority order (rule order, then value order; see
 *    quota-groups.ts): among admissible selections, the one chosen minimises
 *    the vector of shortfalls lexicographically — the first minimum as far as
 *    it can be met, then the second as far as it can be met given the first,
 *    and so on. When every minimum can be met, every minimum is met; when
 *    not, `shortfalls` says which and by how much ("achievable").
 * 2. Then rank order: among those, the selection is the lexicographically
 *    best in rank order — the best-ranked candidate on which two such
 *    selections differ is in the chosen one. Equivalently: go down the
 *    ranking and take each candidate unless taking them would make the
 *    maximum quotas, the places, or the minimums (as far as step 1 found them
 *    achievable) impossible to respect with the candidates still below.
 *    Places are reserved for unmet minimums exactly as far as needed.
 *
 * Without minimums (none above 0) step 2 is plain rank order and any groups
 * are accepted. With minimums, the groups must split into two families of
 * nested groups (quota-network.ts; ADR 0013 says why).
 *
 * How: step 1 by max-flow feasibility on the quota network (quota-network.ts)
 * with a binary search per minimum; step 2 keeps one feasible completion
 * (a "witness" circulation) and, for a candidate outside it, looks for an
 * augmenting cycle through the candidate's edge in the residual network — one
 * breadth-first search over the groups. Once the selected candidates meet
 * every minimum, only the maximums are left and each candidate is a lookup.
 */
import { feasibleCirculation, type BoundedEdge } from "./flow.ts";
import { expandQuotas, groupMembers, type Candidate, type QuotaRef } from "./quota-groups.ts";
import { validateQuotaRules, type QuotaRule, type QuotaRuleIssue } from "./quota-language.ts";
import { buildQuotaNetwork, type QuotaNetwork } from "./quota-network.ts";

export interface SelectionInput {
  /** candidates in rank order, best first (e.g. `rankCandidates(…).ranked`) */
  readonly candidates: readonly Candidate[];
  /** the round's places, an integer ≥ 0 */
  readonly places: number;
  readonly quotas: readonly QuotaRule[];
}

/** A minimum that holds places back, with how many of its group are selected so far. */
export interface HeldMinimum {
  readonly quota: QuotaRef;
  readonly count: number;
}

/** A maximum whose remaining room is held for candidates needed by minimums. */
export interface HeldMaximum {
  readonly quota: QuotaRef;
  /** selected so far in the group */
  readonly count: number;
  /** further places in the group held for minimums */
  readonly held: number;
}

export type SkipReason =
  /** every place is taken by better-ranked candidates */
  | { readonly code: "places_filled"; readonly places: number }
  /** "nationality quota VN: 66 of 66": `count` selected in the group, `quota.limit` allowed */
  | { readonly code: "max_quota_full"; readonly quota: QuotaRef; readonly count: number }
  /**
   * The places left (or a maximum's remaining room, `maximums`) are needed to
   * meet `minimums`, which this candidate does not count toward.
   */
  | {
      readonly code: "reserved_for_minimums";
      readonly placesLeft: number;
      readonly minimums: readonly HeldMinimum[];
      readonly maximums: readonly HeldMaximum[];
    };

export interface SelectedCandidate {
  readonly id: string;
  /** 1-based position in the ranking given */
  readonly position: number;
}

export interface NotSelectedCandidate extends SelectedCandidate {
  readonly reasons: readonly SkipReason[];
}

export interface QuotaOutcome {
  readonly quota: QuotaRef;
  /** selected candidates in the group */
  readonly count: number;
  /** candidates in the group among those ranked */
  readonly available: number;
  readonly met: boolean;
}

/** A minimum that no admissible selection meets (given the minimums before it). */
export interface Shortfall {
  readonly quota: QuotaRef;
  /** the most of the group any selection can include here */
  readonly achievable: number;
  /** quota.limit − achievable */
  readonly short: number;
  /** candidates in the group among those ranked */
  readonly available: number;
}

export interface Selection {
  readonly ok: true;
  readonly places: number;
  /** in rank order */
  readonly selected: readonly SelectedCandidate[];
  /** in rank order, each with why */
  readonly notSelected: readonly NotSelectedCandidate[];
  /** one per expanded quota, in priority order */
  readonly quotas: readonly QuotaOutcome[];
  readonly shortfalls: readonly Shortfall[];
}

export type SelectionIssue =
  | QuotaRuleIssue
  | { readonly code: "invalid_places"; readonly places: number }
  | { readonly code: "duplicate_candidate"; readonly id: string }
  /**
   * The quota groups cannot be split into two families of nested groups (e.g.
   * three attributes whose groups all overlap): an odd cycle of groups each
   * overlapping the next without containing it. ADR 0013 says why this is refused.
   */
  | { readonly code: "quotas_cross"; readonly quotas: readonly QuotaRef[] };

export type SelectionResult = Selection | { readonly ok: false; readonly issues: readonly SelectionIssue[] };

export function selectWithQuotas(input: SelectionInput): SelectionResult {
  const issues: SelectionIssue[] = [...validateQuotaRules(input.quotas)];
  if (!Number.isSafeInteger(input.places) || input.places < 0) issues.push({ code: "invalid_places", places: input.places });
  const ids = new Set<string>();
  for (const c of input.candidates) {
    if (ids.has(c.id)) issues.push({ code: "duplicate_candidate", id: c.id });
    ids.add(c.id);
  }
  if (issues.length > 0) return { ok: false, issues };

  const { candidates, places } = input;
  const refs = expandQuotas(input.quotas, candidates);
  const members = groupMembers(refs, candidates);
  if (!refs.some((ref) => ref.kind === "min" && ref.limit > 0)) return maximumsOnly(candidates, places, refs, members);
  const built = buildQuotaNetwork(candidates.length, members);
  if (!built.ok) return { ok: false, issues: [{ code: "quotas_cross", quotas: built.crossingCycle.map((r) => refs[r]!) }] };
  const net = built.net;

  const { lo, hi, relaxed } = relaxMinimums(net, refs, places);
  const shortfalls: Shortfall[] = [];
  refs.forEach((ref, r) => {
    if (ref.kind === "min" && relaxed[r]! < ref.limit) {
      shortfalls.push({ quota: ref, achievable: relaxed[r]!, short: ref.limit - relaxed[r]!, available: members[r]!.length });
    }
  });

  const decided = greedy(net, refs, relaxed, lo, hi, places, candidates);
  const quotas: QuotaOutcome[] = refs.map((ref, r) => {
    const node = net.nodeOfRef[r]!;
    const count = node < 0 ? 0 : decided.count[node]!;
    return { quota: ref, count, available: members[r]!.length, met: ref.kind === "max" ? count <= ref.limit : count >= ref.limit };
  });
  return { ok: true, places, selected: decided.selected, notSelected: decided.notSelected, quotas, shortfalls };
}

/**
 * Without minimums the selection is plain rank order: take each candidate
 * unless the places or one of their maximums is full. Exact for any groups
 * (no need for two nested families).
 */
function maximumsOnly(candidates: readonly Candidate[], places: number, refs: readonly QuotaRef[], members: readonly Int32Array[]): Selection {
  const refsOf: number[][] = candidates.map(() => []);
  members.forEach((m, r) => {
    if (refs[r]!.kind === "max") for (const i of m) refsOf[i]!.push(r);
  });
  const count = new Int32Array(refs.length);
  const selected: SelectedCandidate[] = [];
  const notSelected: NotSelectedCandidate[] = [];
  candidates.forEach((c, i) => {
    const entry = { id: c.id, position: i + 1 };
    if (selected.length >= places) {
      notSelected.push({ ...entry, reasons: [{ code: "places_filled", places }] });
      return;
    }
    const full = refsOf[i]!.filter((r) => count[r]! >= refs[r]!.limit);
    if (full.length > 0) {
      notSelected.push({ ...entry, reasons: full.map((r) => ({ code: "max_quota_full", quota: refs[r]!, count: count[r]! })) });
      return;
    }
    for (const r of refsOf[i]!) count[r]!++;
    selected.push(entry);
  });
  const chosen = new Uint8Array(candidates.length);
  for (const x of selected) chosen[x.position - 1] = 1;
  members.forEach((m, r) => {
    if (refs[r]!.kind === "min") for (const i of m) count[r]! += chosen[i]!;
  });
  const quotas = refs.map((ref, r) => ({
    quota: ref,
    count: count[r]!,
    available: members[r]!.length,
    met: ref.kind === "max" ? count[r]! <= ref.limit : count[r]! >= ref.limit,
  }));
  return { ok: true, places, selected, notSelected, quotas, shortfalls: [] };
}

/** Edge bounds of the network for node bounds `lo`/`hi`; pair edges [0, size]. */
function edgesWith(net: QuotaNetwork, lo: Int32Array, hi: Int32Array): BoundedEdge[] {
  const edges: BoundedEdge[] = [];
  for (let g = 0; g < net.nodeCount; g++) edges.push({ from: net.edgeFrom[g]!, to: net.edgeTo[g]!, lo: lo[g]!, hi: hi[g]! });
  for (let p = 0; p < net.pairCount; p++) {
    const e = net.nodeCount + p;
    edges.push({ from: net.edgeFrom[e]!, to: net.edgeTo[e]!, lo: 0, hi: net.pairSize[p]! });
  }
  return edges;
}

/**
 * Step 1: node bounds. `hi`: the smallest maximum on the group (the places for
 * the root). `lo`: each minimum in priority order, as far as it can be met
 * together with the ones before it (`relaxed`, per quota ref).
 */
function relaxMinimums(net: QuotaNetwork, refs: readonly QuotaRef[], places: number): { lo: Int32Array; hi: Int32Array; relaxed: Int32Array } {
  const hi = Int32Array.from(net.size);
  hi[0] = Math.min(hi[0]!, places);
  refs.forEach((ref, r) => {
    const g = net.nodeOfRef[r]!;
    if (ref.kind === "max" && g >= 0) hi[g] = Math.min(hi[g]!, ref.limit);
  });
  const lo = new Int32Array(net.nodeCount);
  const relaxed = new Int32Array(refs.length);
  const feasible = () => feasibleCirculation(net.vertexCount, edgesWith(net, lo, hi)) !== null;
  refs.forEach((ref, r) => {
    if (ref.kind !== "min") return;
    const g = net.nodeOfRef[r]!;
    if (g < 0) return; // empty group: nothing achievable
    const current = lo[g]!;
    if (ref.limit <= current) {
      relaxed[r] = ref.limit;
      return;
    }
    lo[g] = ref.limit;
    if (feasible()) {
      relaxed[r] = ref.limit;
      return;
    }
    // largest v in [current, limit − 1] that is feasible (current is)
    let good = current;
    let bad = ref.limit;
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      lo[g] = mid;
      if (feasible()) good = mid;
      else bad = mid;
    }
    lo[g] = good;
    relaxed[r] = good;
  });
  return { lo, hi, relaxed };
}

interface GreedyOutcome {
  readonly selected: SelectedCandidate[];
  readonly notSelected: NotSelectedCandidate[];
  /** selected per node */
  readonly count: Int32Array;
}

/** Step 2: rank order with an exact "can the rest still be met" test. */
function greedy(
  net: QuotaNetwork,
  refs: readonly QuotaRef[],
  relaxed: Int32Array,
  nodeLo: Int32Array,
  nodeHi: Int32Array,
  places: number,
  candidates: readonly Candidate[],
): GreedyOutcome {
  const { nodeCount, edgeFrom, edgeTo, incident, pairChain, pairOf } = net;
  const edgeCount = nodeCount + net.pairCount;
  const lo = new Int32Array(edgeCount);
  const hi = new Int32Array(edgeCount);
  lo.set(nodeLo);
  hi.set(nodeHi);
  hi.set(net.pairSize, nodeCount);
  const witness = feasibleCirculation(net.vertexCount, edgesWith(net, nodeLo, nodeHi));
  if (!witness) throw new Error("relaxed quotas have no feasible selection (cannot happen: the empty relaxation is feasible)");
  const f = witness;
  const count = new Int32Array(nodeCount);
  let unmetMinimums = 0;
  for (let g = 0; g < nodeCount; g++) if (lo[g]! > 0) unmetMinimums++;

  const stamp = new Int32Array(net.vertexCount);
  let round = 0;
  const prevEdge = new Int32Array(net.vertexCount);
  const queue = new Int32Array(net.vertexCount);

  /** a residual path from the candidate's family-2 leaf back to its family-1 leaf; augments along it when found */
  const augment = (e: number): boolean => {
    const a = edgeFrom[e]!;
    const b = edgeTo[e]!;
    round++;
    let qh = 0;
    let qt = 0;
    queue[qt++] = b;
    stamp[b] = round;
    while (qh < qt) {
      const u = queue[qh++]!;
      const around = incident[u]!;
      for (let k = 0; k < around.length; k++) {
        const x = around[k]!;
        if (x === e) continue;
        let v: number;
        if (edgeFrom[x] === u) {
          if (f[x]! >= hi[x]!) continue;
          v = edgeTo[x]!;
        } else {
          if (f[x]! <= lo[x]!) continue;
          v = edgeFrom[x]!;
        }
        if (stamp[v] === round) continue;
        stamp[v] = round;
        prevEdge[v] = x;
        if (v === a) {
          for (let w = a; w !== b;) {
            const y = prevEdge[w]!;
            if (edgeTo[y] === w) {
              f[y]!++;
              w = edgeFrom[y]!;
            } else {
              f[y]!--;
              w = edgeTo[y]!;
            }
          }
          f[e]!++;
          return true;
        }
        queue[qt++] = v;
      }
    }
    return false;
  };

  /** the minimums that set a node's lower bound */
  const minRefs = (g: number) => net.refsOfNode[g]!.filter((r) => refs[r]!.kind === "min" && relaxed[r] === nodeLo[g]);
  const maxRefsAt = (g: number, limit: number) => net.refsOfNode[g]!.filter((r) => refs[r]!.kind === "max" && refs[r]!.limit === limit);

  /** after a failed search: the minimums (and maximums) on the cut that stopped it */
  const cutReasons = (): SkipReason => {
    const inX = (v: number) => stamp[v] === round;
    const minimums: HeldMinimum[] = [];
    const maximums: HeldMaximum[] = [];
    for (let g = 0; g < nodeCount; g++) {
      const u = edgeFrom[g]!;
      const v = edgeTo[g]!;
      if (inX(v) && !inX(u) && f[g] === lo[g] && count[g]! < lo[g]!) {
        for (const r of minRefs(g)) minimums.push({ quota: refs[r]!, count: count[g]! });
      } else if (inX(u) && !inX(v) && f[g] === hi[g]) {
        for (const r of maxRefsAt(g, hi[g]!)) maximums.push({ quota: refs[r]!, count: count[g]!, held: f[g]! - count[g]! });
      }
    }
    return { code: "reserved_for_minimums", placesLeft: places - count[0]!, minimums, maximums };
  };

  const selected: SelectedCandidate[] = [];
  const notSelected: NotSelectedCandidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const entry = { id: candidates[i]!.id, position: i + 1 };
    const p = pairOf[i]!;
    const e = nodeCount + p;
    const chain = pairChain[p]!;
    let take = unmetMinimums > 0 && f[e]! > lo[e]!; // in the witness: some completion includes this candidate
    let reasons: SkipReason[] = [];
    if (!take) {
      if (count[0]! >= hi[0]!) {
        // every place taken (or a maximum on everyone reached): that alone is the reason
        if (hi[0] === places) reasons.push({ code: "places_filled", places });
        else for (const r of maxRefsAt(0, hi[0]!)) reasons.push({ code: "max_quota_full", quota: refs[r]!, count: count[0]! });
      } else {
        for (const g of chain) {
          if (g === 0 || count[g]! < hi[g]!) continue;
          for (const r of maxRefsAt(g, hi[g]!)) reasons.push({ code: "max_quota_full", quota: refs[r]!, count: count[g]! });
        }
      }
      if (reasons.length === 0) {
        if (unmetMinimums === 0) take = true;
        else if (augment(e)) take = true;
        else reasons = [cutReasons()];
      }
    }
    if (take) {
      lo[e]!++;
      for (const g of chain) {
        count[g]!++;
        if (count[g] === lo[g] && lo[g]! > 0) unmetMinimums--;
      }
      selected.push(entry);
    } else {
      hi[e]!--;
      notSelected.push({ ...entry, reasons });
    }
  }
  return { selected, notSelected, count };
}
