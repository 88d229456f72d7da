/**
 * Historical import benchmark (issue #17 item 3, ADR 0030). Run: node --import tsx/esm bench/import/run.ts
 *
 * On a throw-away PostgreSQL database (JIP_BENCH_POSTGRES_URL or the local
 * server, dropped at the end) and on an in-memory PGlite:
 *
 * - 13,000 applicant rows: the dry run (decode, parse, check every row
 *   against the year's imported ids) and the commit (checked again, written
 *   in one transaction, batch recorded, audited), against a baseline measured
 *   in the same run: the same rows written with plain multi-row INSERTs of
 *   1,000 rows in one transaction, with no checks (the least any import must
 *   do). Then the rollback of those 13,000 rows.
 * - A whole year as the issue states it (PostgreSQL only): 130,000
 *   applicants, 3,000 hosts, 2,500 placements, 2,500 answers of each survey,
 *   imported file by file, against the 60 s target, and the year's
 *   report computed from them (loadReportRecords + reportFromRecords) against
 *   its 1 s target.
 *
 * Wall times of one run each (the work is mostly in the database); the load
 * average is printed because the machine is shared. Checks: every row is
 * written, the rollback leaves none, the report counts every record; exit
 * code 1 when one fails.
 */
import { loadavg } from "node:os";
import { connect, type Db } from "#src/db/connect.ts";
import { migrateToLatest } from "#src/db/migrate.ts";
import { IMPORT_COLUMNS, type ImportKind } from "#src/domain/report-import.ts";
import { reportFromRecords } from "#src/report/index.ts";
import type { ServiceContext } from "#src/services/context.ts";
import { commitImport } from "#src/services/report-import/commit-import.ts";
import { previewImport } from "#src/services/report-import/preview-import.ts";
import { rollbackImport } from "#src/services/report-import/rollback-import.ts";
import { loadReportRecords } from "#src/services/report/report-records.ts";
import { reportConfig } from "#src/services/report/report-store.ts";
import { throwawayPostgres } from "../support/throwaway-postgres.ts";

const COUNTRIES = ["VN", "CN", "ID", "TH", "PH", "MY", "IN", "MM", "NP", "BD", "KH", "LA", "MN", "LK", "BR", "EG", "FR", "US", "KE", "MX"];
let failed = false;
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failed = true;
    console.log(`CHECK FAILED: ${what}`);
  }
};

function csv(kind: ImportKind, rows: (string | number)[][]): Uint8Array {
  return new TextEncoder().encode([IMPORT_COLUMNS[kind].join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n");
}
const pad = (k: number) => String(k).padStart(6, "0");
function applicantRows(n: number, prefix: string): (string | number)[][] {
  return Array.from({ length: n }, (_, k) => [
    `${prefix}${pad(k)}`,
    COUNTRIES[k % COUNTRIES.length]!,
    ["female", "male", ""][k % 3]!,
    20 + (k % 15),
    "",
    k % 9 === 0 ? "completed" : "rejected",
  ]);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
const f = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

async function plainInsert(db: Db, rows: (string | number)[][], year: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const batchId = crypto.randomUUID();
    await trx
      .insertInto("import_batches")
      .values({ id: batchId, kind: "applicants", fiscal_year: year, file_name: "baseline", file_sha256: "0".repeat(64), row_count: rows.length })
      .execute();
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto("imported_applicants")
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            fiscal_year: year,
            batch_id: batchId,
            id: String(r[0]),
            nationality: String(r[1]),
            gender: r[2] ? String(r[2]) : null,
            age: Number(r[3]),
            field: null,
            final_status: String(r[5]),
          })),
        )
        .execute();
    }
  });
}

async function run13k(db: Db): Promise<void> {
  const ctx = { db: db.kysely, clock: () => new Date() } as unknown as ServiceContext;
  const rows = applicantRows(13_000, "A");
  const bytes = csv("applicants", rows);
  // warm-up (connections, statement plans, JIT) on another year
  await commitImport(ctx, "system", { kind: "applicants", round: "2031", fileName: "warm.csv", bytes: csv("applicants", applicantRows(1000, "W")) });
  const baseline = await timed(() => plainInsert(db, rows, 2033));
  const dry = await timed(() => previewImport(ctx, "system", { kind: "applicants", round: "2032", fileName: "a.csv", bytes }));
  check(dry.value.problems.length === 0 && dry.value.valid === 13_000, `${db.kind}: the dry run passes 13,000 rows`);
  const commit = await timed(() => commitImport(ctx, "system", { kind: "applicants", round: "2032", fileName: "a.csv", bytes }));
  const written = await db.kysely
    .selectFrom("imported_applicants")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("fiscal_year", "=", 2032)
    .executeTakeFirstOrThrow();
  check(Number(written.n) === 13_000, `${db.kind}: 13,000 rows written`);
  const rollback = await timed(() => rollbackImport(ctx, "system", commit.value.batchId));
  const left = await db.kysely
    .selectFrom("imported_applicants")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("fiscal_year", "=", 2032)
    .executeTakeFirstOrThrow();
  check(Number(left.n) === 0 && rollback.value.deleted === 13_000, `${db.kind}: the rollback deletes the 13,000 rows`);
  console.log(`${db.kind} 13,000 applicants — baseline plain INSERT (1,000-row statements, one transaction, no checks): ${f(baseline.ms)}`);
  console.log(`${db.kind} 13,000 applicants — dry run: ${f(dry.ms)} (${(dry.ms / baseline.ms).toFixed(2)} × baseline)`);
  console.log(`${db.kind} 13,000 applicants — commit: ${f(commit.ms)} (${(commit.ms / baseline.ms).toFixed(2)} × baseline)`);
  console.log(`${db.kind} 13,000 applicants — dry run + commit: ${f(dry.ms + commit.ms)} (${((dry.ms + commit.ms) / baseline.ms).toFixed(2)} × baseline)`);
  console.log(`${db.kind} 13,000 applicants — rollback: ${f(rollback.ms)}`);
}

async function runYear(db: Db): Promise<void> {
  const ctx = { db: db.kysely, clock: () => new Date() } as unknown as ServiceContext;
  const year = "2040";
  const files: [ImportKind, (string | number)[][]][] = [
    ["applicants", applicantRows(130_000, "Y")],
    [
      "hosts",
      Array.from({ length: 3000 }, (_, k) => [
        `H${pad(k)}`,
        "",
        "EIRGLMHNPK"[k % 10]!,
        5 + ((k * 37) % 2000),
        ["ongoing", "planned", "not_planned", ""][k % 4]!,
        String((k % 47) + 1).padStart(2, "0"),
        "",
        k < 2000 ? "accepted" : "declined",
      ]),
    ],
    ["interns", Array.from({ length: 2500 }, (_, k) => [`P${pad(k)}`, `Y${pad(k * 50)}`, `H${pad(k % 2000)}`])],
    ["intern-surveys", Array.from({ length: 2500 }, (_, k) => [`IS${pad(k)}`, `P${pad(k)}`, k % 10 ? "yes" : "no", k % 20 ? "satisfied" : "not_satisfied"])],
    [
      "host-surveys",
      Array.from({ length: 2500 }, (_, k) => [
        `HS${pad(k)}`,
        `P${pad(k)}`,
        k % 12 ? "yes" : "no",
        k % 25 ? "satisfied" : "",
        ["business", "daily", "other"][k % 3]!,
        ["native", "business", "daily", "other", ""][k % 5]!,
      ]),
    ],
  ];
  let total = 0;
  for (const [kind, rows] of files) {
    const bytes = csv(kind, rows);
    const t = await timed(async () => {
      await previewImport(ctx, "system", { kind, round: year, fileName: `${kind}.csv`, bytes });
      return commitImport(ctx, "system", { kind, round: year, fileName: `${kind}.csv`, bytes });
    });
    check(t.value.rows === rows.length, `${db.kind}: ${kind} all ${rows.length} rows imported`);
    total += t.ms;
    console.log(`${db.kind} year — ${kind} (${rows.length.toLocaleString("en")} rows), dry run + commit: ${f(t.ms)}`);
  }
  console.log(`${db.kind} year — whole import: ${f(total)} (${(total / 60_000).toFixed(2)} of the issue's 60 s target)`);
  const report = await timed(async () => reportFromRecords(await loadReportRecords(db.kysely, 2040), reportConfig(), "bench"));
  const applicants = report.value.report.figures.applicants.rows[0]!.count;
  check(applicants === 130_000, `${db.kind}: the report counts 130,000 applicants`);
  check(report.value.report.figures.interns.rows[0]!.count === 2500, `${db.kind}: the report counts 2,500 interns`);
  console.log(
    `${db.kind} year — report from the imported records (read + compute + snapshot): ${f(report.ms)} (${(report.ms / 1000).toFixed(2)} of the 1 s target)`,
  );
}

async function main(): Promise<void> {
  console.log(
    `load average: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  const { url, drop } = await throwawayPostgres();
  try {
    const postgres = await connect({ databaseUrl: url });
    try {
      await migrateToLatest(postgres.kysely);
      await run13k(postgres);
      await runYear(postgres);
    } finally {
      await postgres.close();
    }
    const pglite = await connect({ dataDir: "memory://" });
    try {
      await migrateToLatest(pglite.kysely);
      await run13k(pglite);
    } finally {
      await pglite.close();
    }
  } finally {
    await drop();
  }
  console.log(
    `load average: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  if (failed) process.exit(1);
}

await main();
