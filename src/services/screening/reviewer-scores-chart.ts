/**
 * The chart of each reviewer's scores (ADR 0036): one row per reviewer, a dot
 * per submitted read (its weighted rubric mean on the rubric's scale) and a
 * diamond at the reviewer's mean, rendered on the server with ECharts' SSR
 * mode as SVG (no browser JavaScript, as src/report/chart.ts). The SVG gets
 * role="img", a <title> and a <desc> with each reviewer's numbers; the page
 * shows the same numbers in the reviewer statistics table next to it.
 */
import * as echarts from "echarts";
import type { ScoreInput } from "../../domain/screening/index.ts";

const BLUE = "#264af4";
const ORANGE = "#e25100";
const FONT = "'Noto Sans JP', 'Noto Sans', system-ui, sans-serif";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface ReviewerChartText {
  title: string;
  /** one sentence per reviewer, e.g. "Kimura: 7 reads, mean 3.9" */
  describe(name: string, count: number, mean: number): string;
  scoreAxis: string;
  readsLegend: string;
  meanLegend: string;
}

/** The SVG, or null without scores. Reviewers in the order given (`names`: id → shown name). */
export function reviewerScoresChartSvg(
  scores: readonly ScoreInput[],
  reviewers: readonly { id: string; name: string }[],
  scale: { min: number; max: number },
  text: ReviewerChartText,
  idPrefix = "reviewer-scores",
): string | null {
  if (scores.length === 0 || reviewers.length === 0) return null;
  const index = new Map(reviewers.map((r, i) => [r.id, i]));
  const points: [number, number][] = [];
  const sums = reviewers.map(() => ({ n: 0, sum: 0 }));
  for (const s of scores) {
    const i = index.get(s.reviewer);
    if (i === undefined) continue;
    points.push([Math.round(s.score * 100) / 100, i]);
    sums[i]!.n++;
    sums[i]!.sum += s.score;
  }
  const means = sums.map((x, i) => (x.n === 0 ? null : ([Math.round((x.sum / x.n) * 100) / 100, i] as [number, number]))).filter((x) => x !== null);
  const width = 720;
  const height = 80 + reviewers.length * 36;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, color: "#1a1a1a" },
      grid: { left: 180, right: 24, top: 40, bottom: 40 },
      legend: { top: 4, data: [text.readsLegend, text.meanLegend] },
      xAxis: { type: "value", min: scale.min, max: scale.max, name: text.scoreAxis, nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "category", data: reviewers.map((r) => r.name), inverse: true },
      series: [
        { name: text.readsLegend, type: "scatter", data: points, symbolSize: 9, itemStyle: { color: BLUE, opacity: 0.6 } },
        { name: text.meanLegend, type: "scatter", data: means, symbol: "diamond", symbolSize: 16, itemStyle: { color: ORANGE } },
      ],
    });
    const svg = chart.renderToSVGString({ useViewBox: true });
    const titleId = `${idPrefix}-title`;
    const descId = `${idPrefix}-desc`;
    const summary = reviewers.map((r, i) => text.describe(r.name, sums[i]!.n, sums[i]!.n === 0 ? 0 : Math.round((sums[i]!.sum / sums[i]!.n) * 100) / 100));
    const a11y = `<title id="${escapeXml(titleId)}">${escapeXml(text.title)}</title><desc id="${escapeXml(descId)}">${escapeXml(summary.join(" "))}</desc>`;
    return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}">${a11y}`);
  } finally {
    chart.dispose();
  }
}
