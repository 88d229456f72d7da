/**
 * Review assignment entry point: assignReviewers(instance) keeps every valid
 * existing assignment, adds the missing reads by min-cost flow (balance first,
 * then language and expertise preferences; ADR 0011), and either returns the
 * complete assignment with the independent checker's verdict, or a structured
 * infeasibility and no assignment at all. Pure: no I/O.
 */
import { buildAssignmentIndex, type AssignmentIndex } from "./assignment-index.ts";
import { explainInfeasibility } from "./assignment-infeasibility.ts";
import type { AssignmentInstance, AssignmentResult, ReviewAssignment, ReviewerLoad } from "./assignment-types.ts";
import { checkAssignment } from "./check-assignment.ts";
import { solveMinCostAssignment, type AssignmentState } from "./min-cost-assignment.ts";

/** Precondition: validateAssignmentInstance(instance).ok. */
export function assignReviewers(instance: AssignmentInstance): AssignmentResult {
  const ix = buildAssignmentIndex(instance);
  const st = solveMinCostAssignment(ix);
  if (st.unmet > 0) return { status: "infeasible", infeasibility: explainInfeasibility(ix, st), released: ix.released };
  const assignments = toAssignments(instance, ix, st);
  const loads: ReviewerLoad[] = ix.reviewerIds.map((reviewer, r) => ({
    reviewer,
    capacity: ix.capacity[r]!,
    priorLoad: ix.priorLoad[r]!,
    kept: ix.base[r]! - ix.priorLoad[r]!,
    added: st.load[r]! - ix.base[r]!,
    total: st.load[r]!,
  }));
  let sumSquaredLoads = 0;
  for (const l of loads) sumSquaredLoads += l.total * l.total;
  let preferenceCost = 0;
  let languageMatches = 0;
  let fit = 0;
  let kept = 0;
  for (const x of assignments) {
    preferenceCost += x.cost;
    if (x.languageMatch) languageMatches++;
    fit += x.expertiseFit;
    if (x.kept) kept++;
  }
  return {
    status: "assigned",
    assignments,
    released: ix.released,
    loads,
    objective: { sumSquaredLoads, preferenceCost },
    summary: {
      reads: assignments.length,
      kept,
      added: assignments.length - kept,
      languageMatches,
      meanExpertiseFit: assignments.length === 0 ? 1 : fit / assignments.length,
    },
    check: checkAssignment(instance, assignments),
  };
}

function toAssignments(instance: AssignmentInstance, ix: AssignmentIndex, st: AssignmentState): ReviewAssignment[] {
  const appById = new Map(instance.applications.map((a) => [a.id, a]));
  const revById = new Map(instance.reviewers.map((r) => [r.id, r]));
  const languages = ix.reviewerIds.map((id) => new Set(revById.get(id)!.languages));
  const expertise = ix.reviewerIds.map((id) => new Set(revById.get(id)!.expertise));
  const out: ReviewAssignment[] = [];
  const rows: ReviewAssignment[] = [];
  for (let a = 0; a < ix.nA; a++) {
    const app = appById.get(ix.appIds[a]!)!;
    const fields = [...new Set(app.fields)];
    rows.length = 0;
    for (let t = ix.slotStart[a]!; t < ix.slotStart[a + 1]!; t++) {
      const r = st.slotReviewer[t]!;
      const covered = fields.reduce((n, f) => n + (expertise[r]!.has(f) ? 1 : 0), 0);
      rows.push({
        application: app.id,
        reviewer: ix.reviewerIds[r]!,
        kept: t - ix.slotStart[a]! < ix.keptCount[a]!,
        languageMatch: app.languages.length === 0 || app.languages.some((l) => languages[r]!.has(l)),
        expertiseFit: fields.length === 0 ? 1 : covered / fields.length,
        cost: ix.languageCost[ix.langProfile[a]! * ix.nR + r]! + ix.fieldCost[ix.fieldProfile[a]! * ix.nR + r]!,
      });
    }
    // reviewer ids sort like reviewer indices
    rows.sort((x, y) => (x.reviewer < y.reviewer ? -1 : x.reviewer > y.reviewer ? 1 : 0));
    for (const row of rows) out.push(row);
  }
  return out;
}
