/**
 * Independent checker of a review assignment. Shares no code with the solver
 * (only the input/output types): it re-reads the instance by string id with
 * its own maps and checks every rule from its definition:
 *
 * - every pair names a known application (UNKNOWN_APPLICATION) and a known
 *   reviewer (UNKNOWN_REVIEWER); no reviewer twice on an application
 *   (DUPLICATE_REVIEWER); every application has exactly `reads` reviewers
 *   (WRONG_NUMBER_OF_READS); no pair in `conflicts` (CONFLICT);
 * - every existing assignment that is still valid is kept
 *   (KEPT_ASSIGNMENT_MISSING). Valid: the reviewer is known, not in conflict,
 *   not listed before for the application, and among the first `reads`
 *   such entries of `assigned`;
 * - prior load + reads ≤ capacity for every reviewer given a new read
 *   (OVER_CAPACITY; kept reads alone may exceed a capacity lowered since);
 * - balance (LOAD_NOT_BALANCED): there is no reviewer i and reviewer j with
 *   load(j) ≤ load(i) − 2 and room left such that one of i's new reads could
 *   end up with j: directly (j may read that application) or through a chain
 *   of moves (i's application goes to k, one of k's new applications goes on
 *   … to j). Such a chain lowers Σ load², so a solution with one is not
 *   balanced; without one, no assignment brings those two closer (the moves
 *   are the only way loads change). Found by breadth-first search from i over
 *   new reads. Pairs of equal capacity two or more apart with no such chain
 *   are listed as unavoidable (conflicts, kept reads or prior load force them).
 */
import type { AssignmentCheck, AssignmentInstance, AssignmentViolation, UnavoidableImbalance } from "./assignment-types.ts";

interface Pair {
  readonly application: string;
  readonly reviewer: string;
}

export function checkAssignment(instance: AssignmentInstance, assignments: readonly Pair[]): AssignmentCheck {
  const violations: AssignmentViolation[] = [];
  const apps = new Map(instance.applications.map((a) => [a.id, a]));
  const revs = new Map(instance.reviewers.map((r) => [r.id, r]));
  // application -> reviewers in conflict with it
  const conflicts = new Map<string, Set<string>>();
  for (const c of instance.conflicts ?? []) {
    const set = conflicts.get(c.application);
    if (set === undefined) conflicts.set(c.application, new Set([c.reviewer]));
    else set.add(c.reviewer);
  }
  const inConflict = (application: string, reviewer: string) => conflicts.get(application)?.has(reviewer) === true;

  // reviewers per application as given
  const given = new Map<string, string[]>();
  for (const { application, reviewer } of assignments) {
    if (!apps.has(application)) {
      violations.push({ code: "UNKNOWN_APPLICATION", application, reviewer });
      continue;
    }
    if (!revs.has(reviewer)) {
      violations.push({ code: "UNKNOWN_REVIEWER", application, reviewer });
      continue;
    }
    const list = given.get(application) ?? [];
    if (list.includes(reviewer)) {
      violations.push({ code: "DUPLICATE_REVIEWER", application, reviewer });
      continue;
    }
    list.push(reviewer);
    given.set(application, list);
    if (inConflict(application, reviewer)) violations.push({ code: "CONFLICT", application, reviewer });
  }

  // kept (valid existing) and new reads
  const newOf = new Map<string, string[]>(); // reviewer -> applications newly given
  for (const app of instance.applications) {
    const list = given.get(app.id) ?? [];
    if (list.length !== app.reads) violations.push({ code: "WRONG_NUMBER_OF_READS", application: app.id, count: list.length, limit: app.reads });
    const valid: string[] = [];
    for (const r of app.assigned ?? []) {
      if (valid.length === app.reads) break;
      if (revs.has(r) && !valid.includes(r) && !inConflict(app.id, r)) valid.push(r);
    }
    for (const r of valid) if (!list.includes(r)) violations.push({ code: "KEPT_ASSIGNMENT_MISSING", application: app.id, reviewer: r });
    for (const r of list) {
      if (valid.includes(r)) continue;
      const mine = newOf.get(r) ?? [];
      mine.push(app.id);
      newOf.set(r, mine);
    }
  }

  // loads
  const load = new Map<string, number>();
  for (const r of instance.reviewers) load.set(r.id, r.load ?? 0);
  for (const list of given.values()) for (const r of list) load.set(r, load.get(r)! + 1);
  for (const r of instance.reviewers) {
    const total = load.get(r.id)!;
    if (total > r.capacity && (newOf.get(r.id)?.length ?? 0) > 0) violations.push({ code: "OVER_CAPACITY", reviewer: r.id, count: total, limit: r.capacity });
  }

  // balance: breadth-first search over chains of moves of new reads
  const hasRoom = (r: string) => load.get(r)! < revs.get(r)!.capacity;
  let lightest = Infinity;
  for (const r of instance.reviewers) if (hasRoom(r.id)) lightest = Math.min(lightest, load.get(r.id)!);
  const unavoidableImbalances: UnavoidableImbalance[] = [];
  const byLoadDesc = [...instance.reviewers].sort((x, y) => load.get(y.id)! - load.get(x.id)! || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const heavy of byLoadDesc) {
    const L = load.get(heavy.id)!;
    if (L < lightest + 2 && !instance.reviewers.some((r) => r.capacity === heavy.capacity && load.get(r.id)! <= L - 2)) continue;
    const reached = reachableByMoves(heavy.id, instance, given, newOf, inConflict);
    let target: string | null = null;
    for (const r of reached) {
      if (hasRoom(r) && load.get(r)! <= L - 2 && (target === null || load.get(r)! < load.get(target)! || (load.get(r)! === load.get(target)! && r < target)))
        target = r;
    }
    if (target !== null) {
      violations.push({ code: "LOAD_NOT_BALANCED", reviewer: heavy.id, lighterReviewer: target, count: L, limit: load.get(target)! });
      continue;
    }
    let lighter: string | null = null;
    for (const r of instance.reviewers) {
      if (r.capacity !== heavy.capacity || load.get(r.id)! > L - 2) continue;
      if (lighter === null || load.get(r.id)! < load.get(lighter)! || (load.get(r.id)! === load.get(lighter)! && r.id < lighter)) lighter = r.id;
    }
    if (lighter !== null) {
      unavoidableImbalances.push({ reviewer: heavy.id, load: L, lighterReviewer: lighter, lighterLoad: load.get(lighter)!, capacity: heavy.capacity });
    }
  }

  const spread = new Map<number, { capacity: number; reviewers: number; minLoad: number; maxLoad: number }>();
  for (const r of instance.reviewers) {
    const L = load.get(r.id)!;
    const s = spread.get(r.capacity);
    if (s === undefined) spread.set(r.capacity, { capacity: r.capacity, reviewers: 1, minLoad: L, maxLoad: L });
    else spread.set(r.capacity, { capacity: r.capacity, reviewers: s.reviewers + 1, minLoad: Math.min(s.minLoad, L), maxLoad: Math.max(s.maxLoad, L) });
  }
  return {
    valid: violations.length === 0,
    violations,
    loadSpread: [...spread.values()].sort((x, y) => x.capacity - y.capacity),
    unavoidableImbalances,
  };
}

/**
 * Reviewers that could receive a read taken, through a chain of moves, from
 * `start`: start's new applications go to any reviewer who may read them (not
 * in conflict, not already on them); from each reviewer reached, its new
 * applications go on. Applications are visited once.
 */
function reachableByMoves(
  start: string,
  instance: AssignmentInstance,
  given: ReadonlyMap<string, readonly string[]>,
  newOf: ReadonlyMap<string, readonly string[]>,
  inConflict: (application: string, reviewer: string) => boolean,
): Set<string> {
  const reached = new Set<string>([start]);
  const seenApps = new Set<string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const from = queue[q]!;
    for (const application of newOf.get(from) ?? []) {
      if (seenApps.has(application)) continue;
      seenApps.add(application);
      const on = given.get(application)!;
      for (const r of instance.reviewers) {
        if (reached.has(r.id) || on.includes(r.id) || inConflict(application, r.id)) continue;
        reached.add(r.id);
        queue.push(r.id);
      }
    }
  }
  reached.delete(start);
  return reached;
}
