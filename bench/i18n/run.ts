/**
 * Date formatting cost: a formatter built per call (what app/lib/i18n.tsx did
 * before issue 21) against the cached formatters of src/i18n/format.ts, for
 * the instants a page shows (program time and the viewer's zone, six languages).
 *
 * Run: node --import tsx/esm bench/i18n/run.ts
 */
import { formatDate, formatInstant } from "#src/i18n/format.ts";
import { FORMAT_TAGS, LOCALES } from "#src/i18n/locales.ts";

const N = 20_000;
const zones = ["Asia/Tokyo", "Asia/Ho_Chi_Minh", "Asia/Jakarta", "Asia/Bangkok"];
const at = new Date("2027-05-31T14:59:00Z");

function perCall(locale: (typeof LOCALES)[number], timeZone: string): string {
  return new Intl.DateTimeFormat(FORMAT_TAGS[locale], {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

function time(fn: (i: number) => string): number {
  for (let i = 0; i < 2_000; i++) fn(i); // warm-up
  const start = process.hrtime.bigint();
  let length = 0;
  for (let i = 0; i < N; i++) length += fn(i).length;
  const ns = Number(process.hrtime.bigint() - start);
  if (length === 0) throw new Error("nothing formatted");
  return ns / N / 1000;
}

const pick = (i: number) => [LOCALES[i % LOCALES.length]!, zones[i % zones.length]!] as const;
const baseline = time((i) => perCall(...pick(i)));
const cached = time((i) => formatInstant(at, ...pick(i)));
const dates = time((i) => formatDate("2027-04-01", LOCALES[i % LOCALES.length]!));
for (let i = 0; i < 24; i++)
  if (formatInstant(at, ...pick(i)) !== perCall(...pick(i))) throw new Error(`cached and per-call formats differ for ${pick(i).join(" ")}`);

console.log(`formatInstant, formatter built per call: ${baseline.toFixed(2)} µs (1.00 vs baseline)`);
console.log(`formatInstant, cached formatter: ${cached.toFixed(2)} µs (${(cached / baseline).toFixed(3)} vs baseline)`);
console.log(`formatDate, cached formatter: ${dates.toFixed(2)} µs (${(dates / baseline).toFixed(3)} vs baseline)`);
