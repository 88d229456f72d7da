/**
 * Baseline for the assignment benchmark: the obvious greedy. Applications in
 * id order each take their k reviewers with the lowest current load (then the
 * lowest preference cost, then id) among those not in conflict and with
 * capacity left. No exchanges, so it can fail where an assignment exists and
 * it neither balances nor optimizes preferences exactly; measured in the same
 * run as the solver and checked by the same checker.
 */
import { DEFAULT_ASSIGNMENT_WEIGHTS, type AssignmentInstance } from "#src/domain/screening/index.ts";

/** Σ of the pairs' preference costs (the formula of AssignmentWeights). */
export function preferenceCost(instance: AssignmentInstance, pairs: readonly { application: string; reviewer: string }[]): number {
  const w = { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...instance.weights };
  const apps = new Map(instance.applications.map((a) => [a.id, a]));
  const revs = new Map(instance.reviewers.map((r) => [r.id, r]));
  let total = 0;
  for (const p of pairs) {
    const a = apps.get(p.application)!;
    const r = revs.get(p.reviewer)!;
    const fields = [...new Set(a.fields)];
    total += a.languages.length > 0 && !a.languages.some((l) => r.languages.includes(l)) ? w.language : 0;
    if (fields.length > 0) total += Math.round((w.expertise * fields.filter((f) => !r.expertise.includes(f)).length) / fields.length);
  }
  return total;
}

export function greedyAssignment(instance: AssignmentInstance): { application: string; reviewer: string }[] | null {
  const w = { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...instance.weights };
  const revs = [...instance.reviewers].sort((x, y) => (x.id < y.id ? -1 : 1));
  const load = revs.map((r) => r.load ?? 0);
  const langs = revs.map((r) => new Set(r.languages));
  const exp = revs.map((r) => new Set(r.expertise));
  const conflicts = new Map<string, Set<string>>();
  for (const c of instance.conflicts ?? []) {
    const s = conflicts.get(c.application) ?? new Set<string>();
    s.add(c.reviewer);
    conflicts.set(c.application, s);
  }
  const out: { application: string; reviewer: string }[] = [];
  for (const app of [...instance.applications].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const no = conflicts.get(app.id);
    const fields = [...new Set(app.fields)];
    const cost = (j: number) =>
      (app.languages.length > 0 && !app.languages.some((l) => langs[j]!.has(l)) ? w.language : 0) +
      (fields.length === 0 ? 0 : Math.round((w.expertise * fields.filter((f) => !exp[j]!.has(f)).length) / fields.length));
    const taken: number[] = [];
    for (let k = 0; k < app.reads; k++) {
      let best = -1;
      let bestKey = Infinity;
      for (let j = 0; j < revs.length; j++) {
        if (load[j]! >= revs[j]!.capacity || taken.includes(j) || no?.has(revs[j]!.id)) continue;
        const key = load[j]! * 1000 + cost(j);
        if (key < bestKey) {
          bestKey = key;
          best = j;
        }
      }
      if (best < 0) return null;
      taken.push(best);
      load[best]!++;
      out.push({ application: app.id, reviewer: revs[best]!.id });
    }
  }
  return out;
}
