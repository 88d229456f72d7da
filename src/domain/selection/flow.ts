/**
 * A feasible circulation with lower and upper bounds on every edge, by the
 * textbook reduction to one maximum flow (Dinic's algorithm). Integral
 * bounds give an integral answer. Small graphs only in practice (the quota
 * network has one vertex per quota group), but no size assumption is made.
 */

export interface BoundedEdge {
  readonly from: number;
  readonly to: number;
  readonly lo: number;
  readonly hi: number;
}

class MaxFlow {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  private readonly n: number;

  constructor(n: number) {
    this.n = n;
    this.head = new Int32Array(n).fill(-1);
    this.level = new Int32Array(n);
    this.iter = new Int32Array(n);
  }

  /** returns the arc index; its reverse is index ^ 1 */
  addArc(u: number, v: number, c: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  residual(e: number): number {
    return this.cap[e]!;
  }

  private bfs(s: number, t: number): boolean {
    this.level.fill(-1);
    const queue = new Int32Array(this.n);
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    this.level[s] = 0;
    while (qh < qt) {
      const u = queue[qh++]!;
      for (let e = this.head[u]!; e >= 0; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v]! < 0) {
          this.level[v] = this.level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return this.level[t]! >= 0;
  }

  private dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (let e = this.iter[u]!; e >= 0; e = this.next[e]!, this.iter[u] = e) {
      const v = this.to[e]!;
      if (this.cap[e]! > 0 && this.level[v] === this.level[u]! + 1) {
        const d = this.dfs(v, t, Math.min(f, this.cap[e]!));
        if (d > 0) {
          this.cap[e]! -= d;
          this.cap[e ^ 1]! += d;
          return d;
        }
      }
    }
    return 0;
  }

  run(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter.set(this.head);
      for (let f = this.dfs(s, t, Infinity); f > 0; f = this.dfs(s, t, Infinity)) total += f;
    }
    return total;
  }
}

/**
 * Flow on each edge of a circulation meeting every bound (flow in = flow out
 * at every vertex), or null when none exists.
 */
export function feasibleCirculation(vertices: number, edges: readonly BoundedEdge[]): Int32Array | null {
  const s = vertices;
  const t = vertices + 1;
  const g = new MaxFlow(vertices + 2);
  const excess = new Float64Array(vertices);
  const arcs = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    if (e.hi < e.lo) return null;
    arcs[i] = g.addArc(e.from, e.to, e.hi - e.lo);
    excess[e.to]! += e.lo;
    excess[e.from]! -= e.lo;
  }
  let need = 0;
  for (let v = 0; v < vertices; v++) {
    if (excess[v]! > 0) {
      g.addArc(s, v, excess[v]!);
      need += excess[v]!;
    } else if (excess[v]! < 0) {
      g.addArc(v, t, -excess[v]!);
    }
  }
  if (g.run(s, t) !== need) return null;
  const flow = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) flow[i] = edges[i]!.lo + g.residual(arcs[i]! ^ 1);
  return flow;
}
