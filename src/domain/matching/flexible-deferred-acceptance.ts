/**
 * Applicant-proposing flexible deferred acceptance (Kamada & Kojima, "Efficient
 * Matching under Distributional Constraints", AER 2015) for regional caps.
 *
 * Hosts in uncapped regions (or without a region) behave as in plain DA. In a
 * capped region g every host h has a target capacity t_h (default: the cap
 * split in proportion to capacities, rounded down, so sum t_h <= cap_g) and the
 * region chooses among the applicants who ever proposed to its hosts:
 *   1. each host takes its best min(t_h, offers_h) applicants;
 *   2. then hosts take one more applicant each in turn (round robin, in host-id
 *      order, so the result does not depend on input order) while they have
 *      offers left and room, until the region reaches cap_g.
 * The quota k_h this assigns depends only on the offer counts
 * d_h = min(offers_h, capacity_h), and each host holds its k_h best offers.
 * This choice rule is substitutable, so once rejected an applicant stays
 * rejected (cumulative-offer form = the step-wise form of the paper).
 *
 * Guarantee (checked by verify.ts, see ADR 0005) — "weak stability with
 * regional caps": feasible, mutually acceptable, and no pair (a, h) both
 * listing each other with a preferring h to their outcome such that either
 *   (JUSTIFIED_ENVY) h admits an applicant it ranks below a, or
 *   (EMPTY_SEAT) h is under capacity and h's region is under its cap.
 * Why: h holds its k_h best offers (no envy); if the region ends under its
 * cap then k_h = d_h for all its hosts, i.e. a host under capacity holds
 * every offer it ever received (no empty seat anyone asked for).
 *
 * Cost: O(total list length) plus O(m_g log C) each time a host of a full
 * region receives an offer while holding all its offers (at most capacity_h
 * times per host), m_g = hosts in the region.
 */
import type { InstanceIndex } from "./instance-index.ts";

interface Region {
  readonly cap: number;
  /** hosts in round-robin order (by host id) */
  readonly hosts: Int32Array;
  readonly target: Int32Array;
  demandTotal: number;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Default target capacities: floor(cap * capacity_h / sum of capacities in region). */
function buildRegions(ix: InstanceIndex): Array<Region | null> {
  const { regionIds, regionCap, hostRegion, hostIds, capacity, nHosts } = ix;
  const members: number[][] = regionIds.map(() => []);
  for (let h = 0; h < nHosts; h++) {
    const r = hostRegion[h]!;
    if (r >= 0 && regionCap[r]! >= 0) members[r]!.push(h);
  }
  return members.map((list, r) => {
    const cap = regionCap[r]!;
    if (cap < 0) return null;
    list.sort((x, y) => compareIds(hostIds[x]!, hostIds[y]!));
    let totalCapacity = 0;
    for (const h of list) totalCapacity += capacity[h]!;
    const target = new Int32Array(list.length);
    list.forEach((h, i) => {
      target[i] = Math.min(capacity[h]!, Math.floor((cap * capacity[h]!) / totalCapacity));
    });
    return { cap, hosts: Int32Array.from(list), target, demandTotal: 0 };
  });
}

/**
 * Quotas of a region's hosts given demands (KK round-robin choice).
 * Writes quota[h] for every host h of the region.
 */
function allocate(region: Region, demand: Int32Array, quota: Int32Array): void {
  const { hosts, target, cap } = region;
  const m = hosts.length;
  if (region.demandTotal <= cap) {
    for (let i = 0; i < m; i++) quota[hosts[i]!] = demand[hosts[i]!]!;
    return;
  }
  const base = new Int32Array(m);
  let maxDemand = 0;
  for (let i = 0; i < m; i++) {
    const d = demand[hosts[i]!]!;
    base[i] = Math.min(d, target[i]!);
    if (d > maxDemand) maxDemand = d;
  }
  const filledAfter = (rounds: number): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += Math.min(demand[hosts[i]!]!, base[i]! + rounds);
    return s;
  };
  // largest number of complete round-robin rounds that fits under the cap
  let lo = 0;
  let hi = maxDemand;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (filledAfter(mid) <= cap) lo = mid;
    else hi = mid - 1;
  }
  let remaining = cap - filledAfter(lo);
  for (let i = 0; i < m; i++) {
    const h = hosts[i]!;
    const d = demand[h]!;
    const k = Math.min(d, base[i]! + lo);
    if (k < d && remaining > 0) {
      quota[h] = k + 1;
      remaining--;
    } else quota[h] = k;
  }
}

export function flexibleDeferredAcceptance(ix: InstanceIndex): Int32Array {
  const { nApplicants: nA, nHosts: nH, capacity, aPrefStart, aPrefHost, aPrefHostRank, hPrefStart, hPrefApp, hostRegion } = ix;
  const regions = buildRegions(ix);
  const regionOf = new Int32Array(nH).fill(-1); // capped region index or -1
  for (let h = 0; h < nH; h++) {
    const r = hostRegion[h]!;
    if (r >= 0 && regions[r]) regionOf[h] = r;
  }
  const match = new Int32Array(nA).fill(-1);
  const next = aPrefStart.slice(0, nA);
  const held = new Uint8Array(hPrefApp.length);
  const count = new Int32Array(nH);
  const worst = new Int32Array(nH).fill(-1);
  const demand = new Int32Array(nH); // min(offers received, capacity), capped hosts only
  const quota = capacity.slice(); // uncapped hosts: quota = capacity forever
  for (let h = 0; h < nH; h++) if (regionOf[h]! >= 0) quota[h] = 0;
  const oldQuota = new Int32Array(nH);
  const stack = new Int32Array(nA);
  let top = 0;
  for (let a = nA - 1; a >= 0; a--) stack[top++] = a;

  const evictWorst = (h: number): void => {
    const base = hPrefStart[h]!;
    let w = worst[h]!;
    held[base + w] = 0;
    const b = hPrefApp[base + w]!;
    match[b] = -1;
    stack[top++] = b;
    count[h]!--;
    if (count[h] === 0) {
      worst[h] = -1;
      return;
    }
    w--;
    while (held[base + w] === 0) w--;
    worst[h] = w;
  };
  const admit = (a: number, h: number, r: number): void => {
    held[hPrefStart[h]! + r] = 1;
    count[h]!++;
    if (r > worst[h]!) worst[h] = r;
    match[a] = h;
  };

  while (top > 0) {
    const a = stack[--top]!;
    let e = next[a]!;
    const end = aPrefStart[a + 1]!;
    while (e < end) {
      const r = aPrefHostRank[e]!;
      const h = aPrefHost[e]!;
      e++;
      if (r < 0) continue;
      const g = regionOf[h]!;
      if (g >= 0 && demand[h]! < capacity[h]!) {
        const region = regions[g]!;
        const saturated = quota[h] === demand[h]; // h holds every offer it received
        demand[h]!++;
        region.demandTotal++;
        if (saturated) {
          const hosts = region.hosts;
          for (let i = 0; i < hosts.length; i++) oldQuota[hosts[i]!] = quota[hosts[i]!]!;
          allocate(region, demand, quota);
          for (let i = 0; i < hosts.length; i++) {
            const x = hosts[i]!;
            if (x !== h && quota[x]! > oldQuota[x]!) throw new Error("flexible DA: quota grew for a host without a new offer");
            while (count[x]! > quota[x]!) evictWorst(x);
          }
        }
      }
      if (count[h]! < quota[h]!) {
        admit(a, h, r);
        break;
      }
      if (count[h]! > 0 && r < worst[h]!) {
        evictWorst(h);
        admit(a, h, r);
        break;
      }
      // rejected
    }
    next[a] = e;
  }
  return match;
}
