/**
 * Deferred acceptance (Gale–Shapley) for hospital–residents with capacities,
 * partial strict lists; a pair is acceptable only if each lists the other.
 *
 * Both variants run in O(total length of the rank lists): every applicant
 * (resp. host) walks its list once, and in the applicant-proposing variant a
 * full host finds its next-worst admitted applicant by moving a pointer down
 * its own rank list, which only ever moves down once the host is full.
 *
 * Result: Int32Array mapping applicant index -> host index, or -1.
 */
import type { InstanceIndex } from "./instance-index.ts";

/** Applicant-proposing DA: the applicant-optimal stable matching. */
export function applicantProposingDA(ix: InstanceIndex): Int32Array {
  const { nApplicants: nA, nHosts: nH, capacity, aPrefStart, aPrefHost, aPrefHostRank, hPrefStart, hPrefApp } = ix;
  const match = new Int32Array(nA).fill(-1);
  const next = aPrefStart.slice(0, nA);
  const held = new Uint8Array(hPrefApp.length); // held[hPrefStart[h] + rank]
  const count = new Int32Array(nH);
  const worst = new Int32Array(nH).fill(-1); // worst (largest) rank held
  const stack = new Int32Array(nA);
  let top = 0;
  for (let a = nA - 1; a >= 0; a--) stack[top++] = a;

  while (top > 0) {
    const a = stack[--top]!;
    let e = next[a]!;
    const end = aPrefStart[a + 1]!;
    while (e < end) {
      const r = aPrefHostRank[e]!;
      const h = aPrefHost[e]!;
      e++;
      if (r < 0) continue; // h did not list a
      const base = hPrefStart[h]!;
      if (count[h]! < capacity[h]!) {
        held[base + r] = 1;
        count[h]!++;
        if (r > worst[h]!) worst[h] = r;
        match[a] = h;
        break;
      }
      let w = worst[h]!;
      if (r < w) {
        held[base + r] = 1;
        held[base + w] = 0;
        const b = hPrefApp[base + w]!;
        match[b] = -1;
        stack[top++] = b;
        w--;
        while (held[base + w] === 0) w--;
        worst[h] = w;
        match[a] = h;
        break;
      }
      // rejected: try the next host
    }
    next[a] = e;
  }
  return match;
}

/** Host-proposing DA: the host-optimal (applicant-pessimal) stable matching. */
export function hostProposingDA(ix: InstanceIndex): Int32Array {
  const { nApplicants: nA, nHosts: nH, capacity, hPrefStart, hPrefApp, hPrefAppRank } = ix;
  const match = new Int32Array(nA).fill(-1);
  const matchRank = new Int32Array(nA); // applicant's rank of its current host
  const next = hPrefStart.slice(0, nH);
  const count = new Int32Array(nH);
  const inStack = new Uint8Array(nH);
  const stack = new Int32Array(nH);
  let top = 0;
  for (let h = nH - 1; h >= 0; h--) {
    stack[top++] = h;
    inStack[h] = 1;
  }
  while (top > 0) {
    const h = stack[--top]!;
    inStack[h] = 0;
    let e = next[h]!;
    const end = hPrefStart[h + 1]!;
    const cap = capacity[h]!;
    while (count[h]! < cap && e < end) {
      const a = hPrefApp[e]!;
      const r = hPrefAppRank[e]!;
      e++;
      if (r < 0) continue; // a did not list h
      const cur = match[a]!;
      if (cur < 0) {
        match[a] = h;
        matchRank[a] = r;
        count[h]!++;
      } else if (r < matchRank[a]!) {
        match[a] = h;
        matchRank[a] = r;
        count[h]!++;
        count[cur]!--;
        if (inStack[cur] === 0) {
          inStack[cur] = 1;
          stack[top++] = cur;
        }
      }
    }
    next[h] = e;
  }
  return match;
}
