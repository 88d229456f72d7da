/**
 * Test helpers: a random small-instance generator (fast-check) and a
 * brute-force enumeration of all feasible matchings with a naive stability
 * check written from the definitions (independent of solver and verifier).
 */
import fc from "fast-check";
import type { Assignment, MatchingInstance } from "#src/domain/matching/index.ts";

export interface ArbOptions {
  readonly minApplicants?: number;
  readonly maxApplicants?: number;
  readonly minHosts?: number;
  readonly maxHosts?: number;
  readonly maxCapacity?: number;
  readonly caps?: boolean;
}

export function instanceArb(opts: ArbOptions = {}): fc.Arbitrary<MatchingInstance> {
  const { minApplicants = 2, maxApplicants = 5, minHosts = 2, maxHosts = 3, maxCapacity = 2, caps = false } = opts;
  // mostly complete lists: they give instances with several stable matchings
  const list = (ids: string[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }) },
      { weight: 1, arbitrary: fc.shuffledSubarray(ids) },
    );
  return fc.tuple(fc.integer({ min: minApplicants, max: maxApplicants }), fc.integer({ min: minHosts, max: maxHosts })).chain(([nA, nH]) => {
    // ids whose string order differs from creation order
    const aIds = Array.from({ length: nA }, (_, i) => `a${(i * 7) % 10}${i}`);
    const hIds = Array.from({ length: nH }, (_, i) => `h${(i * 3) % 5}${i}`);
    const applicants = fc.tuple(...aIds.map((id) => list(hIds).map((preferences) => ({ id, preferences }))));
    const hosts = fc.tuple(
      ...hIds.map((id) =>
        fc
          .record({
            capacity: fc.integer({ min: 1, max: maxCapacity }),
            preferences: list(aIds),
            region: fc.constantFrom("r1", "r2"),
          })
          .map(({ capacity, preferences, region }) => (caps ? { id, capacity, preferences, region } : { id, capacity, preferences })),
      ),
    );
    const regionCaps = caps
      ? fc.record({ r1: fc.integer({ min: 0, max: 3 }), r2: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ["r1"] })
      : fc.constant(undefined);
    return fc
      .tuple(applicants, hosts, regionCaps)
      .map(([applicants, hosts, regionCaps]) => (regionCaps ? { applicants, hosts, regionCaps } : { applicants, hosts }));
  });
}

/** applicant id -> host id (absent = unmatched) */
export type Matching = ReadonlyMap<string, string>;

export function toMap(assignments: readonly Assignment[]): Matching {
  return new Map(assignments.map((x) => [x.applicant, x.host]));
}

/** All feasible matchings: mutual acceptability, capacities, region caps. */
export function allFeasibleMatchings(inst: MatchingInstance): Matching[] {
  const options = inst.applicants.map((ap) => ap.preferences.filter((h) => inst.hosts.find((x) => x.id === h)!.preferences.includes(ap.id)));
  const out: Matching[] = [];
  const current = new Map<string, string>();
  const load = new Map<string, number>();
  const regionLoad = new Map<string, number>();
  const go = (i: number): void => {
    if (i === inst.applicants.length) {
      out.push(new Map(current));
      return;
    }
    go(i + 1); // unmatched
    const a = inst.applicants[i]!.id;
    for (const hid of options[i]!) {
      const host = inst.hosts.find((x) => x.id === hid)!;
      if ((load.get(hid) ?? 0) >= host.capacity) continue;
      const cap = host.region !== undefined ? inst.regionCaps?.[host.region] : undefined;
      if (cap !== undefined && (regionLoad.get(host.region!) ?? 0) >= cap) continue;
      current.set(a, hid);
      load.set(hid, (load.get(hid) ?? 0) + 1);
      if (host.region !== undefined) regionLoad.set(host.region, (regionLoad.get(host.region) ?? 0) + 1);
      go(i + 1);
      current.delete(a);
      load.set(hid, load.get(hid)! - 1);
      if (host.region !== undefined) regionLoad.set(host.region, regionLoad.get(host.region)! - 1);
    }
  };
  go(0);
  return out;
}

/** a prefers h to its outcome in m (unmatched is worst); h must be on a's list */
function prefers(inst: MatchingInstance, a: string, h: string, m: Matching): boolean {
  const prefs = inst.applicants.find((x) => x.id === a)!.preferences;
  const cur = m.get(a);
  return cur === undefined || prefs.indexOf(h) < prefs.indexOf(cur);
}

/**
 * Naive check of the documented notion. Without caps: classic stability.
 * With caps: no (a,h) mutually acceptable, a prefers h, and (h admits someone
 * it ranks below a) or (h under capacity and h's region under its cap).
 */
export function isStableNaive(inst: MatchingInstance, m: Matching): boolean {
  for (const ap of inst.applicants) {
    for (const hid of ap.preferences) {
      const host = inst.hosts.find((x) => x.id === hid)!;
      if (!host.preferences.includes(ap.id) || !prefers(inst, ap.id, hid, m)) continue;
      const admitted = [...m].filter(([, h]) => h === hid).map(([a]) => a);
      if (admitted.some((b) => host.preferences.indexOf(b) > host.preferences.indexOf(ap.id))) return false;
      if (admitted.length < host.capacity) {
        const cap = host.region !== undefined ? inst.regionCaps?.[host.region] : undefined;
        const inRegion = [...m.values()].filter((h) => inst.hosts.find((x) => x.id === h)!.region === host.region).length;
        if (cap === undefined || inRegion < cap) return false;
      }
    }
  }
  return true;
}

export function allStableMatchings(inst: MatchingInstance): Matching[] {
  return allFeasibleMatchings(inst).filter((m) => isStableNaive(inst, m));
}

/** rank of a's outcome (unmatched = list length) */
export function outcomeRank(inst: MatchingInstance, a: string, m: Matching): number {
  const prefs = inst.applicants.find((x) => x.id === a)!.preferences;
  const h = m.get(a);
  return h === undefined ? prefs.length : prefs.indexOf(h);
}

export function sameMatching(x: Matching, y: Matching): boolean {
  return x.size === y.size && [...x].every(([a, h]) => y.get(a) === h);
}

export function shuffleArb<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
}

/**
 * Instances biased towards several stable matchings. Core: one or two blocks
 * of cyclic latin-square preferences (within a block of size n, applicant i's
 * k-th choice is host i+k and host j's k-th choice is applicant j+1+k, mod n,
 * so every pair's two ranks add up to n-1 and each of the n "shifted"
 * matchings i -> i+s is stable); with two blocks, every applicant lists the
 * other block's hosts after its own (in a rotated order) and vice versa, so
 * the stable matchings of the blocks combine (2×3 blocks: at least 6).
 * Then up to two small perturbations (swap two adjacent entries of a list,
 * drop a list entry, raise a host's capacity, add an applicant) so the
 * instances are not all symmetric, and random labels / input order.
 */
export function multiStableArb(): fc.Arbitrary<MatchingInstance> {
  const mutation = fc.record({
    kind: fc.constantFrom("swap", "drop", "capacity", "extraApplicant"),
    hostSide: fc.boolean(),
    who: fc.nat(20),
    pos: fc.nat(20),
  });
  return fc
    .record({
      blocks: fc.constantFrom([3], [4], [5], [2, 2], [2, 3], [3, 2]),
      mutations: fc.array(mutation, { maxLength: 2 }),
      aLabels: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
      hLabels: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
      seed: fc.nat(1000),
    })
    .map(({ blocks, mutations, aLabels, hLabels, seed }) => {
      const aPrefs: number[][] = [];
      const hPrefs: number[][] = [];
      let offset = 0;
      for (const n of blocks) {
        for (let i = 0; i < n; i++) aPrefs.push(Array.from({ length: n }, (_, k) => offset + ((i + k) % n)));
        for (let j = 0; j < n; j++) hPrefs.push(Array.from({ length: n }, (_, k) => offset + ((j + 1 + k) % n)));
        offset += n;
      }
      const total = offset;
      const inBlock = (x: number) => {
        let o = 0;
        for (const n of blocks) {
          if (x < o + n) return [o, n] as const;
          o += n;
        }
        throw new Error("unreachable");
      };
      if (blocks.length > 1) {
        // other block's entries after the own block's, rotated by the list owner's index
        for (const prefs of [aPrefs, hPrefs]) {
          prefs.forEach((list, x) => {
            const [o, n] = inBlock(x);
            const others = Array.from({ length: total - n }, (_, k) => (o + n + k) % total);
            const r = (x + seed) % others.length;
            list.push(...others.slice(r), ...others.slice(0, r));
          });
        }
      }
      const capacity = hPrefs.map(() => 1);
      for (const m of mutations) {
        const lists = m.hostSide ? hPrefs : aPrefs;
        const list = lists[m.who % lists.length]!;
        if (m.kind === "swap" && list.length >= 2) {
          const p = m.pos % (list.length - 1);
          [list[p], list[p + 1]] = [list[p + 1]!, list[p]!];
        } else if (m.kind === "drop" && list.length >= 2) {
          list.splice(m.pos % list.length, 1);
        } else if (m.kind === "capacity") {
          capacity[m.who % capacity.length]! += 1;
        } else if (m.kind === "extraApplicant" && aPrefs.length < 7) {
          const a = aPrefs.length;
          const r = m.who % hPrefs.length;
          aPrefs.push(hPrefs.map((_, j) => (j + r) % hPrefs.length));
          hPrefs.forEach((l, j) => l.splice((m.pos + j) % (l.length + 1), 0, a));
        }
      }
      const aId = (a: number) => `a${aLabels[a]}`;
      const hId = (h: number) => `h${hLabels[h]}`;
      const applicants = aPrefs.map((list, a) => ({ id: aId(a), preferences: list.map(hId) }));
      const hosts = hPrefs.map((list, h) => ({ id: hId(h), capacity: capacity[h]!, preferences: list.map(aId) }));
      const rot = seed % applicants.length;
      return { applicants: [...applicants.slice(rot), ...applicants.slice(0, rot)], hosts: hosts.reverse() };
    });
}
