/**
 * Integer form of a validated assignment instance for the solver: ids sorted
 * (code-unit order) and mapped to indices, so the result does not depend on
 * the order of the input arrays; preference costs as small tables; conflicts
 * as a bitset; existing assignments sorted into kept and released.
 *
 * Costs: cost(a, r) = languageCost[langProfile(a)][r] + fieldCost[fieldProfile(a)][r]
 * where a profile is a distinct set of languages (fields) among the
 * applications. Both tables hold integers 0–100 (Uint8Array).
 */
import { DEFAULT_ASSIGNMENT_WEIGHTS, type AssignmentInstance, type AssignmentWeights, type ReleasedAssignment } from "./assignment-types.ts";

export interface AssignmentIndex {
  readonly nA: number;
  readonly nR: number;
  readonly appIds: readonly string[];
  readonly reviewerIds: readonly string[];
  readonly weights: AssignmentWeights;
  /** reads required per application */
  readonly reads: Int32Array;
  /** application a owns slots slotStart[a] .. slotStart[a + 1] (one per read) */
  readonly slotStart: Int32Array;
  /** kept reviewers of a: keptReviewer[slotStart[a] .. slotStart[a] + keptCount[a]) */
  readonly keptCount: Int32Array;
  readonly keptReviewer: Int32Array;
  readonly capacity: Int32Array;
  readonly priorLoad: Int32Array;
  /** priorLoad + kept reads */
  readonly base: Int32Array;
  readonly langProfile: Int32Array;
  readonly fieldProfile: Int32Array;
  /** [profile * nR + r] */
  readonly languageCost: Uint8Array;
  readonly fieldCost: Uint8Array;
  /** largest cost(a, r) over all pairs */
  readonly maxCost: number;
  /** bit a * nR + r set: conflict */
  readonly conflict: Uint32Array;
  readonly released: readonly ReleasedAssignment[];
}

export const isConflict = (conflict: Uint32Array, bit: number): boolean => ((conflict[bit >>> 5]! >>> (bit & 31)) & 1) === 1;

const byCodeUnit = (ids: readonly string[]) => (x: number, y: number) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0);

/** Precondition: validateAssignmentInstance(instance).ok. */
export function buildAssignmentIndex(instance: AssignmentInstance): AssignmentIndex {
  const weights: AssignmentWeights = {
    language: instance.weights?.language ?? DEFAULT_ASSIGNMENT_WEIGHTS.language,
    expertise: instance.weights?.expertise ?? DEFAULT_ASSIGNMENT_WEIGHTS.expertise,
  };
  const apps = instance.applications;
  const revs = instance.reviewers;
  const aOrder = Array.from(apps.keys()).sort(byCodeUnit(apps.map((a) => a.id)));
  const rOrder = Array.from(revs.keys()).sort(byCodeUnit(revs.map((r) => r.id)));
  const nA = apps.length;
  const nR = revs.length;
  const appIds = aOrder.map((i) => apps[i]!.id);
  const reviewerIds = rOrder.map((i) => revs[i]!.id);
  const aIdx: Record<string, number> = Object.create(null);
  appIds.forEach((id, a) => (aIdx[id] = a));
  const rIdx: Record<string, number> = Object.create(null);
  reviewerIds.forEach((id, r) => (rIdx[id] = r));

  const capacity = Int32Array.from(rOrder, (i) => revs[i]!.capacity);
  const priorLoad = Int32Array.from(rOrder, (i) => revs[i]!.load ?? 0);

  const conflict = new Uint32Array(Math.ceil((nA * nR) / 32));
  for (const c of instance.conflicts ?? []) {
    const a = aIdx[c.application];
    const r = rIdx[c.reviewer];
    if (a === undefined || r === undefined) continue;
    const bit = a * nR + r;
    conflict[bit >>> 5]! |= 1 << (bit & 31);
  }

  const reads = Int32Array.from(aOrder, (i) => apps[i]!.reads);
  const slotStart = new Int32Array(nA + 1);
  for (let a = 0; a < nA; a++) slotStart[a + 1] = slotStart[a]! + reads[a]!;
  const keptReviewer = new Int32Array(slotStart[nA]!).fill(-1);
  const keptCount = new Int32Array(nA);
  const base = Int32Array.from(priorLoad);
  const released: ReleasedAssignment[] = [];
  for (let a = 0; a < nA; a++) {
    const app = apps[aOrder[a]!]!;
    const seen = new Set<string>();
    for (const reviewer of app.assigned ?? []) {
      const dup = seen.has(reviewer);
      seen.add(reviewer);
      const r = rIdx[reviewer];
      const reason =
        r === undefined
          ? "UNKNOWN_REVIEWER"
          : dup
            ? "DUPLICATE"
            : isConflict(conflict, a * nR + r)
              ? "CONFLICT"
              : keptCount[a] === reads[a]
                ? "EXCESS_READS"
                : null;
      if (reason !== null) {
        released.push({ application: app.id, reviewer, reason });
        continue;
      }
      keptReviewer[slotStart[a]! + keptCount[a]!] = r!;
      keptCount[a]!++;
      base[r!]!++;
    }
  }

  // profiles: distinct language sets and field sets
  const profileOf = (lists: (readonly string[])[]) => {
    const ids = new Map<string, number>();
    const sets: string[][] = [];
    const profile = new Int32Array(nA);
    lists.forEach((list, a) => {
      const set = [...new Set(list)].sort();
      const key = JSON.stringify(set);
      let p = ids.get(key);
      if (p === undefined) {
        p = sets.length;
        ids.set(key, p);
        sets.push(set);
      }
      profile[a] = p;
    });
    return { profile, sets };
  };
  const langs = profileOf(aOrder.map((i) => apps[i]!.languages));
  const fields = profileOf(aOrder.map((i) => apps[i]!.fields));
  const reviewerLangs = rOrder.map((i) => new Set(revs[i]!.languages));
  const reviewerExpertise = rOrder.map((i) => new Set(revs[i]!.expertise));
  const languageCost = new Uint8Array(langs.sets.length * nR);
  langs.sets.forEach((set, p) => {
    for (let r = 0; r < nR; r++) {
      const match = set.length === 0 || set.some((l) => reviewerLangs[r]!.has(l));
      languageCost[p * nR + r] = match ? 0 : weights.language;
    }
  });
  const fieldCost = new Uint8Array(fields.sets.length * nR);
  fields.sets.forEach((set, p) => {
    if (set.length === 0) return;
    for (let r = 0; r < nR; r++) {
      const lacking = set.reduce((n, f) => n + (reviewerExpertise[r]!.has(f) ? 0 : 1), 0);
      fieldCost[p * nR + r] = Math.round((weights.expertise * lacking) / set.length);
    }
  });
  let maxLang = 0;
  for (const c of languageCost) if (c > maxLang) maxLang = c;
  let maxField = 0;
  for (const c of fieldCost) if (c > maxField) maxField = c;

  return {
    nA,
    nR,
    appIds,
    reviewerIds,
    weights,
    reads,
    slotStart,
    keptCount,
    keptReviewer,
    capacity,
    priorLoad,
    base,
    langProfile: langs.profile,
    fieldProfile: fields.profile,
    languageCost,
    fieldCost,
    maxCost: maxLang + maxField,
    conflict,
    released,
  };
}
