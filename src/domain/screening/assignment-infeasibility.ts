/**
 * Why an assignment is infeasible, from the solver's final state (a maximum
 * flow: no read left unplaced has a path to the sink).
 *
 * The bottleneck is the set X of nodes reachable in the residual graph from
 * the applications left short: an application reaches every reviewer it could
 * still get (no conflict, not already its reviewer), a reviewer reaches every
 * application it was given by this run (that one could be moved). Every
 * reviewer in X is at capacity (otherwise a path would exist), and every read
 * added to a reviewer in X belongs to an application in X. So the
 * applications in X need readsNeeded = Σ (reads − kept) − (their reads added
 * with reviewers outside X) from the reviewers in X, who can give
 * capacity = Σ (capacity − base); the difference is exactly the number of
 * reads no assignment can place (max-flow / min-cut).
 */
import { isConflict, type AssignmentIndex } from "./assignment-index.ts";
import type { AssignmentInfeasibility } from "./assignment-types.ts";
import type { AssignmentState } from "./min-cost-assignment.ts";

export function explainInfeasibility(ix: AssignmentIndex, st: AssignmentState): AssignmentInfeasibility {
  const { nA, nR, reads, keptCount, slotStart, keptReviewer, capacity, base, conflict } = ix;
  const { slotReviewer, slotApp, filled, addedSlots } = st;
  let readsNeeded = 0;
  for (let a = 0; a < nA; a++) readsNeeded += reads[a]! - keptCount[a]!;

  const tooFewReviewers: { application: string; needed: number; eligibleReviewers: number }[] = [];
  const kept = new Int32Array(nR).fill(-1);
  for (let a = 0; a < nA; a++) {
    const needed = reads[a]! - keptCount[a]!;
    if (needed === 0) continue;
    for (let t = slotStart[a]!; t < slotStart[a]! + keptCount[a]!; t++) kept[keptReviewer[t]!] = a;
    let eligible = 0;
    for (let r = 0; r < nR; r++) if (kept[r] !== a && capacity[r]! > base[r]! && !isConflict(conflict, a * nR + r)) eligible++;
    if (eligible < needed) tooFewReviewers.push({ application: ix.appIds[a]!, needed, eligibleReviewers: eligible });
  }

  // residual reachability from the applications left short
  const inA = new Uint8Array(nA);
  const inR = new Uint8Array(nR);
  const queue: number[] = [];
  for (let a = 0; a < nA; a++) {
    if (filled[a]! < reads[a]!) {
      inA[a] = 1;
      queue.push(a);
    }
  }
  const mine = new Int32Array(nR).fill(-1);
  for (let q = 0; q < queue.length; q++) {
    const a = queue[q]!;
    for (let t = slotStart[a]!; t < slotStart[a]! + filled[a]!; t++) mine[slotReviewer[t]!] = a;
    for (let r = 0; r < nR; r++) {
      if (inR[r] || mine[r] === a || isConflict(conflict, a * nR + r)) continue;
      inR[r] = 1;
      for (const s of addedSlots[r]!) {
        const b = slotApp[s]!;
        if (!inA[b]) {
          inA[b] = 1;
          queue.push(b);
        }
      }
    }
  }
  let need = 0;
  let cap = 0;
  const applications: string[] = [];
  const reviewers: string[] = [];
  for (let a = 0; a < nA; a++) {
    if (!inA[a]) continue;
    applications.push(ix.appIds[a]!);
    need += reads[a]! - keptCount[a]!;
    for (let t = slotStart[a]! + keptCount[a]!; t < slotStart[a]! + filled[a]!; t++) if (!inR[slotReviewer[t]!]) need--;
  }
  for (let r = 0; r < nR; r++) {
    if (!inR[r]) continue;
    reviewers.push(ix.reviewerIds[r]!);
    cap += Math.max(0, capacity[r]! - base[r]!);
  }
  return {
    readsNeeded,
    readsPlaceable: readsNeeded - st.unmet,
    missingReads: st.unmet,
    tooFewReviewers,
    bottleneck: { applications, reviewers, readsNeeded: need, capacity: cap, missing: need - cap },
  };
}
