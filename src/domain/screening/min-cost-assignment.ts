/**
 * Review assignment as a min-cost flow, solved exactly by successive shortest
 * paths on a graph contracted to the reviewers (ADR 0011).
 *
 * Network: source → application a (supply reads − kept) → reviewer r
 * (capacity 1, cost(a, r), only when r is not in conflict with a and not
 * already assigned to a) → sink, where reviewer r's u-th unit of total load
 * L costs M·L (capacity − base units; base = prior load + kept reads). The
 * unit costs rise with the load (convex), so the optimum minimizes Σ L² first
 * and preferences second: M = maxCost · reviewers + 1 exceeds the preference
 * cost of any simple cycle of the contracted graph below, so no preference
 * gain ever pays for a worse balance (proof in the ADR).
 *
 * Contraction: in the residual graph every path between reviewers goes
 * r → b → r' (b reassigned from r to r'), cost cost(b, r') − cost(b, r). The
 * solver keeps, for every ordered reviewer pair (r, r') and every cost
 * difference δ, how many applications on r could move to r' with difference
 * δ (`cnt`), updated in O(reviewers) whenever an application gains or loses
 * a reviewer, and the smallest δ with a non-zero count (`minIdx`, lazily
 * raised).
 *
 * Successive shortest paths: a window of up to WINDOW applications still
 * missing reads (taken in id order) hangs off a super source; per reviewer the
 * solver counts the window's applications that could take it, by cost
 * (`bucket`), so the source's cheapest arc into each reviewer is known in
 * O(1). Each step is one Dijkstra over reviewers + sink only (reduced costs,
 * reviewer potentials kept from step to step, stopped when the sink is
 * settled, the sink first on ties), and the path is applied: one window
 * application gets a reviewer, every hop moves one application to the next
 * reviewer, the last reviewer's load grows by one. Augmenting along a shortest
 * path from the sources keeps the flow of minimum cost for the supplies routed
 * so far, so the final flow is optimal. Because the potentials stay valid
 * across steps, most steps find a path of reduced cost 0 after a few
 * reviewers. When no window application has a path to the sink, none of them
 * can get another read in any assignment: they are left short and reported
 * (assignment-infeasibility.ts).
 *
 * Memory: reviewers² × (2·maxCost + 1) counters, plus a few integers per read.
 */
import { isConflict, type AssignmentIndex } from "./assignment-index.ts";

export interface AssignmentState {
  /** reviewer per slot (kept slots first, then added ones), −1 = not filled */
  readonly slotReviewer: Int32Array;
  readonly slotApp: Int32Array;
  /** per application: kept + added */
  readonly filled: Int32Array;
  /** per reviewer: base + added */
  readonly load: Int32Array;
  /** per reviewer: the added (movable) slots */
  readonly addedSlots: readonly (readonly number[])[];
  /** reads that could not be placed */
  readonly unmet: number;
}

/** Upper bound on the counter table (4 bytes each): 256 MB. */
export const MAX_COUNTERS = 1 << 26;

/** Applications waiting at the super source at a time. */
export const WINDOW = 256;

export function solveMinCostAssignment(ix: AssignmentIndex): AssignmentState {
  const { nA, nR, reads, slotStart, keptCount, keptReviewer, capacity, base, langProfile, fieldProfile, languageCost, fieldCost, conflict } = ix;
  const P = ix.maxCost;
  const D = 2 * P + 1;
  const M = P * nR + 1;
  const T = nR;
  if (nR * nR * D > MAX_COUNTERS) {
    throw new RangeError(
      `review assignment: ${nR} reviewers with pair costs up to ${P} need ${nR * nR * D} counters (limit ${MAX_COUNTERS}); lower the weights`,
    );
  }

  const nSlots = slotStart[nA]!;
  const slotReviewer = Int32Array.from(keptReviewer);
  const slotApp = new Int32Array(nSlots);
  for (let a = 0; a < nA; a++) slotApp.fill(a, slotStart[a]!, slotStart[a + 1]!);
  const filled = Int32Array.from(keptCount);
  const load = Int32Array.from(base);
  const addedSlots: number[][] = Array.from({ length: nR }, () => []);
  const slotPos = new Int32Array(nSlots);
  const cnt = new Uint32Array(nR * nR * D);
  const minIdx = new Int32Array(nR * nR).fill(D);
  const mark = new Int32Array(nR);
  let stamp = 0;
  // window: applications at the source; bucket[v * B + c] = window applications that may take v at cost c
  const B = P + 1;
  const bucket = new Uint32Array(nR * B);
  const bucketMin = new Int32Array(nR).fill(B);
  const inWindow = new Uint8Array(nA);
  const window: number[] = [];
  const windowPos = new Int32Array(nA);

  const cost = (a: number, r: number) => languageCost[langProfile[a]! * nR + r]! + fieldCost[fieldProfile[a]! * nR + r]!;

  /** marks the reviewers of a (kept and added) with a fresh stamp */
  const markApp = (a: number) => {
    stamp++;
    const end = slotStart[a]! + filled[a]!;
    for (let t = slotStart[a]!; t < end; t++) {
      const r = slotReviewer[t]!;
      if (r >= 0) mark[r] = stamp;
    }
  };

  /** slot s of application a (within filled) gets reviewer r; counters follow */
  const attach = (s: number, a: number, r: number) => {
    if (inWindow[a] === 1) bucket[r * B + cost(a, r)]!--;
    slotReviewer[s] = r;
    slotPos[s] = addedSlots[r]!.length;
    addedSlots[r]!.push(s);
    markApp(a);
    const lo = langProfile[a]! * nR;
    const fo = fieldProfile[a]! * nR;
    const cr = languageCost[lo + r]! + fieldCost[fo + r]!;
    const row = r * nR;
    const bitBase = a * nR;
    for (let v = 0; v < nR; v++) {
      if (mark[v] === stamp) continue;
      const bit = bitBase + v;
      if ((conflict[bit >>> 5]! >>> (bit & 31)) & 1) continue;
      const d = languageCost[lo + v]! + fieldCost[fo + v]! - cr + P;
      const pi = row + v;
      cnt[pi * D + d]!++;
      if (d < minIdx[pi]!) minIdx[pi] = d;
    }
    // a's other added reviewers can no longer hand a over to r
    const end = slotStart[a]! + filled[a]!;
    for (let t = slotStart[a]! + keptCount[a]!; t < end; t++) {
      if (t === s) continue;
      const m = slotReviewer[t]!;
      if (m < 0) continue;
      cnt[(m * nR + r) * D + cr - cost(a, m) + P]!--;
    }
  };

  /** slot s of application a leaves reviewer r */
  const detach = (s: number, a: number, r: number) => {
    markApp(a);
    const lo = langProfile[a]! * nR;
    const fo = fieldProfile[a]! * nR;
    const cr = languageCost[lo + r]! + fieldCost[fo + r]!;
    const row = r * nR;
    const bitBase = a * nR;
    for (let v = 0; v < nR; v++) {
      if (mark[v] === stamp) continue;
      const bit = bitBase + v;
      if ((conflict[bit >>> 5]! >>> (bit & 31)) & 1) continue;
      cnt[(row + v) * D + languageCost[lo + v]! + fieldCost[fo + v]! - cr + P]!--;
    }
    const list = addedSlots[r]!;
    const last = list.pop()!;
    if (last !== s) {
      list[slotPos[s]!] = last;
      slotPos[last] = slotPos[s]!;
    }
    slotReviewer[s] = -1;
    if (inWindow[a] === 1) {
      const c = cost(a, r);
      bucket[r * B + c]!++;
      if (c < bucketMin[r]!) bucketMin[r] = c;
    }
    const end = slotStart[a]! + filled[a]!;
    for (let t = slotStart[a]! + keptCount[a]!; t < end; t++) {
      if (t === s) continue;
      const m = slotReviewer[t]!;
      if (m < 0) continue;
      const d = cr - cost(a, m) + P;
      const pi = m * nR + r;
      cnt[pi * D + d]!++;
      if (d < minIdx[pi]!) minIdx[pi] = d;
    }
  };

  /** moves one added application from reviewer `from` to `to` whose cost changes by exactly delta */
  const moveOne = (from: number, to: number, delta: number) => {
    const list = addedSlots[from]!;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const b = slotApp[s]!;
      if (isConflict(conflict, b * nR + to) || cost(b, to) - cost(b, from) !== delta) continue;
      markApp(b);
      if (mark[to] === stamp) continue;
      detach(s, b, from);
      attach(s, b, to);
      return;
    }
    throw new Error(`review assignment: internal error, no application to move from reviewer ${from} to ${to}`);
  };

  /** application a joins (+1) or leaves (−1) the window's buckets: every reviewer it may take */
  const windowBuckets = (a: number, sign: 1 | -1) => {
    markApp(a);
    const bitBase = a * nR;
    for (let v = 0; v < nR; v++) {
      if (mark[v] === stamp) continue;
      const bit = bitBase + v;
      if ((conflict[bit >>> 5]! >>> (bit & 31)) & 1) continue;
      const c = cost(a, v);
      bucket[v * B + c]! += sign;
      if (c < bucketMin[v]!) bucketMin[v] = c;
    }
  };
  let nextApp = 0;
  const refill = () => {
    while (window.length < WINDOW && nextApp < nA) {
      const a = nextApp++;
      if (filled[a]! >= reads[a]!) continue;
      inWindow[a] = 1;
      windowPos[a] = window.length;
      window.push(a);
      windowBuckets(a, 1);
    }
  };
  const leaveWindow = (a: number) => {
    windowBuckets(a, -1);
    inWindow[a] = 0;
    const last = window.pop()!;
    if (last !== a) {
      window[windowPos[a]!] = last;
      windowPos[last] = windowPos[a]!;
    }
  };
  /** cheapest cost of a window application that may take v, or B when none (lazy) */
  const cheapestInto = (v: number) => {
    let c = bucketMin[v]!;
    while (c < B && bucket[v * B + c] === 0) c++;
    bucketMin[v] = c;
    return c;
  };

  const pot = new Float64Array(nR + 1);
  const label = new Float64Array(nR + 1);
  const done = new Uint8Array(nR + 1);
  const pred = new Int32Array(nR + 1);
  const predDelta = new Int32Array(nR + 1);
  const path: number[] = [];

  const firstCost = new Int32Array(nR);
  /**
   * The sink's label through v, relaxed as soon as v's label improves (not
   * when v is settled): v's label is the length of a real path, so the sink's
   * label stays an upper bound, and the sink is settled once no unsettled
   * label is lower; the early stop then often comes after a single reviewer.
   */
  const relaxSink = (v: number) => {
    if (load[v]! >= capacity[v]!) return;
    const nd = label[v]! + pot[v]! + M * (load[v]! + 1) - pot[T]!;
    if (nd < label[T]!) {
      label[T] = nd;
      pred[T] = v;
    }
  };
  /** one more read for a window application along a shortest path from the source; false when none exists */
  const augment = (): boolean => {
    done[T] = 0;
    label[T] = Infinity;
    pred[T] = -1;
    for (let v = 0; v < nR; v++) {
      done[v] = 0;
      pred[v] = -1;
      const c = cheapestInto(v);
      firstCost[v] = c;
      label[v] = c === B ? Infinity : c - pot[v]!;
      if (c < B) relaxSink(v);
    }
    for (;;) {
      // the sink first on ties
      let u: number = done[T] === 0 && label[T]! < Infinity ? T : -1;
      let best = u === T ? label[T]! : Infinity;
      for (let v = 0; v < nR; v++) {
        if (done[v] === 0 && label[v]! < best) {
          best = label[v]!;
          u = v;
        }
      }
      if (u < 0) return false;
      done[u] = 1;
      if (u === T) break;
      const lu = label[u]! + pot[u]!;
      const row = u * nR;
      for (let v = 0; v < nR; v++) {
        if (done[v] === 1) continue;
        const pi = row + v;
        let idx = minIdx[pi]!;
        if (idx >= D) continue;
        const cb = pi * D;
        while (idx < D && cnt[cb + idx] === 0) idx++;
        minIdx[pi] = idx;
        if (idx === D) continue;
        const nd = lu + idx - P - pot[v]!;
        if (nd < label[v]!) {
          label[v] = nd;
          pred[v] = u;
          predDelta[v] = idx - P;
          relaxSink(v);
        }
      }
    }
    const lt = label[T]!;
    for (let v = 0; v <= nR; v++) pot[v]! += Math.min(label[v]!, lt);

    // apply the path: hops from the last to the first, then the new read
    path.length = 0;
    for (let v = pred[T]!; v >= 0; v = pred[v]!) path.push(v);
    const first = path[path.length - 1]!;
    let a = -1;
    // newest first: the window's oldest applications are those no cheap reviewer was left for
    for (let w = window.length - 1; w >= 0; w--) {
      const b = window[w]!;
      if (cost(b, first) !== firstCost[first] || isConflict(conflict, b * nR + first)) continue;
      markApp(b);
      if (mark[first] !== stamp) {
        a = b;
        break;
      }
    }
    if (a < 0) throw new Error("review assignment: internal error, no window application for the first reviewer");
    load[path[0]!]!++;
    for (let i = 0; i + 1 < path.length; i++) moveOne(path[i + 1]!, path[i]!, predDelta[path[i]!]!);
    const s = slotStart[a]! + filled[a]!;
    filled[a]!++;
    attach(s, a, first);
    if (filled[a] === reads[a]) leaveWindow(a);
    return true;
  };

  let unmet = 0;
  for (refill(); window.length > 0; refill()) {
    if (augment()) continue;
    // no window application can get another read, now or later
    while (window.length > 0) {
      const a = window[window.length - 1]!;
      unmet += reads[a]! - filled[a]!;
      leaveWindow(a);
    }
  }
  return { slotReviewer, slotApp, filled, load, addedSlots, unmet };
}
