/**
 * Input and output types of the matching engine (hospital–residents with
 * capacities and optional regional caps). Plain data, JSON-compatible.
 */

export interface ApplicantInput {
  readonly id: string;
  /** Host ids, most preferred first. Partial and strict (no duplicates). */
  readonly preferences: readonly string[];
}

export interface HostInput {
  readonly id: string;
  /** Maximum number of interns, an integer >= 1. */
  readonly capacity: number;
  /** Region key; required for every host when `regionCaps` is given. */
  readonly region?: string;
  /** Applicant ids, most preferred first. Partial and strict. */
  readonly preferences: readonly string[];
}

export interface MatchingInstance {
  readonly applicants: readonly ApplicantInput[];
  readonly hosts: readonly HostInput[];
  /** Optional maximum number of interns per region (integer >= 0). Regions not listed are uncapped. */
  readonly regionCaps?: Readonly<Record<string, number>>;
}

export type Proposing = "applicants" | "hosts";

export interface Assignment {
  readonly applicant: string;
  readonly host: string;
}

/**
 * Which stability notion a verification checks.
 * - "stable": classic (no regional caps): no pair (a, h), mutually acceptable,
 *   with a preferring h to their match and h either under capacity or
 *   admitting someone it ranks below a.
 * - "weakly-stable-with-regional-caps": see verify.ts and ADR 0005.
 */
export type StabilityNotion = "stable" | "weakly-stable-with-regional-caps";

export type ViolationCode =
  | "UNKNOWN_APPLICANT"
  | "UNKNOWN_HOST"
  | "APPLICANT_ASSIGNED_TWICE"
  | "UNACCEPTABLE_PAIR"
  | "HOST_OVER_CAPACITY"
  | "REGION_OVER_CAP"
  | "UNMATCHED_LIST_MISMATCH";

export interface Violation {
  readonly code: ViolationCode;
  readonly applicant?: string;
  readonly host?: string;
  readonly region?: string;
  /** count found (capacity / cap violations) */
  readonly count?: number;
  /** limit exceeded (capacity / cap violations) */
  readonly limit?: number;
}

/**
 * A blocking pair. `kind`:
 * - "JUSTIFIED_ENVY": h admits an applicant it ranks below a;
 * - "EMPTY_SEAT": h is under capacity and h's region (if capped) is under its cap.
 */
export interface BlockingPair {
  readonly applicant: string;
  readonly host: string;
  readonly kind: "JUSTIFIED_ENVY" | "EMPTY_SEAT";
}

export interface Verification {
  readonly notion: StabilityNotion;
  /** every applicant at most once, mutual acceptability, capacities, caps */
  readonly feasible: boolean;
  /** feasible and no blocking pair under `notion` */
  readonly stable: boolean;
  readonly violations: readonly Violation[];
  readonly blockingPairs: readonly BlockingPair[];
}

/** Ranks in explanations are 1-based positions in a rank list (1 = first choice). */
export type ApplicantReason =
  /** the host did not list the applicant */
  | { readonly code: "HOST_DID_NOT_RANK_APPLICANT"; readonly host: string; readonly applicantRankOfHost: number }
  /** the host is full with applicants it ranks higher; `lowestAdmittedRank` is its rank of the lowest one it admitted */
  | {
      readonly code: "HOST_FULL_WITH_HIGHER_RANKED";
      readonly host: string;
      readonly applicantRankOfHost: number;
      readonly hostRankOfApplicant: number;
      readonly capacity: number;
      readonly lowestAdmittedRank: number;
    }
  /** the host had room but its region reached its cap */
  | {
      readonly code: "REGION_CAP_REACHED";
      readonly host: string;
      readonly applicantRankOfHost: number;
      readonly hostRankOfApplicant: number;
      readonly region: string;
      readonly regionCap: number;
    }
  /** should never appear in a verified-stable result: (applicant, host) blocks */
  | { readonly code: "BLOCKING_PAIR"; readonly host: string; readonly applicantRankOfHost: number; readonly hostRankOfApplicant: number };

export interface ApplicantExplanation {
  /** matched host, or null */
  readonly host: string | null;
  /** 1-based rank of the matched host in the applicant's list, or null */
  readonly rank: number | null;
  /** one entry per host ranked above the match (all listed hosts if unmatched), in the applicant's order */
  readonly higherChoices: readonly ApplicantReason[];
}

export type HostReason =
  /** the applicant did not list this host */
  | { readonly code: "APPLICANT_DID_NOT_RANK_HOST"; readonly applicant: string; readonly hostRankOfApplicant: number }
  /** the applicant was matched to a host they rank higher */
  | {
      readonly code: "APPLICANT_MATCHED_HIGHER_CHOICE";
      readonly applicant: string;
      readonly hostRankOfApplicant: number;
      readonly applicantRankOfHost: number;
      readonly matchedHost: string;
      readonly applicantRankOfMatchedHost: number;
    }
  /** the applicant ranked this host above their outcome but the region cap was reached */
  | {
      readonly code: "REGION_CAP_REACHED";
      readonly applicant: string;
      readonly hostRankOfApplicant: number;
      readonly applicantRankOfHost: number;
      readonly matchedHost: string | null;
      readonly applicantRankOfMatchedHost: number | null;
      readonly region: string;
      readonly regionCap: number;
    }
  | {
      readonly code: "BLOCKING_PAIR";
      readonly applicant: string;
      readonly hostRankOfApplicant: number;
      readonly applicantRankOfHost: number;
      readonly matchedHost: string | null;
      readonly applicantRankOfMatchedHost: number | null;
    };

export interface HostExplanation {
  readonly capacity: number;
  readonly filled: number;
  /** 1-based host rank of its lowest admitted applicant, or null if none */
  readonly lowestAdmittedRank: number | null;
  /**
   * Applicants the host ranked above its lowest admitted one (all it listed,
   * when it has an empty seat) who went elsewhere, in the host's order.
   */
  readonly higherRankedNotAdmitted: readonly HostReason[];
}

export interface Explanations {
  readonly applicants: Readonly<Record<string, ApplicantExplanation>>;
  readonly hosts: Readonly<Record<string, HostExplanation>>;
}

export interface MatchingResult {
  /** sorted by applicant id */
  readonly assignments: readonly Assignment[];
  /** unmatched applicant ids, sorted */
  readonly unmatched: readonly string[];
  readonly verification: Verification;
  readonly explanations?: Explanations;
}
