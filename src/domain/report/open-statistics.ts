/**
 * Open statistics: the public figures of a year, with no record ids and with
 * small counts suppressed in the breakdowns by nationality and by region
 * (ADR 0015, "Suppression").
 *
 * Primary suppression: every count under 5 (0 included) in such a breakdown is
 * shown as "<5". Complementary suppression: the breakdown's total is always
 * known (it is shown beside it and equals other public figures), so the sum of
 * the suppressed cells is known too; more cells are suppressed (shown as "x")
 * until no "<5" cell with a count of 1–4 can be worked out from that sum, given
 * everything a reader knows: shown counts, "<5" means 0–4, "x" means ≥ 5.
 */
import { formatCount, formatPercent } from "./percent.ts";
import {
  FIGURE_IDS,
  type Figure,
  type FigureId,
  type FigureKind,
  type FigureStatus,
  type LocalizedText,
  type Percent,
  type RecordKind,
  type YearReport,
} from "./types.ts";

/** Counts under this are suppressed in the breakdowns below. */
export const SUPPRESSION_THRESHOLD = 5;
/** The breakdowns whose small counts could single out a person. */
export const SUPPRESSED_FIGURES: readonly FigureId[] = ["internsByNationality", "hostsByRegion"];

/** lt5: the count is under 5 (shown "<5"). complementary: suppressed so that a "<5" cell cannot be derived (shown "x"; the count is 5 or more). */
export type Suppression = "lt5" | "complementary";

export interface OpenFigureRow {
  key: string;
  /** null: suppressed, or not published. */
  count: number | null;
  percent: Percent | null;
  /** Who the percentage is of (the breakdown's total), when the figure has a base. */
  respondents: number | null;
  unanswered: number | null;
  suppressed: Suppression | null;
  label?: LocalizedText;
  derived?: boolean;
}

export interface OpenFigure {
  id: FigureId;
  kind: FigureKind;
  /** What the counted records are (the page links staff to them; the open figures carry no ids). */
  recordKind: RecordKind;
  /** withheld: the breakdown could not be protected by suppression (only tiny totals), so no row has a number. */
  status: FigureStatus | "withheld";
  rows: OpenFigureRow[];
  notes: string[];
}

/** A year's figures without record ids (open statistics, files, charts). */
export interface OpenYearReport {
  fiscalYear: number;
  source: YearReport["source"];
  definitionsVersion: number;
  figures: Record<FigureId, OpenFigure>;
}

const LO = { lt5: 0, complementary: SUPPRESSION_THRESHOLD } as const;
const HI = { lt5: SUPPRESSION_THRESHOLD - 1, complementary: Number.POSITIVE_INFINITY } as const;

/**
 * True when every suppressed cell with a count of 1–4 could also have another
 * value: a reader who knows the shown cells, the total and the bounds of each
 * suppressed cell ("<5": 0–4, "x": ≥ 5) cannot tell its count. (A cell's value
 * can change by one exactly when some other suppressed cell can change by one
 * the other way; zeros need no protection.)
 */
export function suppressionIsSafe(counts: readonly number[], marks: readonly (Suppression | null)[]): boolean {
  const suppressed = counts.map((_, i) => i).filter((i) => marks[i] !== null);
  for (const i of suppressed) {
    const m = marks[i]!;
    const v = counts[i]!;
    if (m !== "lt5" || v === 0) continue;
    let canUp = false;
    let canDown = false;
    if (v < HI[m]) canUp = suppressed.some((j) => j !== i && counts[j]! > LO[marks[j]!]);
    if (v > LO[m]) canDown = suppressed.some((j) => j !== i && counts[j]! < HI[marks[j]!]);
    if (!canUp && !canDown) return false;
  }
  return true;
}

/**
 * Which cells of one breakdown to suppress: every count under 5, then the
 * smallest other cells (first in row order on ties) until suppressionIsSafe.
 * Null when even suppressing every cell is not safe (the breakdown is withheld).
 */
export function suppressBreakdown(counts: readonly number[]): (Suppression | null)[] | null {
  const marks: (Suppression | null)[] = counts.map((c) => (c < SUPPRESSION_THRESHOLD ? "lt5" : null));
  while (!suppressionIsSafe(counts, marks)) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (marks[i] === null && (pick === -1 || c < counts[pick]!)) pick = i;
    });
    if (pick === -1) return null;
    marks[pick] = "complementary";
  }
  return marks;
}

function openFigure(f: Figure, suppress: boolean): OpenFigure {
  const rows: OpenFigureRow[] = f.rows.map((r) => ({
    key: r.key,
    count: r.count,
    percent: r.percent,
    respondents: r.base?.respondents ?? null,
    unanswered: r.base?.unanswered ?? null,
    suppressed: null,
    ...(r.label ? { label: r.label } : {}),
    ...(r.derived ? { derived: true } : {}),
  }));
  let status: OpenFigure["status"] = f.status;
  const notes = [...f.notes];
  if (suppress && SUPPRESSED_FIGURES.includes(f.id) && rows.length > 0) {
    // named countries are listed by code, not by rank, so a suppressed one's position tells nothing
    if (f.id === "internsByNationality") {
      const countries = rows.filter((r) => r.key.startsWith("country:")).sort((a, b) => (a.key < b.key ? -1 : 1));
      rows.splice(0, countries.length, ...countries);
    }
    const known = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.count !== null);
    const marks = suppressBreakdown(known.map(({ r }) => r.count!));
    if (marks === null) {
      status = "withheld";
      for (const r of rows) Object.assign(r, { count: null, percent: null, suppressed: "lt5" as const });
      notes.push("report.notes.withheld");
    } else {
      known.forEach(({ r }, k) => {
        if (marks[k]) Object.assign(r, { count: null, percent: null, suppressed: marks[k] });
      });
      if (marks.some((m) => m !== null)) notes.push("report.notes.suppressed");
    }
  }
  return { id: f.id, kind: f.kind, recordKind: f.recordKind, status, rows, notes };
}

/** The public figures of a year: no ids, small counts suppressed. */
export function openStatistics(report: YearReport): OpenYearReport {
  return presentation(report, { suppressSmallCounts: true });
}

/**
 * The figures without record ids, for files and charts: for operators and the
 * ministry as they are (`suppressSmallCounts: false`), for the public as
 * openStatistics gives them.
 */
export function presentation(report: YearReport, options: { suppressSmallCounts: boolean }): OpenYearReport {
  const figures = Object.fromEntries(FIGURE_IDS.map((id) => [id, openFigure(report.figures[id], options.suppressSmallCounts)])) as Record<FigureId, OpenFigure>;
  return { fiscalYear: report.fiscalYear, source: report.source, definitionsVersion: report.definitionsVersion, figures };
}

/** How a count cell of the open statistics reads: "9,367", "<5", "x", or "-" (not published). */
export function formatOpenCount(row: Pick<OpenFigureRow, "count" | "suppressed">): string {
  if (row.suppressed === "lt5") return "<5";
  if (row.suppressed === "complementary") return "x";
  return row.count === null ? "-" : formatCount(row.count);
}

/** A suppressed cell's percentage is suppressed too ("x"). */
export function formatOpenPercent(row: Pick<OpenFigureRow, "percent" | "suppressed">): string {
  if (row.suppressed) return "x";
  return row.percent === null ? "-" : formatPercent(row.percent);
}
