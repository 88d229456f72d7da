/**
 * A figure as an SVG chart, rendered on the server with ECharts' SSR mode
 * (`echarts.init(null, null, { renderer: "svg", ssr: true })` +
 * `renderToSVGString()`): no browser JavaScript. One series per fiscal year,
 * so several years compare side by side. ECharts' SSR output has no
 * accessible name (its `aria` option only labels a DOM container), so the
 * SVG gets role="img", a <title> and a <desc> listing the numbers, and
 * aria-labelledby pointing at both. The same numbers belong in a table next
 * to the chart (figureTable).
 */
import * as echarts from "echarts";
import type { FigureId, OpenYearReport } from "../domain/report/index.ts";
import type { ReportLabels } from "./labels.ts";

/** Series colours (Digital Agency design tokens: blue-700, orange-700, green-700, purple-700, gray-536, blue-900). */
const PALETTE = ["#264af4", "#e25100", "#1d8b56", "#6f23d0", "#767676", "#0017c1"];
/** Single quotes: ECharts writes the family into a style="…" attribute as it is. */
const FONT = "'Noto Sans JP', 'Noto Sans', system-ui, sans-serif";

export interface ChartOptions {
  /** Makes the ids of <title> and <desc> unique on a page with several charts. */
  idPrefix: string;
  /** Width in px (the SVG has a viewBox and scales); default 720. */
  width?: number;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Figures drawn as percentages (published as percentages); the others as counts. */
const PERCENT_FIGURES = new Set<FigureId>([
  "internEvaluation",
  "internJapaneseLevel",
  "internEnglishLevel",
  "hostsBySize",
  "hostsByOverseasStatus",
  "hostEvaluation",
]);

/** The chart of one figure over the given fiscal years (oldest first is best), as an SVG string. */
export function figureChartSvg(reports: readonly OpenYearReport[], id: FigureId, labels: ReportLabels, options: ChartOptions): string {
  const title = labels.figureTitle(id);
  const years = reports.map((r) => labels.fiscalYear(r.fiscalYear));
  const kind = reports[0]?.figures[id].kind ?? "count";
  const measure = PERCENT_FIGURES.has(id) ? "percent" : "count";

  // categories: the union of the years' rows, in first-seen order (a `published:` row's wording is part of its identity:
  // FY2016's "Europe and Central America" and FY2017's "Africa" are different categories); a count figure's categories are the years
  const identity = (row: { key: string; label?: { en: string } }) => (row.label && row.key.startsWith("published:") ? `${row.key}|${row.label.en}` : row.key);
  const categories: { id: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const r of reports) {
    for (const row of r.figures[id].rows) {
      if (seen.has(identity(row))) continue;
      seen.add(identity(row));
      categories.push({ id: identity(row), label: labels.rowLabel(id, row) });
    }
  }
  const valueText = (row: (typeof reports)[number]["figures"][FigureId]["rows"][number] | undefined) =>
    !row ? "-" : measure === "percent" ? labels.percent(row) : labels.count(row);
  const valueOf = (row: (typeof reports)[number]["figures"][FigureId]["rows"][number] | undefined): number | null => {
    if (!row || row.suppressed) return null;
    if (measure === "percent") return row.percent === null ? null : row.percent.tenths / 10;
    return row.count;
  };

  let series: echarts.SeriesOption[];
  let categoryLabels: string[];
  const summary: string[] = [];
  if (kind === "count") {
    categoryLabels = years;
    const data = reports.map((r) => {
      const row = r.figures[id].rows[0];
      summary.push(`${labels.fiscalYear(r.fiscalYear)}: ${valueText(row)}`);
      return { value: valueOf(row), label: { show: true, position: "right" as const, formatter: valueText(row) } };
    });
    series = [{ type: "bar", name: title, data, itemStyle: { color: PALETTE[0] }, barMaxWidth: 28 }];
  } else {
    categoryLabels = categories.map((c) => c.label);
    series = reports.map((r, i) => {
      const byKey = new Map(r.figures[id].rows.map((row) => [identity(row), row]));
      const texts: string[] = [];
      const data = categories.map((c) => {
        const row = byKey.get(c.id);
        const text = valueText(row);
        texts.push(`${c.label} ${text}${measure === "percent" && row?.percent && !row.suppressed ? "%" : ""}`);
        return { value: valueOf(row), label: { show: true, position: "right" as const, formatter: text } };
      });
      summary.push(`${labels.fiscalYear(r.fiscalYear)}: ${r.figures[id].rows.length === 0 ? labels.t("report.status.notPublished") : texts.join(", ")}`);
      return { type: "bar" as const, name: labels.fiscalYear(r.fiscalYear), data, itemStyle: { color: PALETTE[i % PALETTE.length] }, barMaxWidth: 18 };
    });
  }

  const width = options.width ?? 720;
  const perCategory = kind === "count" || reports.length === 1 ? 22 : 8 + 12 * reports.length;
  const height = Math.max(140, 64 + categoryLabels.length * perCategory + (reports.length > 1 && kind !== "count" ? 30 : 0));
  const longest = Math.max(4, ...categoryLabels.map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      title: { text: title, left: 0, top: 0, textStyle: { fontSize: 15, fontFamily: FONT } },
      legend: reports.length > 1 && kind !== "count" ? { bottom: 0, textStyle: { fontFamily: FONT } } : { show: false },
      grid: {
        left: Math.min(width * 0.45, 12 + longest * 6.5),
        right: 56,
        top: 40,
        bottom: reports.length > 1 && kind !== "count" ? 40 : 16,
        containLabel: false,
      },
      xAxis: { type: "value", max: measure === "percent" ? 100 : undefined, name: measure === "percent" ? "%" : undefined, axisLabel: { fontFamily: FONT } },
      yAxis: { type: "category", data: categoryLabels, inverse: true, axisLabel: { fontFamily: FONT, width: width * 0.44, overflow: "truncate" } },
      series,
    });
    const svg = chart.renderToSVGString({ useViewBox: true });
    const titleId = `${options.idPrefix}-title`;
    const descId = `${options.idPrefix}-desc`;
    const label = labels.t("report.chart.label", { title, years: years.join(", ") });
    const a11y = `<title id="${escapeXml(titleId)}">${escapeXml(label)}</title><desc id="${escapeXml(descId)}">${escapeXml(summary.join(". "))}</desc>`;
    return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}">${a11y}`);
  } finally {
    chart.dispose();
  }
}
