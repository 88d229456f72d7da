/**
 * The quota groups as a flow network (ADR 0013).
 *
 * Groups with the same members are merged into one node; a group of everyone
 * is merged into the root node, which also carries the number of places. Two
 * groups *cross* when they share members and neither contains the other. The
 * groups must split into two laminar families (no two groups of one family
 * cross) — e.g. nationality inside region in one, field in the other —
 * which holds exactly when the crossing graph is two-colourable. Each family
 * is then a tree of nested groups; a candidate is an edge from its smallest
 * group in family 1 to its smallest group in family 2, and a selection is a
 * circulation: down tree 1 (flow into a node = selected members of its
 * group), across the candidates, up tree 2, and back from tree 2's root to
 * tree 1's root. Bounds on those edges are the quotas; the constraint matrix
 * of two laminar families is totally unimodular, so an integral circulation
 * exists whenever any does and max-flow answers "can these quotas be met".
 *
 * Candidates with the same (smallest group in family 1, smallest group in
 * family 2) are interchangeable for every quota: they share one "pair" edge.
 */

export interface QuotaNetwork {
  readonly candidates: number;
  /** nodes, 0 = root (everyone); vertices are the nodes plus `r2`, family 2's root */
  readonly nodeCount: number;
  readonly r2: number;
  readonly vertexCount: number;
  /** 1 or 2 per node (the root is in family 1) */
  readonly family: Int8Array;
  /** parent node (family 2's top nodes: r2; the root: -1) */
  readonly parent: Int32Array;
  readonly size: Int32Array;
  /** quota refs merged into each node */
  readonly refsOfNode: readonly (readonly number[])[];
  /** node of each quota ref, -1 when its group is empty */
  readonly nodeOfRef: Int32Array;
  readonly pairCount: number;
  readonly pairOf: Int32Array;
  readonly pairSize: Int32Array;
  /** per pair: every node whose group holds the pair's candidates (both families, root included) */
  readonly pairChain: readonly Int32Array[];
  /** edge g (g < nodeCount) belongs to node g (edge 0 = r2 → root); edge nodeCount + p to pair p */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** incident edge ids per vertex */
  readonly incident: readonly Int32Array[];
}

export type NetworkBuild = { readonly ok: true; readonly net: QuotaNetwork } | { readonly ok: false; readonly crossingCycle: readonly number[] };

/**
 * @param n number of candidates (indices 0 … n-1)
 * @param members per quota ref, the indices of its group's members (ascending)
 * @returns the network, or an odd cycle of crossing groups (as quota ref indices) when the groups do not split into two laminar families
 */
export function buildQuotaNetwork(n: number, members: readonly Int32Array[]): NetworkBuild {
  // merge identical groups; everyone → root
  const nodeMembers: Int32Array[] = [Int32Array.from({ length: n }, (_, i) => i)];
  const refsOfNode: number[][] = [[]];
  const nodeOfRef = new Int32Array(members.length).fill(-1);
  const byHash = new Map<number, number[]>();
  members.forEach((m, r) => {
    if (m.length === 0) return;
    if (m.length === n) {
      nodeOfRef[r] = 0;
      refsOfNode[0]!.push(r);
      return;
    }
    const hash = hashMembers(m);
    let same = byHash.get(hash);
    if (!same) byHash.set(hash, (same = []));
    let node = same.find((g) => equalMembers(nodeMembers[g]!, m));
    if (node === undefined) {
      node = nodeMembers.length;
      same.push(node);
      nodeMembers.push(m);
      refsOfNode.push([]);
    }
    nodeOfRef[r] = node;
    refsOfNode[node]!.push(r);
  });
  const nodeCount = nodeMembers.length;
  const size = Int32Array.from(nodeMembers, (m) => m.length);

  // crossing graph: count shared members per pair of nodes (the nodes of each candidate in one flat array)
  const start = new Int32Array(n + 1);
  for (let g = 1; g < nodeCount; g++) for (const i of nodeMembers[g]!) start[i + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const nodesOf = new Int32Array(start[n]!);
  for (let g = 1; g < nodeCount; g++) for (const i of nodeMembers[g]!) nodesOf[fill[i]!++] = g;
  const shared = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let x = start[i]!; x < start[i + 1]!; x++) {
      for (let y = x + 1; y < start[i + 1]!; y++) {
        const key = nodesOf[x]! * nodeCount + nodesOf[y]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const crossing: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const [key, count] of shared) {
    const a = Math.floor(key / nodeCount);
    const b = key % nodeCount;
    if (count < size[a]! && count < size[b]!) {
      crossing[a]!.push(b);
      crossing[b]!.push(a);
    }
  }

  // two-colour the crossing graph (family 1 / 2)
  const family = new Int8Array(nodeCount);
  const bfsParent = new Int32Array(nodeCount).fill(-1);
  const depth = new Int32Array(nodeCount);
  family[0] = 1;
  for (let start = 1; start < nodeCount; start++) {
    if (family[start] !== 0) continue;
    family[start] = 1;
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (const v of crossing[u]!) {
        if (family[v] === 0) {
          family[v] = family[u] === 1 ? 2 : 1;
          bfsParent[v] = u;
          depth[v] = depth[u]! + 1;
          queue.push(v);
        } else if (family[v] === family[u]) {
          return { ok: false, crossingCycle: oddCycle(u, v, bfsParent, depth).map((g) => refsOfNode[g]![0]!) };
        }
      }
    }
  }

  // each family's tree of nested groups, largest first
  const r2 = nodeCount;
  const parent = new Int32Array(nodeCount).fill(-1);
  const leaf1 = new Int32Array(n); // 0 = root
  const leaf2 = new Int32Array(n).fill(r2);
  const order = Array.from({ length: nodeCount - 1 }, (_, i) => i + 1).sort((a, b) => size[b]! - size[a]! || a - b);
  for (const g of order) {
    const deepest = family[g] === 1 ? leaf1 : leaf2;
    const m = nodeMembers[g]!;
    parent[g] = deepest[m[0]!]!;
    for (const i of m) deepest[i] = g;
  }

  // pairs of leaves
  const pairOf = new Int32Array(n);
  const pairIndex = new Map<number, number>();
  const pairLeaf1: number[] = [];
  const pairLeaf2: number[] = [];
  const pairSizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = leaf1[i]! * (nodeCount + 1) + leaf2[i]!;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairLeaf1.length;
      pairIndex.set(key, p);
      pairLeaf1.push(leaf1[i]!);
      pairLeaf2.push(leaf2[i]!);
      pairSizes.push(0);
    }
    pairOf[i] = p;
    pairSizes[p]!++;
  }
  const pairCount = pairLeaf1.length;
  const pairChain = pairLeaf1.map((a, p) => {
    const chain: number[] = [];
    for (let g = a; g >= 0; g = parent[g]!) chain.push(g);
    for (let g = pairLeaf2[p]!; g !== r2; g = parent[g]!) chain.push(g);
    return Int32Array.from(chain);
  });

  // edges and incidence
  const edgeCount = nodeCount + pairCount;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  edgeFrom[0] = r2;
  edgeTo[0] = 0;
  for (let g = 1; g < nodeCount; g++) {
    if (family[g] === 1) {
      edgeFrom[g] = parent[g]!;
      edgeTo[g] = g;
    } else {
      edgeFrom[g] = g;
      edgeTo[g] = parent[g]!;
    }
  }
  for (let p = 0; p < pairCount; p++) {
    edgeFrom[nodeCount + p] = pairLeaf1[p]!;
    edgeTo[nodeCount + p] = pairLeaf2[p]!;
  }
  const vertexCount = nodeCount + 1;
  const incidentLists: number[][] = Array.from({ length: vertexCount }, () => []);
  for (let e = 0; e < edgeCount; e++) {
    incidentLists[edgeFrom[e]!]!.push(e);
    incidentLists[edgeTo[e]!]!.push(e);
  }

  return {
    ok: true,
    net: {
      candidates: n,
      nodeCount,
      r2,
      vertexCount,
      family,
      parent,
      size,
      refsOfNode,
      nodeOfRef,
      pairCount,
      pairOf,
      pairSize: Int32Array.from(pairSizes),
      pairChain,
      edgeFrom,
      edgeTo,
      incident: incidentLists.map((l) => Int32Array.from(l)),
    },
  };
}

function hashMembers(m: Int32Array): number {
  let h = 0x811c9dc5 ^ m.length;
  for (let i = 0; i < m.length; i++) h = Math.imul(h ^ m[i]!, 0x01000193);
  return h >>> 0;
}

function equalMembers(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The odd cycle closed by the edge (u, v) between two vertices of the same colour in a BFS tree. */
function oddCycle(u: number, v: number, parent: Int32Array, depth: Int32Array): number[] {
  const left: number[] = [];
  const right: number[] = [];
  let a = u;
  let b = v;
  while (depth[a]! > depth[b]!) {
    left.push(a);
    a = parent[a]!;
  }
  while (depth[b]! > depth[a]!) {
    right.push(b);
    b = parent[b]!;
  }
  while (a !== b) {
    left.push(a);
    right.push(b);
    a = parent[a]!;
    b = parent[b]!;
  }
  return [...left, a, ...right.reverse()];
}
