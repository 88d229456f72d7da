/**
 * One figure over one or more fiscal years as a table of display strings and
 * raw values: the single place where a figure becomes rows and columns, used
 * by the XLSX and PDF renderers (and usable by the report page for the
 * accessible table next to each chart).
 */
import type { FigureId, OpenFigureRow, OpenYearReport, Percent } from "../domain/report/index.ts";
import type { ReportLabels } from "./labels.ts";

export type TableColumn = "fiscalYear" | "category" | "count" | "percent" | "respondents" | "unanswered";

export interface TableRow {
  fiscalYear: number;
  /** The figure row's key; "" for the line that says a year has no published figure. */
  key: string;
  label: string;
  /** null when suppressed or not published; see `suppressed` */
  count: number | null;
  percent: Percent | null;
  respondents: number | null;
  unanswered: number | null;
  suppressed: OpenFigureRow["suppressed"];
  /** True for the line standing for a year with no figure. */
  placeholder: boolean;
  /**
   * The strings shown, one per column (same order as `columns`). In a
   * distribution every row of a year has the same base, so respondents and
   * not-answered are shown on the year's first row only (the raw values stay
   * on every row).
   */
  cells: string[];
}

export interface FigureTable {
  figure: FigureId;
  title: string;
  description: string;
  /** Only the columns that have something in them for these years. */
  columns: { key: TableColumn; label: string }[];
  /** Years in the order given, each year's rows in the figure's order. */
  rows: TableRow[];
  /** Localized notes; a note that applies only to some of the years says which. */
  notes: string[];
}

const SURVEY_KINDS = new Set(["internSurveyResponse", "hostSurveyResponse"]);

export function figureTable(reports: readonly OpenYearReport[], id: FigureId, labels: ReportLabels): FigureTable {
  const rows: Omit<TableRow, "cells">[] = [];
  const notesByKey = new Map<string, number[]>();
  for (const report of reports) {
    const f = report.figures[id];
    for (const note of f.notes) notesByKey.set(note, [...(notesByKey.get(note) ?? []), report.fiscalYear]);
    if (f.rows.length === 0) {
      rows.push({
        fiscalYear: report.fiscalYear,
        key: "",
        label: labels.t(`report.status.${f.status}`),
        count: null,
        percent: null,
        respondents: null,
        unanswered: null,
        suppressed: null,
        placeholder: true,
      });
    }
    for (const r of f.rows) {
      rows.push({
        fiscalYear: report.fiscalYear,
        key: r.key,
        label: labels.rowLabel(id, r),
        count: r.count,
        percent: r.percent,
        respondents: r.respondents,
        unanswered: r.unanswered,
        suppressed: r.suppressed,
        placeholder: false,
      });
    }
  }
  const first = reports[0]?.figures[id];
  const kind = first?.kind;
  const survey = first ? SURVEY_KINDS.has(first.recordKind) : false;
  const has = {
    count: rows.some((r) => r.count !== null || r.suppressed !== null),
    percent: rows.some((r) => r.percent !== null),
    respondents: rows.some((r) => r.respondents !== null),
    unanswered: rows.some((r) => r.unanswered !== null && r.unanswered > 0),
  };
  const columns: { key: TableColumn; label: string }[] = [
    { key: "fiscalYear", label: labels.t("report.columns.fiscalYear") },
    { key: "category", label: labels.t("report.columns.category") },
  ];
  if (has.count || kind === "count") columns.push({ key: "count", label: labels.t("report.columns.count") });
  if (has.percent) columns.push({ key: "percent", label: labels.t("report.columns.percent") });
  if (has.respondents && kind !== "count") columns.push({ key: "respondents", label: labels.t(survey ? "report.columns.respondents" : "report.columns.base") });
  if (has.unanswered && kind !== "count")
    columns.push({ key: "unanswered", label: labels.t(survey ? "report.columns.unanswered" : "report.columns.notRecorded") });

  const cell = (r: Omit<TableRow, "cells">, c: TableColumn, firstOfYear: boolean): string => {
    if (r.placeholder && c !== "fiscalYear" && c !== "category") return "";
    const baseShown = kind !== "distribution" || firstOfYear;
    switch (c) {
      case "fiscalYear":
        return labels.fiscalYear(r.fiscalYear);
      case "category":
        return r.label;
      case "count":
        return labels.count(r);
      case "percent":
        return labels.percent(r);
      case "respondents":
        return baseShown ? labels.number(r.respondents) : "";
      case "unanswered":
        return baseShown ? labels.number(r.unanswered) : "";
    }
  };
  const allYears = reports.length;
  const notes = [...notesByKey].map(([key, years]) =>
    years.length === allYears ? labels.note(key) : `${years.map((y) => labels.fiscalYear(y)).join(", ")}: ${labels.note(key)}`,
  );
  return {
    figure: id,
    title: labels.figureTitle(id),
    description: labels.figureDescription(id),
    columns,
    rows: rows.map((r, i) => {
      const firstOfYear = i === 0 || rows[i - 1]!.fiscalYear !== r.fiscalYear;
      return { ...r, cells: columns.map((c) => cell(r, c.key, firstOfYear)) };
    }),
    notes,
  };
}
