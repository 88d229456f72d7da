/**
 * Hand-written validation of an untrusted instance (parsed JSON). Stops at the
 * first problem and names the offending entry, e.g.
 *   hosts[12].preferences[3]: unknown applicant "a9"
 * Linear in the input size (one Map per side, stamp arrays for duplicates).
 */
import type { MatchingInstance } from "./types.ts";

export type ValidationResult = { readonly ok: true; readonly instance: MatchingInstance } | { readonly ok: false; readonly error: string };

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

  const applicantIndex = new Map<string, number>();
  for (let i = 0; i < applicants.length; i++) {
    const ap: unknown = applicants[i];
    if (!isRecord(ap)) return fail(`applicants[${i}]: expected an object`);
    if (typeof ap.id !== "string" || ap.id === "") return fail(`applicants[${i}].id: expected a non-empty string`);
    if (applicantIndex.has(ap.id)) return fail(`applicants[${i}].id: duplicate applicant id ${q(ap.id)}`);
    applicantIndex.set(ap.id, i);
    if (!Array.isArray(ap.preferences)) return fail(`applicants[${i}].preferences: expected an array`);
  }
  const hostIndex = new Map<string, number>();
  for (let i = 0; i < hosts.length; i++) {
    const ho: unknown = hosts[i];
    if (!isRecord(ho)) return fail(`hosts[${i}]: expected an object`);
    if (typeof ho.id !== "string" || ho.id === "") return fail(`hosts[${i}].id: expected a non-empty string`);
    if (hostIndex.has(ho.id)) return fail(`hosts[${i}].id: duplicate host id ${q(ho.id)}`);
    hostIndex.set(ho.id, i);
    const c = ho.capacity;
    if (typeof c !== "number" || !Number.isInteger(c)) return fail(`hosts[${i}].capacity: expected an integer, got ${JSON.stringify(c) ?? "nothing"}`);
    if (c < 1) return fail(`hosts[${i}].capacity: must be >= 1, got ${c}`);
    if (ho.region !== undefined && typeof ho.region !== "string") return fail(`hosts[${i}].region: expected a string`);
    if (capsGiven && ho.region === undefined) return fail(`hosts[${i}].region: missing (required when regionCaps is given)`);
    if (!Array.isArray(ho.preferences)) return fail(`hosts[${i}].preferences: expected an array`);
  }

  // rank lists: known ids, no duplicates (stamp = list number + 1)
  const hostStamp = new Int32Array(hosts.length);
  for (let i = 0; i < applicants.length; i++) {
    const prefs = (applicants[i] as { preferences: unknown[] }).preferences;
    for (let k = 0; k < prefs.length; k++) {
      const id = prefs[k];
      if (typeof id !== "string") return fail(`applicants[${i}].preferences[${k}]: expected a host id string`);
      const h = hostIndex.get(id);
      if (h === undefined) return fail(`applicants[${i}].preferences[${k}]: unknown host ${q(id)}`);
      if (hostStamp[h] === i + 1) return fail(`applicants[${i}].preferences[${k}]: duplicate host ${q(id)}`);
      hostStamp[h] = i + 1;
    }
  }
  const applicantStamp = new Int32Array(applicants.length);
  for (let i = 0; i < hosts.length; i++) {
    const prefs = (hosts[i] as { preferences: unknown[] }).preferences;
    for (let k = 0; k < prefs.length; k++) {
      const id = prefs[k];
      if (typeof id !== "string") return fail(`hosts[${i}].preferences[${k}]: expected an applicant id string`);
      const a = applicantIndex.get(id);
      if (a === undefined) return fail(`hosts[${i}].preferences[${k}]: unknown applicant ${q(id)}`);
      if (applicantStamp[a] === i + 1) return fail(`hosts[${i}].preferences[${k}]: duplicate applicant ${q(id)}`);
      applicantStamp[a] = i + 1;
    }
  }
  return { ok: true, instance: input as unknown as MatchingInstance };
}
