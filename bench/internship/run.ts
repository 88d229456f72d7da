/**
 * Allowance ledger benchmark. Run: node --import tsx/esm bench/internship/run.ts
 * Every line: `name: value (ratio vs baseline)`. The baseline is ./naive.ts
 * (daily totals only, the obvious way) measured in the same run; "vs target"
 * lines compare with the issue's 200 ms target for a round of 250 interns ×
 * 90 days. Medians after warm-up, as main-thread CPU time and as wall time
 * (the load average is printed: on a shared machine wall time drifts up).
 * Checks (exit code 1 if one fails): computeLedger's daily totals equal the
 * baseline's; no issues on the generated round; statements add up.
 */
import os from "node:os";
import { computeLedger, confirmMonth, monthlyStatements, type LedgerEntry } from "#src/domain/internship/index.ts";
import { generateRound } from "./generate.ts";
import { naiveDailyTotals } from "./naive.ts";

const TARGET_MS = 200;
const INTERNS = 250;
const DAYS = 90;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
function time<T>(fn: () => T, runs: number, warmup: number): { cpu: number; wall: number; value: T } {
  let value = fn();
  for (let i = 1; i < warmup; i++) value = fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.threadCpuUsage();
    value = fn();
    const d = process.threadCpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  return { cpu: median(cpu), wall: median(wall), value };
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);

const input = generateRound(INTERNS, DAYS);
line("machine load average (1 min)", os.loadavg()[0]!.toFixed(2), `${os.availableParallelism()} CPUs`);
line("round", `${input.placements.length} placements, ${input.attendance.length} attendance days`, "generated, seed 20250601");

const naive = time(() => naiveDailyTotals(input), 5, 1);
const ledger = time(() => computeLedger(input), 21, 3);
const months = [...new Set(ledger.value.lines.map((l) => l.month))].sort();
const withStatements = time(
  () => {
    const l = computeLedger(input);
    let entries: LedgerEntry[] = [];
    for (const month of months) {
      const c = confirmMonth({ lines: l.lines, month, existing: entries, today: input.today, recordedAt: input.asOf });
      if (!c.ok) throw new Error(JSON.stringify(c.issues));
      entries = entries.concat(c.entries);
    }
    return months.map((m) => monthlyStatements(entries, m));
  },
  11,
  2,
);

line(`${INTERNS} interns × ${DAYS} days: baseline daily totals, CPU`, ms(naive.cpu), "baseline");
line(
  `${INTERNS} interns × ${DAYS} days: computeLedger (with derivations and travel items), CPU`,
  ms(ledger.cpu),
  `${(naive.cpu / ledger.cpu).toFixed(1)}x faster`,
);
line(
  `${INTERNS} interns × ${DAYS} days: computeLedger, wall`,
  ms(ledger.wall),
  `${(naive.wall / ledger.wall).toFixed(1)}x faster than baseline wall ${ms(naive.wall)}`,
);
line(`${INTERNS} interns × ${DAYS} days: computeLedger vs target, CPU`, ms(ledger.cpu), `${(ledger.cpu / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target`);
line(
  `${INTERNS} interns × ${DAYS} days: computeLedger vs target, wall`,
  ms(ledger.wall),
  `${(ledger.wall / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target`,
);
line(
  `${INTERNS} interns × ${DAYS} days: ledger + confirm ${months.length} months + statements, CPU`,
  ms(withStatements.cpu),
  `${(withStatements.cpu / TARGET_MS).toFixed(2)} of the ${TARGET_MS} ms target; wall ${ms(withStatements.wall)}`,
);

// checks
const r = ledger.value;
const ours = new Map<string, number>();
for (const l of r.lines) {
  if (l.item !== "intern_allowance" && l.item !== "host_subsidy") continue;
  const k = `${l.placementId}|${l.party}|${l.month}`;
  ours.set(k, (ours.get(k) ?? 0) + l.amountYen);
}
const theirs = naive.value;
const sameTotals = [...theirs].every(([k, v]) => ours.get(k) === v) && [...ours].every(([k, v]) => v === 0 || theirs.get(k) === v);
const total = r.lines.reduce((s, l) => s + l.amountYen, 0);
const statementsTotal = withStatements.value.reduce((s, m) => s + m.totalYen, 0);
const ok = sameTotals && r.issues.length === 0 && statementsTotal === total;
line(
  "check",
  `lines ${r.lines.length}, issues ${r.issues.length}, unconfirmed days ${r.unconfirmedDays.reduce((s, u) => s + u.days, 0)}, round total ¥${total.toLocaleString("en")}, statements total ¥${statementsTotal.toLocaleString("en")}, daily totals equal baseline ${sameTotals}`,
  ok ? "ok" : "FAILED",
);
process.exitCode = ok ? 0 : 1;
