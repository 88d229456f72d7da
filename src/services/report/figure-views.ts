/**
 * A report as the pages show it: for each figure its chart (SVG, rendered on
 * the server), its accessible table with the same numbers, and — for the
 * shown year — each row's count of records, which the operator's page links
 * to the list of those records. No record ids leave here.
 */
import { FIGURE_IDS, type FigureId, type OpenYearReport, type RecordKind, type YearReport } from "../../domain/report/index.ts";
import type { Locale } from "../../i18n/locales.ts";
import { figureChartSvg, figureTable, reportLabels, type FigureTable } from "../../report/index.ts";
import { reportConfig } from "./report-store.ts";

export interface TraceRow {
  key: string;
  label: string;
  count: number | null;
  /** How many records the row counts / its base holds / did not answer (0 for published years: no records). */
  records: number;
  base: number;
  unanswered: number;
}

export interface FigureView {
  id: FigureId;
  title: string;
  description: string;
  svg: string;
  table: FigureTable;
  recordKind: RecordKind;
  trace: TraceRow[];
}

export function figureViews(
  shown: YearReport | null,
  years: readonly OpenYearReport[],
  locale: Locale,
  namespace: "report" | "openStatistics" = "report",
): FigureView[] {
  const labels = reportLabels(locale, reportConfig(), namespace);
  return FIGURE_IDS.map((id) => {
    const figure = shown?.figures[id];
    return {
      id,
      title: labels.figureTitle(id),
      description: labels.figureDescription(id),
      svg: figureChartSvg(years, id, labels, { idPrefix: `chart-${id}` }),
      table: figureTable(years, id, labels),
      recordKind: figure?.recordKind ?? years[0]!.figures[id].recordKind,
      trace: (figure?.rows ?? []).map((r) => ({
        key: r.key,
        label: labels.rowLabel(id, r),
        count: r.count,
        records: r.ids.length,
        base: r.base?.ids.length ?? 0,
        unanswered: r.base?.unansweredIds.length ?? 0,
      })),
    };
  });
}
