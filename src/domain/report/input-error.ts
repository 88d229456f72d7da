/** Problems found in a year's records before any figure is computed: the report is refused, never half-made. */

export type RecordList = "applicants" | "interns" | "hostApplications" | "internSurveyResponses" | "hostSurveyResponses";

export type ReportInputProblemCode =
  /** two records of one list share an id */
  | "duplicate_id"
  /** a reference (applicantId, hostApplicationId, internId) names no record of the year */
  | "unknown_reference"
  /** a value outside its code list or range */
  | "invalid_value"
  /** a nationality that no world region lists */
  | "unmapped_country"
  /** a second intern record for one applicant, or a second response of one survey for one intern */
  | "duplicate_for_person";

export interface ReportInputProblem {
  list: RecordList;
  /** index in its list (0-based) */
  index: number;
  id: string;
  field: string;
  code: ReportInputProblemCode;
  value?: string;
}

/** At most this many problems are kept; `total` says how many there were. */
export const MAX_PROBLEMS_KEPT = 200;

export class ReportInputError extends Error {
  readonly problems: readonly ReportInputProblem[];
  readonly total: number;
  constructor(problems: readonly ReportInputProblem[], total: number) {
    const first = problems
      .slice(0, 5)
      .map((p) => `${p.list}[${p.index}] ${p.id} ${p.field}: ${p.code}${p.value === undefined ? "" : ` (${p.value})`}`)
      .join("; ");
    super(`the year's records have ${total} problem(s): ${first}${total > 5 ? "; …" : ""}`);
    this.name = "ReportInputError";
    this.problems = problems;
    this.total = total;
  }
}

export class ProblemCollector {
  readonly problems: ReportInputProblem[] = [];
  total = 0;
  add(p: ReportInputProblem): void {
    this.total++;
    if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push(p);
  }
  throwIfAny(): void {
    if (this.total > 0) throw new ReportInputError(this.problems, this.total);
  }
}
