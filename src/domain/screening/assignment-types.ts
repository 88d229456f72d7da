/**
 * Input and output of review assignment (assign-reviewers.ts): plain,
 * JSON-compatible data. Ids are compared as strings (code-unit order where an
 * order is needed).
 */

export interface AssignmentApplicationInput {
  readonly id: string;
  /** languages the application can be read in; a reviewer who reads any of them is a language match (empty: every reviewer matches) */
  readonly languages: readonly string[];
  /** fields of the application; expertise fit = share of them in the reviewer's expertise (empty: fit 1) */
  readonly fields: readonly string[];
  /** reads required, k (integer 1–100) */
  readonly reads: number;
  /** reviewers already assigned by an earlier run; each one still valid is kept, in this order */
  readonly assigned?: readonly string[];
}

export interface AssignmentReviewerInput {
  readonly id: string;
  readonly languages: readonly string[];
  readonly expertise: readonly string[];
  /** most reads this reviewer takes in total, including `load` (integer >= 0) */
  readonly capacity: number;
  /**
   * reads the reviewer already carries that are not applications of this
   * instance (e.g. finished ones, another round); integer >= 0, default 0.
   * Kept assignments of this instance are counted by the solver: do not
   * include them here.
   */
  readonly load?: number;
}

/** The reviewer must not read the application. */
export interface ConflictPair {
  readonly reviewer: string;
  readonly application: string;
}

/**
 * Integer weights (0–100) of the soft preferences. Cost of a pair =
 * language × (1 if the reviewer reads none of the application's languages)
 * + round(expertise × share of the application's fields the reviewer lacks).
 */
export interface AssignmentWeights {
  readonly language: number;
  readonly expertise: number;
}

export const DEFAULT_ASSIGNMENT_WEIGHTS: AssignmentWeights = { language: 10, expertise: 4 };

export interface AssignmentInstance {
  readonly applications: readonly AssignmentApplicationInput[];
  readonly reviewers: readonly AssignmentReviewerInput[];
  /** pairs excluded; pairs naming an id not in the instance are ignored */
  readonly conflicts?: readonly ConflictPair[];
  readonly weights?: Partial<AssignmentWeights>;
}

export interface ReviewAssignment {
  readonly application: string;
  readonly reviewer: string;
  /** true: an existing assignment kept from `assigned` */
  readonly kept: boolean;
  readonly languageMatch: boolean;
  /** share of the application's fields in the reviewer's expertise, 0–1 */
  readonly expertiseFit: number;
  /** the pair's preference cost (see AssignmentWeights) */
  readonly cost: number;
}

export type ReleaseReason =
  /** the reviewer is not in the instance (removed, inactive) */
  | "UNKNOWN_REVIEWER"
  /** the pair is in `conflicts` (e.g. a conflict declared after assignment) */
  | "CONFLICT"
  /** listed twice for the application */
  | "DUPLICATE"
  /** more valid assigned reviewers than `reads`: the first `reads` are kept */
  | "EXCESS_READS";

/** An entry of `assigned` that is not kept. */
export interface ReleasedAssignment {
  readonly application: string;
  readonly reviewer: string;
  readonly reason: ReleaseReason;
}

export interface ReviewerLoad {
  readonly reviewer: string;
  readonly capacity: number;
  /** `load` from the input */
  readonly priorLoad: number;
  readonly kept: number;
  readonly added: number;
  /** priorLoad + kept + added */
  readonly total: number;
}

/** Minimized lexicographically: first the balance, then the preferences (ADR 0011). */
export interface AssignmentObjective {
  /** Σ over reviewers of total load² */
  readonly sumSquaredLoads: number;
  /** Σ of the pairs' costs, kept pairs included */
  readonly preferenceCost: number;
}

export type AssignmentViolationCode =
  | "UNKNOWN_APPLICATION"
  | "UNKNOWN_REVIEWER"
  | "DUPLICATE_REVIEWER"
  | "WRONG_NUMBER_OF_READS"
  | "CONFLICT"
  | "KEPT_ASSIGNMENT_MISSING"
  | "OVER_CAPACITY"
  | "LOAD_NOT_BALANCED";

export interface AssignmentViolation {
  readonly code: AssignmentViolationCode;
  readonly application?: string;
  readonly reviewer?: string;
  /** LOAD_NOT_BALANCED: a reviewer with at least two reads fewer who could take one of `reviewer`'s new reads (directly or through a chain of moves) */
  readonly lighterReviewer?: string;
  /** WRONG_NUMBER_OF_READS, OVER_CAPACITY, LOAD_NOT_BALANCED: the count found */
  readonly count?: number;
  /** the limit or the count expected */
  readonly limit?: number;
}

/** Two reviewers of equal capacity whose loads differ by two or more although no assignment could bring them closer. */
export interface UnavoidableImbalance {
  readonly reviewer: string;
  readonly load: number;
  readonly lighterReviewer: string;
  readonly lighterLoad: number;
  readonly capacity: number;
}

export interface AssignmentCheck {
  /** no violation */
  readonly valid: boolean;
  readonly violations: readonly AssignmentViolation[];
  /** per capacity: lowest and highest total load among reviewers of that capacity */
  readonly loadSpread: readonly { readonly capacity: number; readonly reviewers: number; readonly minLoad: number; readonly maxLoad: number }[];
  readonly unavoidableImbalances: readonly UnavoidableImbalance[];
}

export interface AssignmentSummary {
  /** reads in the result (kept + added) */
  readonly reads: number;
  readonly kept: number;
  readonly added: number;
  readonly languageMatches: number;
  /** mean expertise fit over all reads */
  readonly meanExpertiseFit: number;
}

/** Why no complete assignment exists. `missingReads` is exact: no assignment places more reads. */
export interface AssignmentInfeasibility {
  /** reads to add (Σ reads − kept) */
  readonly readsNeeded: number;
  /** the most reads any assignment can add */
  readonly readsPlaceable: number;
  readonly missingReads: number;
  /** applications with fewer eligible reviewers (not in conflict, not already assigned, with capacity left) than reads still needed */
  readonly tooFewReviewers: readonly { readonly application: string; readonly needed: number; readonly eligibleReviewers: number }[];
  /**
   * The applications left short and every application competing with them
   * for the same reviewers; all those reviewers are at capacity. They need
   * `readsNeeded` more reads from those reviewers, who have `capacity` reads
   * in all: `missing` = readsNeeded − capacity (= missingReads).
   */
  readonly bottleneck: {
    readonly applications: readonly string[];
    readonly reviewers: readonly string[];
    readonly readsNeeded: number;
    readonly capacity: number;
    readonly missing: number;
  };
}

export type AssignmentResult =
  | {
      readonly status: "assigned";
      /** sorted by application, then reviewer */
      readonly assignments: readonly ReviewAssignment[];
      readonly released: readonly ReleasedAssignment[];
      /** sorted by reviewer */
      readonly loads: readonly ReviewerLoad[];
      readonly objective: AssignmentObjective;
      readonly summary: AssignmentSummary;
      /** the independent checker's verdict on this result */
      readonly check: AssignmentCheck;
    }
  | {
      readonly status: "infeasible";
      readonly infeasibility: AssignmentInfeasibility;
      readonly released: readonly ReleasedAssignment[];
    };
