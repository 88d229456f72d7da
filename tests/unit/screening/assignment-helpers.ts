/**
 * Test helpers for review assignment: a random small-instance generator
 * (fast-check) and a brute force written from the rules, independent of the
 * solver and of the checker: it enumerates every choice of reviewers for
 * every application.
 */
import fc from "fast-check";
import type { AssignmentInstance, AssignmentWeights, ConflictPair } from "#src/domain/screening/index.ts";
import { DEFAULT_ASSIGNMENT_WEIGHTS } from "#src/domain/screening/index.ts";

export interface ArbOptions {
  readonly minApplications?: number;
  readonly maxApplications?: number;
  readonly minReviewers?: number;
  readonly maxReviewers?: number;
  readonly maxReads?: number;
  readonly maxCapacity?: number;
  /** generate prior loads and existing assignments */
  readonly history?: boolean;
}

export function instanceArb(o: ArbOptions = {}): fc.Arbitrary<AssignmentInstance> {
  const { minApplications = 1, maxApplications = 4, minReviewers = 1, maxReviewers = 4, maxReads = 2, maxCapacity = 4, history = true } = o;
  const langs = fc.subarray(["vi", "th", "en"]);
  const fields = fc.subarray(["x", "y", "z"]);
  // capacities mostly large enough to leave choices, sometimes tight or zero
  const capacity = fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) }, { weight: 3, arbitrary: fc.integer({ min: 2, max: maxCapacity }) });
  return fc.tuple(fc.integer({ min: minApplications, max: maxApplications }), fc.integer({ min: minReviewers, max: maxReviewers })).chain(([nA, nR]) => {
    // ids whose string order differs from creation order
    const aIds = Array.from({ length: nA }, (_, i) => `a${(i * 7) % 10}${i}`);
    const rIds = Array.from({ length: nR }, (_, i) => `r${(i * 3) % 5}${i}`);
    const applications = fc.tuple(
      ...aIds.map((id) =>
        fc
          .record({
            languages: langs,
            fields,
            reads: fc.integer({ min: 1, max: maxReads }),
            assigned: history ? fc.array(fc.constantFrom(...rIds, "gone"), { maxLength: 3 }) : fc.constant([]),
          })
          .map((a) => ({ id, ...a })),
      ),
    );
    const reviewers = fc.tuple(
      ...rIds.map((id) =>
        fc
          .record({
            languages: langs,
            expertise: fields,
            capacity,
            load: history ? fc.integer({ min: 0, max: 2 }) : fc.constant(0),
          })
          .map((r) => ({ id, ...r })),
      ),
    );
    const pairs = aIds.flatMap((application) => rIds.map((reviewer) => ({ reviewer, application })));
    const conflicts = fc.subarray(pairs, { maxLength: Math.ceil(pairs.length / 4) });
    const weights = fc.record({ language: fc.integer({ min: 0, max: 12 }), expertise: fc.integer({ min: 0, max: 12 }) });
    return fc.tuple(applications, reviewers, conflicts, weights).map(([applications, reviewers, conflicts, weights]) => ({
      applications,
      reviewers,
      conflicts: [...conflicts, { reviewer: "nobody", application: aIds[0]! }],
      weights,
    }));
  });
}

export interface BruteForce {
  /** null when no complete assignment exists */
  readonly best: { readonly sumSquaredLoads: number; readonly preferenceCost: number; readonly count: number } | null;
  /** reads to add */
  readonly needed: number;
  /** most reads any (partial) assignment adds */
  readonly placeable: number;
  /** number of complete assignments */
  readonly complete: number;
  readonly kept: ReadonlyMap<string, readonly string[]>;
}

function pairCost(instance: AssignmentInstance, application: string, reviewer: string): number {
  const w: AssignmentWeights = { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...instance.weights };
  const a = instance.applications.find((x) => x.id === application)!;
  const r = instance.reviewers.find((x) => x.id === reviewer)!;
  const langs = [...new Set(a.languages)];
  const fields = [...new Set(a.fields)];
  const lang = langs.length > 0 && !langs.some((l) => r.languages.includes(l)) ? w.language : 0;
  const lacking = fields.filter((f) => !r.expertise.includes(f)).length;
  return lang + (fields.length === 0 ? 0 : Math.round((w.expertise * lacking) / fields.length));
}

function subsets<T>(xs: readonly T[], maxSize: number, exactly: boolean): T[][] {
  const out: T[][] = [];
  const rec = (i: number, cur: T[]) => {
    if (i === xs.length) {
      if (!exactly || cur.length === maxSize) out.push([...cur]);
      return;
    }
    rec(i + 1, cur);
    if (cur.length < maxSize) {
      cur.push(xs[i]!);
      rec(i + 1, cur);
      cur.pop();
    }
  };
  rec(0, []);
  return out;
}

/** Existing assignments kept, from the definition: known reviewer, no conflict, first mention, at most `reads`. */
export function keptByDefinition(instance: AssignmentInstance): Map<string, string[]> {
  const conflicted = (a: string, r: string) => (instance.conflicts ?? []).some((c) => c.application === a && c.reviewer === r);
  const kept = new Map<string, string[]>();
  for (const a of instance.applications) {
    const list: string[] = [];
    for (const r of a.assigned ?? []) {
      if (list.length < a.reads && instance.reviewers.some((x) => x.id === r) && !list.includes(r) && !conflicted(a.id, r)) list.push(r);
    }
    kept.set(a.id, list);
  }
  return kept;
}

export function bruteForce(instance: AssignmentInstance): BruteForce {
  const kept = keptByDefinition(instance);
  const conflicted = (a: string, r: string) => (instance.conflicts ?? []).some((c: ConflictPair) => c.application === a && c.reviewer === r);
  const base = new Map(instance.reviewers.map((r) => [r.id, r.load ?? 0]));
  for (const list of kept.values()) for (const r of list) base.set(r, base.get(r)! + 1);
  const apps = instance.applications;
  const options = apps.map((a) => {
    const eligible = instance.reviewers.map((r) => r.id).filter((r) => !kept.get(a.id)!.includes(r) && !conflicted(a.id, r));
    const need = a.reads - kept.get(a.id)!.length;
    return { need, all: subsets(eligible, need, false), exact: subsets(eligible, need, true) };
  });
  const needed = options.reduce((s, o) => s + o.need, 0);
  const capacityOk = (added: Map<string, number>) =>
    instance.reviewers.every((r) => (added.get(r.id) ?? 0) === 0 || base.get(r.id)! + added.get(r.id)! <= r.capacity);

  let best: { sumSquaredLoads: number; preferenceCost: number; count: number } | null = null;
  let placeable = 0;
  let complete = 0;
  const keptCost = apps.reduce((s, a) => s + kept.get(a.id)!.reduce((t, r) => t + pairCost(instance, a.id, r), 0), 0);
  const rec = (i: number, added: Map<string, number>, placed: number, cost: number, exact: boolean) => {
    if (!capacityOk(added)) return;
    if (i === apps.length) {
      placeable = Math.max(placeable, placed);
      if (!exact) return;
      complete++;
      const sumSquaredLoads = instance.reviewers.reduce((s, r) => s + (base.get(r.id)! + (added.get(r.id) ?? 0)) ** 2, 0);
      const cand = { sumSquaredLoads, preferenceCost: keptCost + cost, count: 1 };
      if (
        best === null ||
        cand.sumSquaredLoads < best.sumSquaredLoads ||
        (cand.sumSquaredLoads === best.sumSquaredLoads && cand.preferenceCost < best.preferenceCost)
      )
        best = cand;
      else if (cand.sumSquaredLoads === best.sumSquaredLoads && cand.preferenceCost === best.preferenceCost) best.count++;
      return;
    }
    const o = options[i]!;
    for (const set of o.all) {
      for (const r of set) added.set(r, (added.get(r) ?? 0) + 1);
      const c = set.reduce((s, r) => s + pairCost(instance, apps[i]!.id, r), 0);
      rec(i + 1, added, placed + set.length, cost + c, exact && set.length === o.need);
      for (const r of set) added.set(r, added.get(r)! - 1);
    }
  };
  rec(0, new Map(), 0, 0, true);
  return { best, needed, placeable, complete, kept };
}

/** The rules checked directly on a result, without the library's checker. */
export function ruleViolations(instance: AssignmentInstance, pairs: readonly { application: string; reviewer: string }[]): string[] {
  const out: string[] = [];
  const kept = keptByDefinition(instance);
  const load = new Map(instance.reviewers.map((r) => [r.id, r.load ?? 0]));
  const added = new Map<string, number>();
  for (const a of instance.applications) {
    const mine = pairs.filter((p) => p.application === a.id).map((p) => p.reviewer);
    if (mine.length !== a.reads) out.push(`${a.id}: ${mine.length} reads, expected ${a.reads}`);
    if (new Set(mine).size !== mine.length) out.push(`${a.id}: a reviewer twice`);
    for (const r of mine) {
      if ((instance.conflicts ?? []).some((c) => c.application === a.id && c.reviewer === r)) out.push(`${a.id}: conflict with ${r}`);
      if (!load.has(r)) out.push(`${a.id}: unknown reviewer ${r}`);
      else load.set(r, load.get(r)! + 1);
      if (!kept.get(a.id)!.includes(r)) added.set(r, (added.get(r) ?? 0) + 1);
    }
    for (const r of kept.get(a.id)!) if (!mine.includes(r)) out.push(`${a.id}: kept ${r} dropped`);
  }
  for (const r of instance.reviewers) if ((added.get(r.id) ?? 0) > 0 && load.get(r.id)! > r.capacity) out.push(`${r.id}: over capacity`);
  return out;
}
