/**
 * Independent verifier of a matching result. Deliberately shares no code with
 * the solver (only the input/output types): it re-reads the instance by
 * string id with its own id maps and its own integer tables, checks
 * feasibility and lists every blocking pair.
 *
 * Feasibility: every assignment names known ids; every applicant is assigned
 * at most once; both sides list each other; no host above its capacity; no
 * capped region above its cap; `unmatched` (when given) is exactly the
 * applicants without an assignment.
 *
 * Blocking pair (a, h): a and h list each other, a is unmatched or ranks h
 * above its host, and either
 *   JUSTIFIED_ENVY — h admits some applicant it ranks below a, or
 *   EMPTY_SEAT     — h has fewer interns than its capacity and h's region has
 *                    no cap or fewer interns than its cap.
 * Without regional caps this is exactly classic stability. With caps it is
 * Kamada–Kojima's weak stability ("notion: weakly-stable-with-regional-caps"):
 * a pair blocked only by a full region is not counted — including a move
 * between two hosts of the same full region, because a matching free of those
 * need not exist (ADR 0005 gives the example).
 *
 * Cost: O(total length of the rank lists), no hosts × applicants table. Ids
 * are looked up in null-prototype dictionaries: once per assignment, once per
 * applicant-list entry ranked above the applicant's outcome, and once per
 * host-list entry read — a host without an open seat is read only down to its
 * lowest admitted applicant. The read host-list entries are inverted (per
 * applicant: the hosts listing them, with the rank); while an applicant's list
 * is checked those ranks sit in a per-host Int32Array, cleared afterwards.
 * Assumes rank lists without duplicate entries (validateInstance checks this).
 */
import type { Assignment, BlockingPair, MatchingInstance, Verification, Violation } from "./types.ts";

const UNKNOWN_APPLICANT = 1;
const UNKNOWN_HOST = 2;
const ASSIGNED_TWICE = 3;
const FIRST_LISTED = 4; // first assignment of the applicant, who lists the host
const FIRST_NOT_LISTED = 5; // first assignment of the applicant, who does not list the host
const UNLISTED_ADMIT = 0x7fffffff; // rank of an admitted applicant the host does not list: below everyone

export function verifyMatching(instance: MatchingInstance, assignments: readonly Assignment[], unmatched?: readonly string[]): Verification {
  const { applicants, hosts } = instance;
  const nA = applicants.length;
  const nH = hosts.length;
  const violations: Violation[] = [];
  const caps = instance.regionCaps ?? {};

  // id -> position; null-prototype dictionaries (no inherited keys) look short
  // string keys up about twice as fast as a Map in V8
  const applicantPos: Record<string, number | undefined> = Object.create(null);
  for (let a = 0; a < nA; a++) applicantPos[applicants[a]!.id] = a;
  const hostPos: Record<string, number | undefined> = Object.create(null);
  for (let h = 0; h < nH; h++) hostPos[hosts[h]!.id] = h;

  // regions: index per host (-1 none), cap per region (-1 uncapped)
  const regionPos = new Map<string, number>();
  const regionNames: string[] = [];
  const hostRegion = new Int32Array(nH).fill(-1);
  for (let h = 0; h < nH; h++) {
    const region = hosts[h]!.region;
    if (region === undefined) continue;
    let g = regionPos.get(region);
    if (g === undefined) {
      g = regionNames.length;
      regionNames.push(region);
      regionPos.set(region, g);
    }
    hostRegion[h] = g;
  }
  const regionCap = new Int32Array(regionNames.length).fill(-1);
  let capped = false;
  for (let g = 0; g < regionNames.length; g++) {
    const cap = Object.hasOwn(caps, regionNames[g]!) ? caps[regionNames[g]!] : undefined;
    if (cap !== undefined) {
      regionCap[g] = cap;
      capped = true;
    }
  }

  // assignments: hostOf, admitted counts; violations are emitted below, in assignment order
  const nAs = assignments.length;
  const status = new Uint8Array(nAs);
  const assignedApplicant = new Int32Array(nAs);
  const hostOf = new Int32Array(nA).fill(-1);
  const admittedCount = new Int32Array(nH);
  for (let i = 0; i < nAs; i++) {
    const { applicant, host } = assignments[i]!;
    const a = applicantPos[applicant];
    const h = hostPos[host];
    if (a === undefined) status[i] = UNKNOWN_APPLICANT;
    else if (h === undefined) status[i] = UNKNOWN_HOST;
    else if (hostOf[a]! >= 0) status[i] = ASSIGNED_TWICE;
    else {
      status[i] = applicants[a]!.preferences.includes(host) ? FIRST_LISTED : FIRST_NOT_LISTED;
      assignedApplicant[i] = a;
      hostOf[a] = h;
      admittedCount[h]!++;
    }
  }

  const regionCount = new Int32Array(regionNames.length);
  for (let h = 0; h < nH; h++) if (hostRegion[h]! >= 0) regionCount[hostRegion[h]!]! += admittedCount[h]!;
  // a host can take one more applicant without breaking its capacity or its region's cap
  const openSeat = new Uint8Array(nH);
  for (let h = 0; h < nH; h++) {
    const g = hostRegion[h]!;
    const regionFull = g >= 0 && regionCap[g]! >= 0 && regionCount[g]! >= regionCap[g]!;
    if (admittedCount[h]! < hosts[h]!.capacity && !regionFull) openSeat[h] = 1;
  }

  // Host lists as applicant positions (-1: unknown id), CSR; lowest admitted rank per host.
  // A host without an open seat is read only down to its lowest admitted applicant:
  // one it ranks lower can block with it neither by envy nor by an empty seat.
  let total = 0;
  for (let h = 0; h < nH; h++) total += hosts[h]!.preferences.length;
  const listStart = new Int32Array(nH);
  const listEnd = new Int32Array(nH);
  const listApp = new Int32Array(total);
  const invStart = new Int32Array(nA + 1); // entries naming each applicant, counted, then offsets
  const worst = new Int32Array(nH).fill(-1);
  const listedByOwnHost = new Uint8Array(nA);
  let s = 0;
  for (let h = 0; h < nH; h++) {
    const prefs = hosts[h]!.preferences;
    const readAll = openSeat[h] === 1;
    let missing = admittedCount[h]!;
    let k = 0;
    for (; k < prefs.length && (readAll || missing > 0); k++) {
      const a = applicantPos[prefs[k]!];
      if (a === undefined) {
        listApp[s + k] = -1;
        continue;
      }
      listApp[s + k] = a;
      invStart[a + 1]!++;
      if (hostOf[a] === h && listedByOwnHost[a] === 0) {
        listedByOwnHost[a] = 1;
        worst[h] = k;
        missing--;
      }
    }
    listStart[h] = s;
    listEnd[h] = s + k;
    s += prefs.length;
  }
  for (let a = 0; a < nA; a++) {
    const h = hostOf[a]!;
    if (h >= 0 && listedByOwnHost[a] === 0) worst[h] = UNLISTED_ADMIT;
  }

  // inverted (read part of the) host lists: per applicant, the hosts listing them and at which rank
  for (let a = 0; a < nA; a++) invStart[a + 1]! += invStart[a]!;
  const invHost = new Int32Array(invStart[nA]!);
  const invRank = new Int32Array(invStart[nA]!);
  const cursor = invStart.slice(0, nA);
  for (let h = 0; h < nH; h++) {
    const s = listStart[h]!;
    const t = listEnd[h]!;
    for (let x = s; x < t; x++) {
      const a = listApp[x]!;
      if (a < 0) continue;
      const c = cursor[a]!++;
      invHost[c] = h;
      invRank[c] = x - s;
    }
  }

  for (let i = 0; i < nAs; i++) {
    const st = status[i]!;
    if (st === FIRST_LISTED && listedByOwnHost[assignedApplicant[i]!] === 1) continue;
    const { applicant, host } = assignments[i]!;
    if (st === UNKNOWN_APPLICANT) violations.push({ code: "UNKNOWN_APPLICANT", applicant, host });
    else if (st === UNKNOWN_HOST) violations.push({ code: "UNKNOWN_HOST", applicant, host });
    else if (st === ASSIGNED_TWICE) violations.push({ code: "APPLICANT_ASSIGNED_TWICE", applicant, host });
    else violations.push({ code: "UNACCEPTABLE_PAIR", applicant, host });
  }
  for (let h = 0; h < nH; h++) {
    const ho = hosts[h]!;
    const n = admittedCount[h]!;
    if (n > ho.capacity) violations.push({ code: "HOST_OVER_CAPACITY", host: ho.id, count: n, limit: ho.capacity });
  }
  const regionOrder = regionNames.map((_, g) => g).sort((x, y) => (regionNames[x]! < regionNames[y]! ? -1 : regionNames[x]! > regionNames[y]! ? 1 : 0));
  for (const g of regionOrder) {
    const cap = regionCap[g]!;
    const n = regionCount[g]!;
    if (cap >= 0 && n > cap) violations.push({ code: "REGION_OVER_CAP", region: regionNames[g]!, count: n, limit: cap });
  }

  if (unmatched !== undefined) {
    const seen = new Set<string>();
    for (const id of unmatched) {
      const a = applicantPos[id];
      if (a === undefined || hostOf[a]! >= 0 || seen.has(id)) violations.push({ code: "UNMATCHED_LIST_MISMATCH", applicant: id });
      seen.add(id);
    }
    for (let a = 0; a < nA; a++) {
      const id = applicants[a]!.id;
      if (hostOf[a]! < 0 && !seen.has(id)) violations.push({ code: "UNMATCHED_LIST_MISMATCH", applicant: id });
    }
  }

  // blocking pairs, by applicant then by the applicant's order; rankAt[h] = h's rank of the current applicant
  const blockingPairs: BlockingPair[] = [];
  const rankAt = new Int32Array(nH).fill(-1);
  for (let a = 0; a < nA; a++) {
    const ap = applicants[a]!;
    const prefs = ap.preferences;
    const current = hostOf[a]!;
    const currentId = current < 0 ? undefined : hosts[current]!.id;
    let scattered = false;
    for (let k = 0; k < prefs.length; k++) {
      const hid = prefs[k]!;
      if (hid === currentId) break; // only hosts ranked above the current one
      const h = hostPos[hid];
      if (h === undefined) continue;
      if (!scattered) {
        for (let y = invStart[a]!; y < invStart[a + 1]!; y++) rankAt[invHost[y]!] = invRank[y]!;
        scattered = true;
      }
      const r = rankAt[h]!;
      if (r < 0) continue; // h does not find a acceptable
      if (worst[h]! > r) blockingPairs.push({ applicant: ap.id, host: hid, kind: "JUSTIFIED_ENVY" });
      else if (openSeat[h] === 1) blockingPairs.push({ applicant: ap.id, host: hid, kind: "EMPTY_SEAT" });
    }
    if (scattered) for (let y = invStart[a]!; y < invStart[a + 1]!; y++) rankAt[invHost[y]!] = -1;
  }

  const feasible = violations.length === 0;
  return {
    notion: capped ? "weakly-stable-with-regional-caps" : "stable",
    feasible,
    stable: feasible && blockingPairs.length === 0,
    violations,
    blockingPairs,
  };
}
