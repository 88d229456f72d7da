/**
 * Hand-written validation of an untrusted instance (parsed JSON). Stops at the
 * first problem and names the offending entry, e.g.
 *   hosts[12].preferences[3]: unknown applicant "a9"
 * Linear in the input size (one dictionary per side, stamp arrays for duplicates). The ids it resolves
 * while checking are kept: a valid instance comes with its index (instance-index.ts), which `solve`
 * then does not build again (issue #20 item 5: `jip match` read every id twice).
 */
import { type InstanceIndex, indexFromLists, regionsOf } from "./instance-index.ts";
import type { MatchingInstance } from "./types.ts";

export type ValidationResult =
  { readonly ok: true; readonly instance: MatchingInstance; readonly index: InstanceIndex } | { readonly ok: false; readonly error: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const q = (s: string): string => JSON.stringify(s);

export function validateInstance(input: unknown): ValidationResult {
  const fail = (error: string): ValidationResult => ({ ok: false, error });
  if (!isRecord(input)) return fail("instance: expected an object");
  const { applicants, hosts, regionCaps } = input;
  if (!Array.isArray(applicants)) return fail("applicants: expected an array");
  if (!Array.isArray(hosts)) return fail("hosts: expected an array");

  const capsGiven = regionCaps !== undefined;
  if (capsGiven) {
    if (!isRecord(regionCaps)) return fail("regionCaps: expected an object");
    for (const [region, cap] of Object.entries(regionCaps)) {
      if (typeof cap !== "number" || !Number.isInteger(cap)) return fail(`regionCaps.${region}: expected an integer, got ${JSON.stringify(cap)}`);
      if (cap < 0) return fail(`regionCaps.${region}: cap must be >= 0, got ${cap}`);
    }
  }

  // id -> index; null-prototype dictionaries (no inherited keys) look short string keys up about twice as fast as a Map
  const applicantIndex: Record<string, number> = Object.create(null);
  const applicantIds = new Array<string>(applicants.length);
  let aTotal = 0;
  for (let i = 0; i < applicants.length; i++) {
    const ap: unknown = applicants[i];
    if (!isRecord(ap)) return fail(`applicants[${i}]: expected an object`);
    if (typeof ap.id !== "string" || ap.id === "") return fail(`applicants[${i}].id: expected a non-empty string`);
    if (applicantIndex[ap.id] !== undefined) return fail(`applicants[${i}].id: duplicate applicant id ${q(ap.id)}`);
    applicantIndex[ap.id] = i;
    applicantIds[i] = ap.id;
    if (!Array.isArray(ap.preferences)) return fail(`applicants[${i}].preferences: expected an array`);
    aTotal += ap.preferences.length;
  }
  const hostIndex: Record<string, number> = Object.create(null);
  const hostIds = new Array<string>(hosts.length);
  const capacity = new Int32Array(hosts.length);
  let hTotal = 0;
  for (let i = 0; i < hosts.length; i++) {
    const ho: unknown = hosts[i];
    if (!isRecord(ho)) return fail(`hosts[${i}]: expected an object`);
    if (typeof ho.id !== "string" || ho.id === "") return fail(`hosts[${i}].id: expected a non-empty string`);
    if (hostIndex[ho.id] !== undefined) return fail(`hosts[${i}].id: duplicate host id ${q(ho.id)}`);
    hostIndex[ho.id] = i;
    hostIds[i] = ho.id;
    const c = ho.capacity;
    if (typeof c !== "number" || !Number.isInteger(c)) return fail(`hosts[${i}].capacity: expected an integer, got ${JSON.stringify(c) ?? "nothing"}`);
    if (c < 1) return fail(`hosts[${i}].capacity: must be >= 1, got ${c}`);
    if (ho.region !== undefined && typeof ho.region !== "string") return fail(`hosts[${i}].region: expected a string`);
    if (capsGiven && ho.region === undefined) return fail(`hosts[${i}].region: missing (required when regionCaps is given)`);
    if (!Array.isArray(ho.preferences)) return fail(`hosts[${i}].preferences: expected an array`);
    capacity[i] = c;
    hTotal += ho.preferences.length;
  }

  // rank lists: known ids, no duplicates (stamp = list number + 1)
  // (resolved into CSR lists as they are checked: `aPrefHost` the host index of each applicant-list entry, …)
  const hostStamp = new Int32Array(hosts.length);
  const aPrefStart = new Int32Array(applicants.length + 1);
  const aPrefHost = new Int32Array(aTotal);
  let e = 0;
  for (let i = 0; i < applicants.length; i++) {
    aPrefStart[i] = e;
    const prefs = (applicants[i] as { preferences: unknown[] }).preferences;
    for (let k = 0; k < prefs.length; k++) {
      const id = prefs[k];
      if (typeof id !== "string") return fail(`applicants[${i}].preferences[${k}]: expected a host id string`);
      const h = hostIndex[id];
      if (h === undefined) return fail(`applicants[${i}].preferences[${k}]: unknown host ${q(id)}`);
      if (hostStamp[h] === i + 1) return fail(`applicants[${i}].preferences[${k}]: duplicate host ${q(id)}`);
      hostStamp[h] = i + 1;
      aPrefHost[e++] = h;
    }
  }
  aPrefStart[applicants.length] = e;
  const applicantStamp = new Int32Array(applicants.length);
  const hPrefStart = new Int32Array(hosts.length + 1);
  const hPrefApp = new Int32Array(hTotal);
  e = 0;
  for (let i = 0; i < hosts.length; i++) {
    hPrefStart[i] = e;
    const prefs = (hosts[i] as { preferences: unknown[] }).preferences;
    for (let k = 0; k < prefs.length; k++) {
      const id = prefs[k];
      if (typeof id !== "string") return fail(`hosts[${i}].preferences[${k}]: expected an applicant id string`);
      const a = applicantIndex[id];
      if (a === undefined) return fail(`hosts[${i}].preferences[${k}]: unknown applicant ${q(id)}`);
      if (applicantStamp[a] === i + 1) return fail(`hosts[${i}].preferences[${k}]: duplicate applicant ${q(id)}`);
      applicantStamp[a] = i + 1;
      hPrefApp[e++] = a;
    }
  }
  hPrefStart[hosts.length] = e;
  const instance = input as unknown as MatchingInstance;
  const index = indexFromLists(
    { applicantIds, hostIds, capacity, aPrefStart, aPrefHost, hPrefStart, hPrefApp },
    regionsOf(instance.hosts, instance.regionCaps),
  );
  return { ok: true, instance, index };
}
