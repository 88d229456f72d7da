/**
 * Allowance ledger from PostgreSQL (issue 16, ADR 0040). Run: node --import tsx/esm bench/ledger/run.ts
 *
 * On a throw-away PostgreSQL database (JIP_BENCH_POSTGRES_URL or the local
 * server, dropped at the end): a round of 250 interns × 90 days (five
 * cohorts, a fifth online, weekends as holidays, a few absences and leave
 * days, every day confirmed the next morning; rates: the round's per-day
 * amounts, a mid-period allowance change, airfare and phone rental), then
 *
 * - the ledger page's computation of its busiest month
 *   (computeAllowanceLedger: load the round, its placements, 22,500
 *   attendance days and rates, compute every line with its derivation),
 *   against the issue's 200 ms target;
 * - the month confirmed, then its statement exported as XLSX and as CSV
 *   (exportAllowanceXlsx / exportAllowanceCsv: the entries, the statements,
 *   the workbook, the audit row), against the 1 s target.
 *
 * Every line: `name: value (ratio)`. The baseline, measured in the same run,
 * is one SQL aggregate — paid days × the round's first rate per intern for
 * the month, no rate changes, no travel items, no derivation — the least a
 * ledger query can do. Medians of wall times after warm-up; the load average
 * is printed (the machine is shared). Checks (exit code 1 if one fails): no
 * ledger issue, the confirmed entries sum to the computed month, the
 * workbook's totals equal the page's.
 */
import os from "node:os";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { connect } from "#src/db/connect.ts";
import { migrateToLatest } from "#src/db/migrate.ts";
import { dayNumber, dayString } from "#src/domain/internship/index.ts";
import type { Actor, ServiceContext } from "#src/services/context.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { confirmAllowanceMonth } from "#src/services/internship/confirm-allowance-month.ts";
import { exportAllowanceCsv } from "#src/services/internship/export-allowance-csv.ts";
import { exportAllowanceXlsx } from "#src/services/internship/export-allowance-xlsx.ts";
import { insertAcceptedOffer } from "../../tests/support/phase-inputs/offers.ts";
import { mulberry32 } from "../matching/generate.ts";
import { throwawayPostgres } from "../support/throwaway-postgres.ts";

const INTERNS = 250;
const DAYS = 90;
const LEDGER_TARGET_MS = 200;
const EXPORT_TARGET_MS = 1000;
const COHORT_STARTS = ["2027-06-01", "2027-06-15", "2027-07-01", "2027-07-13", "2027-08-02"];
const MONTH = "2027-08";
const NOW = new Date("2027-11-15T03:00:00Z");

let failed = false;
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failed = true;
    console.log(`CHECK FAILED: ${what}`);
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** median wall time, and median CPU time of this process (the database server's work is not in it) */
async function time<T>(fn: () => Promise<T>, runs: number, warmup: number): Promise<{ ms: number; cpu: number; value: T }> {
  let value = await fn();
  for (let i = 1; i < warmup; i++) value = await fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = await fn();
    const d = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms: median(ms), cpu: median(cpu), value };
}
const f = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);

async function seed(db: ServiceContext["db"]): Promise<{ roundId: string; operator: Actor; attendanceDays: number }> {
  const rnd = mulberry32(20270601);
  const userId = crypto.randomUUID();
  await db
    .insertInto("user")
    .values({ id: userId, name: "Bench operator", email: `bench-${userId}@bench.jip.example`, emailVerified: true, role: "operator" })
    .execute();
  const operator: Actor = {
    userId,
    email: `bench-${userId}@bench.jip.example`,
    name: "Bench operator",
    role: "operator",
    locale: "en",
    timeZone: null,
    twoFactorEnabled: true,
    recentlyAuthenticated: true,
    ip: null,
  };
  const roundId = crypto.randomUUID();
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: "2027年度ベンチ",
      name_en: "FY2027 bench",
      phase: "internship",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      intern_daily_allowance_yen: 3000,
      online_daily_allowance_yen: 1000,
      host_daily_subsidy_yen: 2000,
    })
    .execute();
  const early = new Date("2027-05-01T00:00:00Z");
  await db
    .insertInto("round_rates")
    .values([
      {
        id: crypto.randomUUID(),
        round_id: roundId,
        item: "intern_allowance_in_person",
        effective_from: "2027-08-01",
        amount_yen: 3500,
        recorded_at: new Date("2027-07-25T00:00:00Z"),
      },
      { id: crypto.randomUUID(), round_id: roundId, item: "airfare", effective_from: "2027-04-01", amount_yen: 150_000, recorded_at: early },
      { id: crypto.randomUUID(), round_id: roundId, item: "phone_rental", effective_from: "2027-04-01", amount_yen: 3300, recorded_at: early },
    ])
    .execute();
  const orgs: string[] = [];
  for (let h = 0; h < INTERNS / 2; h++) {
    const id = crypto.randomUUID();
    orgs.push(id);
    await db
      .insertInto("host_organizations")
      .values({
        id,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: `ベンチ工業${h}`,
        name_en: `Bench Industries ${h}`,
        prefecture_code: "13",
        jsic_division: "E",
        employees: 50,
        overseas_status: "planned",
      })
      .execute();
  }
  const rows: { placement_id: string; day: string; status: string; minutes: number | null; recorded_at: Date; confirmed_at: Date }[] = [];
  for (let i = 0; i < INTERNS; i++) {
    const online = rnd() < 0.2;
    const mode = online ? "online" : "in_person";
    const offer = await insertAcceptedOffer(db, {
      roundId,
      organizationId: orgs[i >> 1]!,
      intern: { familyName: `Intern${String(i).padStart(3, "0")}`, givenName: "Bench", nationality: "VN" },
      mode,
    });
    const start = dayNumber(COHORT_STARTS[i % COHORT_STARTS.length]!)!;
    const placementId = crypto.randomUUID();
    await db
      .insertInto("placements")
      .values({
        id: placementId,
        round_id: roundId,
        application_id: offer.applicationId,
        position_id: offer.positionId,
        offer_id: offer.offerId,
        cohort: "ABCDE"[i % 5]!,
        mode,
        starts_on: dayString(start),
        ends_on: dayString(start + DAYS - 1),
        status: "completed",
        created_at: early,
      })
      .execute();
    for (let k = 0; k < DAYS; k++) {
      const d = start + k;
      const weekend = [0, 6].includes(new Date(d * 86_400_000).getUTCDay());
      const r = rnd();
      const status = weekend ? "holiday" : r < 0.03 ? "absent" : r < 0.06 ? "leave" : "present";
      const at = new Date((d + 1) * 86_400_000);
      rows.push({
        placement_id: placementId,
        day: dayString(d),
        status,
        minutes: online && status === "present" ? 240 : null,
        recorded_at: at,
        confirmed_at: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto("attendance_days")
      .values(rows.slice(i, i + 1000))
      .execute();
  await sql`analyze`.execute(db);
  return { roundId, operator, attendanceDays: rows.length };
}

/** The baseline: paid days × the round's first per-day rate, per intern, for the month, in one aggregate. */
async function baseline(db: ServiceContext["db"], roundId: string): Promise<number> {
  const r = await sql<{ placement_id: string; yen: string }>`
    select p.id as placement_id,
           sum(case when p.mode = 'in_person' then r.intern_daily_allowance_yen else r.online_daily_allowance_yen end) as yen
    from attendance_days a
    join placements p on p.id = a.placement_id
    join rounds r on r.id = p.round_id
    where p.round_id = ${roundId} and a.confirmed_at is not null and to_char(a.day, 'YYYY-MM') = ${MONTH}
      and (a.status = 'present' or (p.mode = 'in_person' and a.status in ('leave', 'holiday')))
    group by p.id`.execute(db);
  return r.rows.length;
}

async function main(): Promise<void> {
  const { url, drop } = await throwawayPostgres();
  try {
    const postgres = await connect({ databaseUrl: url });
    try {
      await migrateToLatest(postgres.kysely);
      const ctx = { db: postgres.kysely, clock: () => NOW } as unknown as ServiceContext;
      const { roundId, operator, attendanceDays } = await seed(postgres.kysely);
      line("machine load average (1 min)", os.loadavg()[0]!.toFixed(2), `${os.availableParallelism()} CPUs`);
      line("round", `${INTERNS} placements, ${attendanceDays} attendance days`, "PostgreSQL, seed 20270601");

      const base = await time(() => baseline(postgres.kysely, roundId), 7, 2);
      line(`${INTERNS} interns × ${DAYS} days: baseline SQL aggregate of ${MONTH}, wall`, f(base.ms), `baseline; Node CPU ${f(base.cpu)}`);
      const ledger = await time(() => computeAllowanceLedger(ctx, operator, { roundId, month: MONTH }), 7, 2);
      check(ledger.value.issues.length === 0, `no ledger issue (${ledger.value.issues.length})`);
      line(
        `${INTERNS} interns × ${DAYS} days: ledger of ${MONTH} from PostgreSQL (load + compute + derivations), wall`,
        f(ledger.ms),
        `${(ledger.ms / base.ms).toFixed(1)}x the baseline; ${(ledger.ms / LEDGER_TARGET_MS).toFixed(2)} of the ${LEDGER_TARGET_MS} ms target`,
      );
      line(
        `${INTERNS} interns × ${DAYS} days: ledger of ${MONTH}, Node CPU`,
        f(ledger.cpu),
        `${(ledger.cpu / LEDGER_TARGET_MS).toFixed(2)} of the ${LEDGER_TARGET_MS} ms target`,
      );
      const t = performance.now();
      const confirmed = await confirmAllowanceMonth(ctx, operator, { roundId, month: MONTH });
      const confirmMs = performance.now() - t;
      check(confirmed.totalYen === ledger.value.internTotalYen + ledger.value.hostTotalYen, "the confirmed entries sum to the computed month");
      line(`confirm ${MONTH} (${confirmed.lines} base entries), wall`, f(confirmMs), `¥${confirmed.totalYen.toLocaleString("en-US")}`);

      const xlsx = await time(() => exportAllowanceXlsx(ctx, operator, { roundId, month: MONTH, locale: "ja" }), 5, 1);
      line(
        `${MONTH} statement as XLSX (${(xlsx.value.xlsx.length / 1024).toFixed(0)} KiB) from PostgreSQL, wall`,
        f(xlsx.ms),
        `${(xlsx.ms / base.ms).toFixed(1)}x the baseline; ${(xlsx.ms / EXPORT_TARGET_MS).toFixed(2)} of the ${EXPORT_TARGET_MS} ms target`,
      );
      line(`${MONTH} statement as XLSX, Node CPU`, f(xlsx.cpu), `${(xlsx.cpu / EXPORT_TARGET_MS).toFixed(2)} of the ${EXPORT_TARGET_MS} ms target`);
      const csv = await time(() => exportAllowanceCsv(ctx, operator, { roundId, month: MONTH, locale: "ja" }), 5, 1);
      line(
        `${MONTH} statement as CSV from PostgreSQL, wall`,
        f(csv.ms),
        `${(csv.ms / base.ms).toFixed(1)}x the baseline; ${(csv.ms / EXPORT_TARGET_MS).toFixed(2)} of the ${EXPORT_TARGET_MS} ms target`,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.value.xlsx as unknown as ArrayBuffer);
      const total = (ws: ExcelJS.Worksheet) => Number(ws.getRow(ws.rowCount).getCell(7).value);
      const view = await computeAllowanceLedger(ctx, operator, { roundId, month: MONTH });
      check(total(wb.worksheets[0]!) === view.internTotalYen && total(wb.worksheets[1]!) === view.hostTotalYen, "the workbook's totals equal the page's");
      line("machine load average (1 min)", os.loadavg()[0]!.toFixed(2), "after");
    } finally {
      await postgres.close();
    }
  } finally {
    await drop();
  }
  if (failed) process.exit(1);
}

await main();
