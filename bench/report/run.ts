/**
 * Yearly report benchmark (issue #17). Run: node --import tsx/esm bench/report/run.ts
 *
 * A synthetic year of 130,000 applicants, 3,000 host applicants and 2,500
 * interns with surveys (./generate.ts; ids random, records in random order).
 * Measures the domain part of the report — every figure with its ids, the
 * open statistics, the canonical inputs and their sha-256, the stored
 * snapshot's serialization and hash — against the plain implementation in
 * ./reference.ts (baseline, same run) and against the domain's share of the
 * issue's 1 s target (the database part comes on top: target here 250 ms).
 * Renderers are timed for one year for information. Medians after warm-up,
 * wall and CPU time; ratios use CPU time (on a shared 2-core machine wall
 * time mostly measures the neighbours).
 * Every count and percentage is checked against the reference; exit code 1
 * when one differs.
 */
import { computeYearReport, openStatistics, presentation, canonicalRecordsInput, serializeReport, FIGURE_IDS } from "#src/domain/report/index.ts";
import { figureChartSvg } from "#src/report/chart.ts";
import { reportCsv } from "#src/report/csv.ts";
import { defaultReportConfig } from "#src/report/data.ts";
import { reportLabels } from "#src/report/labels.ts";
import { reportPdf } from "#src/report/pdf.ts";
import { sha256Hex } from "#src/report/snapshot.ts";
import { reportXlsx } from "#src/report/xlsx.ts";
import { generateYear } from "./generate.ts";
import { referenceReport } from "./reference.ts";

const DOMAIN_TARGET_MS = 250;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
interface Timing {
  wall: number;
  cpu: number;
}
/** Median wall time and median CPU time (user + system) of the runs after warm-up: on a shared machine the CPU time is the steadier one. */
async function time(fn: () => unknown, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    walls.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpus.push((d.user + d.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
const f1 = (x: number) => x.toFixed(x < 10 ? 2 : 1);
const ms = (x: Timing) => `${f1(x.wall)} ms wall, ${f1(x.cpu)} ms cpu`;
/** ratios use CPU time */
const r = (a: Timing, b: Timing) => a.cpu / b.cpu;
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);

const config = defaultReportConfig();
const records = generateYear({ applicants: 130_000, hostApplicants: 3_000, interns: 2_500 });
const sortedRecords = {
  ...records,
  applicants: [...records.applicants].sort((a, b) => (a.id < b.id ? -1 : 1)),
  interns: [...records.interns].sort((a, b) => (a.id < b.id ? -1 : 1)),
  hostApplications: [...records.hostApplications].sort((a, b) => (a.id < b.id ? -1 : 1)),
  internSurveyResponses: [...records.internSurveyResponses].sort((a, b) => (a.id < b.id ? -1 : 1)),
  hostSurveyResponses: [...records.hostSurveyResponses].sort((a, b) => (a.id < b.id ? -1 : 1)),
};
console.log(
  `# year: ${records.applicants.length} applicants, ${records.hostApplications.length} host applicants, ${records.interns.length} interns, ` +
    `${records.internSurveyResponses.length} intern and ${records.hostSurveyResponses.length} host survey responses`,
);

const ref = await time(() => referenceReport(records, config), 3, 1);
const compute = await time(() => computeYearReport(records, config), 11, 3);
const computeSorted = await time(() => computeYearReport(sortedRecords, config), 11, 3);
const report = computeYearReport(records, config);
const open = await time(() => openStatistics(report), 21, 3);
const inputsHash = await time(() => sha256Hex(canonicalRecordsInput(records, config)), 5, 1);
const inputsHashSorted = await time(() => sha256Hex(canonicalRecordsInput(sortedRecords, config)), 5, 1);
const snapshot = await time(() => sha256Hex(serializeReport(report)), 5, 1);
const pipeline = (input: typeof records) => () => {
  const made = computeYearReport(input, config);
  openStatistics(made);
  sha256Hex(canonicalRecordsInput(input, config));
  sha256Hex(serializeReport(made));
};
const whole = await time(pipeline(records), 7, 2);
const wholeSorted = await time(pipeline(sortedRecords), 7, 2);

line("reference (plain filters per cell)", ms(ref), "baseline");
line("computeYearReport, records in random order", ms(compute), `${r(ref, compute).toFixed(2)}x the baseline's speed`);
line("computeYearReport, records sorted by id (ORDER BY id)", ms(computeSorted), `${r(ref, computeSorted).toFixed(2)}x the baseline's speed`);
line("openStatistics", ms(open), `${r(open, ref).toFixed(4)} of baseline time`);
line("inputs hash (canonical inputs + sha-256), random order", ms(inputsHash), `${r(inputsHash, ref).toFixed(2)} of baseline time`);
line("inputs hash (canonical inputs + sha-256), sorted by id", ms(inputsHashSorted), `${r(inputsHashSorted, ref).toFixed(2)} of baseline time`);
line("snapshot (serialize report + sha-256)", ms(snapshot), `${r(snapshot, ref).toFixed(2)} of baseline time`);
line("domain total (figures + open statistics + both hashes), random order", ms(whole), `${r(whole, ref).toFixed(2)} of baseline time`);
line("domain total, sorted by id", ms(wholeSorted), `${r(wholeSorted, ref).toFixed(2)} of baseline time`);
line(
  "domain total vs target, random order",
  ms(whole),
  `${(whole.cpu / DOMAIN_TARGET_MS).toFixed(2)} of the ${DOMAIN_TARGET_MS} ms domain share of the 1 s target (cpu)`,
);
line(
  "domain total vs target, sorted by id",
  ms(wholeSorted),
  `${(wholeSorted.cpu / DOMAIN_TARGET_MS).toFixed(2)} of the ${DOMAIN_TARGET_MS} ms domain share of the 1 s target (cpu)`,
);
line(
  "snapshot size",
  `${(serializeReport(report).length / 1e6).toFixed(2)} MB`,
  `${(serializeReport(report).length / canonicalRecordsInput(records, config).length).toFixed(2)} of the canonical inputs`,
);

// renderers, one year, for information
const labels = reportLabels("ja", config);
const view = [presentation(report, { suppressSmallCounts: false })];
const svg = await time(() => FIGURE_IDS.map((id) => figureChartSvg(view, id, labels, { idPrefix: id })), 5, 1);
const csv = await time(() => reportCsv(view, labels), 5, 1);
const xlsx = await time(() => reportXlsx(view, labels, { createdAt: new Date(0) }), 5, 1);
const pdf = await time(() => reportPdf(view, labels, { createdAt: new Date(0), generatedText: "" }), 5, 1);
line("render: 13 SVG charts", ms(svg), `${r(svg, compute).toFixed(2)}x computeYearReport`);
line("render: CSV", ms(csv), `${r(csv, compute).toFixed(3)}x computeYearReport`);
line("render: XLSX", ms(xlsx), `${r(xlsx, compute).toFixed(2)}x computeYearReport`);
line("render: PDF (ja)", ms(pdf), `${r(pdf, compute).toFixed(2)}x computeYearReport`);
line("peak RSS", `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`, "whole run");

// check: every count and percentage equals the reference's
const expected = referenceReport(records, config);
let mismatches = 0;
for (const [figure, cells] of Object.entries(expected)) {
  const f = report.figures[figure as (typeof FIGURE_IDS)[number]];
  for (const [key, c] of Object.entries(cells)) {
    const r = f.rows.find((x) => x.key === key);
    const ok =
      r &&
      r.count === c.count &&
      r.ids.length === c.count &&
      (f.kind === "count" || ((r.percent?.tenths ?? null) === c.tenths && r.base!.respondents === c.respondents));
    if (!ok) {
      mismatches++;
      console.error(`mismatch ${figure} ${key}: module ${JSON.stringify(r && { count: r.count, percent: r.percent })} reference ${JSON.stringify(c)}`);
    }
  }
  if (f.rows.length !== Object.keys(cells).length) {
    mismatches++;
    console.error(`mismatch ${figure}: ${f.rows.length} rows, reference ${Object.keys(cells).length}`);
  }
}
line("check", mismatches === 0 ? "every cell equals the reference" : `${mismatches} cells differ`, mismatches === 0 ? "ok" : "FAILED");
process.exit(mismatches === 0 ? 0 : 1);
