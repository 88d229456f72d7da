/**
 * Validation of an untrusted assignment instance (parsed JSON or built by a
 * service). Stops at the first problem and names the offending entry, e.g.
 *   applications[3].reads: expected an integer from 1 to 100, got 0
 * Unknown reviewers in `assigned` are not errors (they are released with
 * UNKNOWN_REVIEWER), nor are conflicts naming ids outside the instance
 * (ignored).
 */
import type { AssignmentInstance } from "./assignment-types.ts";

export type AssignmentValidation = { readonly ok: true; readonly instance: AssignmentInstance } | { readonly ok: false; readonly error: string };

export const MAX_READS = 100;
export const MAX_WEIGHT = 100;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const show = (x: unknown) => JSON.stringify(x) ?? String(x);

function stringList(x: unknown): boolean {
  return Array.isArray(x) && x.every((s) => typeof s === "string");
}

function intIn(x: unknown, min: number, max: number): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;
}

export function validateAssignmentInstance(input: unknown): AssignmentValidation {
  const fail = (error: string): AssignmentValidation => ({ ok: false, error });
  if (!isRecord(input)) return fail("instance: expected an object");
  const { applications, reviewers, conflicts, weights } = input;
  if (!Array.isArray(applications)) return fail("applications: expected an array");
  if (!Array.isArray(reviewers)) return fail("reviewers: expected an array");

  const appIds = new Set<string>();
  for (let i = 0; i < applications.length; i++) {
    const a: unknown = applications[i];
    const at = `applications[${i}]`;
    if (!isRecord(a)) return fail(`${at}: expected an object`);
    if (typeof a.id !== "string" || a.id === "") return fail(`${at}.id: expected a non-empty string`);
    if (appIds.has(a.id)) return fail(`${at}.id: duplicate application id ${show(a.id)}`);
    appIds.add(a.id);
    if (!stringList(a.languages)) return fail(`${at}.languages: expected an array of strings`);
    if (!stringList(a.fields)) return fail(`${at}.fields: expected an array of strings`);
    if (!intIn(a.reads, 1, MAX_READS)) return fail(`${at}.reads: expected an integer from 1 to ${MAX_READS}, got ${show(a.reads)}`);
    if (a.assigned !== undefined && !stringList(a.assigned)) return fail(`${at}.assigned: expected an array of reviewer ids`);
  }
  const reviewerIds = new Set<string>();
  for (let i = 0; i < reviewers.length; i++) {
    const r: unknown = reviewers[i];
    const at = `reviewers[${i}]`;
    if (!isRecord(r)) return fail(`${at}: expected an object`);
    if (typeof r.id !== "string" || r.id === "") return fail(`${at}.id: expected a non-empty string`);
    if (reviewerIds.has(r.id)) return fail(`${at}.id: duplicate reviewer id ${show(r.id)}`);
    reviewerIds.add(r.id);
    if (!stringList(r.languages)) return fail(`${at}.languages: expected an array of strings`);
    if (!stringList(r.expertise)) return fail(`${at}.expertise: expected an array of strings`);
    if (!intIn(r.capacity, 0, 1e9)) return fail(`${at}.capacity: expected an integer >= 0, got ${show(r.capacity)}`);
    if (r.load !== undefined && !intIn(r.load, 0, 1e9)) return fail(`${at}.load: expected an integer >= 0, got ${show(r.load)}`);
  }
  if (conflicts !== undefined) {
    if (!Array.isArray(conflicts)) return fail("conflicts: expected an array");
    for (let i = 0; i < conflicts.length; i++) {
      const c: unknown = conflicts[i];
      if (!isRecord(c) || typeof c.reviewer !== "string" || typeof c.application !== "string") {
        return fail(`conflicts[${i}]: expected { reviewer: string, application: string }`);
      }
    }
  }
  if (weights !== undefined) {
    if (!isRecord(weights)) return fail("weights: expected an object");
    for (const key of ["language", "expertise"] as const) {
      const w = weights[key];
      if (w !== undefined && !intIn(w, 0, MAX_WEIGHT)) return fail(`weights.${key}: expected an integer from 0 to ${MAX_WEIGHT}, got ${show(w)}`);
    }
  }
  return { ok: true, instance: input as unknown as AssignmentInstance };
}
