/**
 * The yearly performance report's data model (issue #17, ADR 0015).
 *
 * Input: one fiscal year's records as plain data (`ReportRecords`), read by the
 * database layer, plus the report's editable groupings (`ReportConfig`).
 * Output: a `YearReport`, the same structure whether it was computed from
 * records or taken from published aggregates: one `Figure` per `FigureId`,
 * each a list of rows with their count, percentage, respondents and the ids of
 * the records behind each number (traceability).
 */
import type { OverseasStatus } from "../host-organization.ts";
import type { Region } from "../regions.ts";

/** Bump when a figure's definition changes (what it counts, its rows, its rounding): stored snapshots record it. */
export const REPORT_DEFINITIONS_VERSION = 1;

// ───────────── input: one fiscal year's records ─────────────

/** Application statuses an applicant can end the year with; `draft` is not one (a draft was never an application). */
export const APPLICANT_FINAL_STATUSES = [
  "submitted",
  "withdrawn",
  "under_review",
  "interview",
  "selected",
  "waitlisted",
  "rejected",
  "matched",
  "placed",
  "completed",
  "anonymized",
] as const;
export type ApplicantFinalStatus = (typeof APPLICANT_FINAL_STATUSES)[number];

/** Host application statuses a submitted host application can end the year with. */
export const HOST_FINAL_STATUSES = ["submitted", "changes_requested", "accepted", "declined", "withdrawn"] as const;
export type HostFinalStatus = (typeof HOST_FINAL_STATUSES)[number];

/** One application of the year's round that was submitted (whatever happened to it afterwards). */
export interface ApplicantRecord {
  id: string;
  /** ISO 3166-1 alpha-2; null when not recorded (counted as "not answered" in the nationality figure). */
  nationality: string | null;
  finalStatus: ApplicantFinalStatus;
}

/** One intern: a person whose internship started (one record per person, e.g. their placement that was not replaced). */
export interface InternRecord {
  /** The placement id (the record an operator follows from the figure). */
  id: string;
  applicantId: string;
  hostApplicationId: string;
}

/**
 * One submitted host application with its organization's attributes as they
 * were in that year's application (the snapshot, not today's organization).
 */
export interface HostApplicationRecord {
  id: string;
  finalStatus: HostFinalStatus;
  /** JSIC division letter (A–T). */
  jsicDivision: string;
  /** Number of employees; null when not recorded ("not answered" in the size figure). */
  employees: number | null;
  overseasStatus: OverseasStatus | null;
  /** JIS X 0401 code ("01"–"47"); the region is derived from it. */
  prefectureCode: string | null;
  /** Used only when prefectureCode is null (e.g. an imported year that has regions only). */
  region?: Region | null;
}

/** Answer codes of the evaluation surveys (PHASE-CONTRACTS "Survey question codes"). */
export const MATCH_FIT_ANSWERS = ["yes", "no"] as const;
export type MatchFitAnswer = (typeof MATCH_FIT_ANSWERS)[number];
export const SATISFACTION_ANSWERS = ["satisfied", "not_satisfied"] as const;
export type SatisfactionAnswer = (typeof SATISFACTION_ANSWERS)[number];
export const JAPANESE_LEVELS = ["business", "daily", "other"] as const;
export type JapaneseLevel = (typeof JAPANESE_LEVELS)[number];
export const ENGLISH_LEVELS = ["native", "business", "daily", "other"] as const;
export type EnglishLevel = (typeof ENGLISH_LEVELS)[number];

/** An intern's evaluation survey response. A question left blank is absent or null. */
export interface InternSurveyResponse {
  id: string;
  internId: string;
  answers: { match_fit?: MatchFitAnswer | null; overall_satisfaction?: SatisfactionAnswer | null };
}

/** A host's evaluation survey response about one intern (the survey is answered per placement). */
export interface HostSurveyResponse {
  id: string;
  internId: string;
  answers: {
    match_fit?: MatchFitAnswer | null;
    overall_satisfaction?: SatisfactionAnswer | null;
    intern_japanese_level?: JapaneseLevel | null;
    intern_english_level?: EnglishLevel | null;
  };
}

export interface ReportRecords {
  fiscalYear: number;
  applicants: readonly ApplicantRecord[];
  interns: readonly InternRecord[];
  hostApplications: readonly HostApplicationRecord[];
  internSurveyResponses: readonly InternSurveyResponse[];
  hostSurveyResponses: readonly HostSurveyResponse[];
}

// ───────────── editable groupings (data files in src/db/reference) ─────────────

export interface IndustryGroup {
  code: string;
  nameJa: string;
  nameEn: string;
  /** JSIC division letters counted in this group. */
  divisions: readonly string[];
}

export interface WorldRegion {
  code: string;
  /** ISO 3166-1 alpha-2 codes. */
  countries: readonly string[];
}

export interface ReportConfig {
  /** Industry groups, in display order; divisions in no group are rows of their own after them. */
  industryGroups: readonly IndustryGroup[];
  /** Every JSIC division letter, in display order. */
  jsicDivisions: readonly string[];
  /** World regions for nationalities outside the top four, in display order; every nationality must be in one. */
  worldRegions: readonly WorldRegion[];
}

// ───────────── output: figures ─────────────

export const FIGURE_IDS = [
  "applicants",
  "interns",
  "internsByNationality",
  "internEvaluation",
  "internJapaneseLevel",
  "internEnglishLevel",
  "hostApplicants",
  "hosts",
  "hostsByIndustry",
  "hostsBySize",
  "hostsByOverseasStatus",
  "hostsByRegion",
  "hostEvaluation",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/**
 * What the ids of a figure's rows are: the list an operator follows from a cell.
 *  applicant → applications; intern → placements; hostApplication → host applications;
 *  internSurveyResponse / hostSurveyResponse → survey responses.
 */
export type RecordKind = "applicant" | "intern" | "hostApplication" | "internSurveyResponse" | "hostSurveyResponse";

/**
 * count: one row `total`. distribution: mutually exclusive categories of one
 * base (rows' counts add up to base.respondents). rates: one row per question,
 * each with its own base; count = positive answers.
 */
export type FigureKind = "count" | "distribution" | "rates";

/**
 * complete: every row of the definition has its numbers.
 * partial: some rows or numbers were not published (published aggregates).
 * notPublished: the source has no such figure for the year.
 */
export type FigureStatus = "complete" | "partial" | "notPublished";

/** A percentage, exactly: tenths of a percent (851 = 85.1 %), and how many decimals it is shown with. */
export interface Percent {
  tenths: number;
  decimals: 0 | 1;
}

/** Who a percentage is of: those who answered (ids sorted), and those asked who did not answer. */
export interface RowBase {
  respondents: number | null;
  ids: readonly string[];
  unanswered: number | null;
  unansweredIds: readonly string[];
}

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface FigureRow {
  /**
   * Stable category key: `total`; `country:VN`, `worldRegion:africa`; `group:service`, `jsic:D`;
   * a size class (`le9` …), an overseas status, a region of Japan, a language level;
   * `match_fit`, `overall_satisfaction`; `published:…` for rows only a published table has.
   */
  key: string;
  /** null: not published. */
  count: number | null;
  /** Share of base.respondents; null when the figure has no percentages or it was not published. */
  percent: Percent | null;
  /** The records counted in `count`, sorted; empty for published aggregates. */
  ids: readonly string[];
  base: RowBase | null;
  /** Only on published rows whose wording comes from the publication (`published:…` rows, published industry categories). */
  label?: LocalizedText;
  /** True when the number was computed from other published numbers (not printed itself). */
  derived?: boolean;
}

export interface Figure {
  id: FigureId;
  kind: FigureKind;
  recordKind: RecordKind;
  status: FigureStatus;
  rows: FigureRow[];
  /** i18n keys (report.notes.*) of notes to show with the figure. */
  notes: string[];
}

export type ReportSource = "records" | "published";

export interface YearReport {
  fiscalYear: number;
  source: ReportSource;
  definitionsVersion: number;
  figures: Record<FigureId, Figure>;
}
