/**
 * Matching from PostgreSQL (issue 15's target). Run: node --import tsx/esm bench/matching-run/run.ts
 *
 * On a throw-away PostgreSQL database (JIP_BENCH_POSTGRES_URL or the local server, migrated with
 * the app's migrations, dropped at the end), for each size N applicants × P positions × rank k:
 * a round in its matching phase with N selected applications, host organizations with 1–4
 * positions each totalling P positions (capacities 1–3, drawn from the seed), and submitted rank
 * lists on both sides in `rank_lists` / `rank_list_entries` (the tables saveMyRankList and
 * savePositionRankList write): every applicant ranks k positions (bench/matching's correlated
 * generator: popular positions listed more often), every position ranks the applicants who listed
 * it. Seeded with multi-row INSERTs (not timed against anything; printed).
 *
 * Then the operator's `runMatching` use case, end to end — snapshot (read the round's lists),
 * solve, verify, store the run, its results and explanations and its verification, audit — in a
 * child process (bench/matching-run/child-run.ts), so its peak RSS is the use case's: wall time,
 * the process's CPU time and peak RSS (`process.resourceUsage().maxRSS`).
 * Baseline in the same run: the in-process engine alone on the same instance (solve with
 * explanations, verification included, as bench/matching measures it): the ratio shows the
 * database's share. Targets (issue 15): 13,000 × 300 × 10 under 5 s; 40,000 × 5,000 × 15 under
 * 30 s and 1 GB. Targets are reported, not enforced (the machine is shared); checks are.
 *
 * Checks (exit code 1 if one fails): the snapshot's hash equals the hash of the generated instance
 * (the use case read exactly the lists that were written), the stored verification says stable with
 * 0 blocking pairs and no violation, the stored results have a row per applicant and as many
 * matches as the engine's matching, pair for pair.
 *
 *   BENCH_SIZES=small   1,000 × 50 × 5 (smoke size, seconds)
 *   BENCH_SIZES=13k     13,000 × 300 × 10
 *   BENCH_SIZES=40k     40,000 × 5,000 × 15
 *   default: 13k,40k (comma-separated list of the above)
 *   BENCH_CPU_PROF=1    writes the child's CPU profile (node --cpu-prof) to bench/out/
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { connect } from "#src/db/connect.ts";
import { migrateToLatest } from "#src/db/migrate.ts";
import type { Database } from "#src/db/schema.ts";
import { type MatchingInstance, solve } from "#src/domain/matching/index.ts";
import { hashInstance } from "#src/services/matching/matching-record.ts";
import { generateInstance, mulberry32 } from "../matching/generate.ts";
import { throwawayPostgres } from "../support/throwaway-postgres.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface Size {
  key: string;
  label: string;
  applicants: number;
  positions: number;
  rank: number;
  targetMs: number | null;
  targetMB: number | null;
}
const SIZES: Size[] = [
  { key: "small", label: "1,000 × 50 × 5", applicants: 1_000, positions: 50, rank: 5, targetMs: null, targetMB: null },
  { key: "13k", label: "13,000 × 300 × 10", applicants: 13_000, positions: 300, rank: 10, targetMs: 5_000, targetMB: null },
  { key: "40k", label: "40,000 × 5,000 × 15", applicants: 40_000, positions: 5_000, rank: 15, targetMs: 30_000, targetMB: 1024 },
];
const wanted = (process.env.BENCH_SIZES ?? "13k,40k").split(",").map((s) => s.trim());
const unknownSizes = wanted.filter((w) => !SIZES.some((s) => s.key === w));
if (unknownSizes.length > 0) {
  console.error(`BENCH_SIZES: unknown ${unknownSizes.join(", ")} (there are: ${SIZES.map((s) => s.key).join(", ")})`);
  process.exit(2);
}

let failed = false;
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failed = true;
    console.log(`CHECK FAILED: ${what}`);
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const f = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const line = (name: string, value: string, ratio: string) => console.log(`${name}: ${value} (${ratio})`);
const uptime = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

/** Multi-row INSERTs, as many rows a statement as PostgreSQL's 65,535 parameters allow (rounded down). */
async function insertMany<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.floor(60_000 / Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += per) {
    // rows are shaped per table by the caller (column names checked by PostgreSQL, not by the type)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

/**
 * Writes the round and both sides' lists; returns the instance the snapshot must read, in the
 * snapshot's canonical form (ids sorted, same keys in the same order), with UUIDs as ids.
 */
async function seed(db: Kysely<Database>, size: Size, operatorId: string): Promise<{ roundId: string; instance: MatchingInstance }> {
  const generated = generateInstance({ applicants: size.applicants, hosts: size.positions, rank: size.rank, correlated: true });
  const rnd = mulberry32(20270715);
  const prefectures = await db.selectFrom("prefectures").select(["code", "region_code"]).orderBy("code").execute();
  const roundId = crypto.randomUUID();
  await db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: `マッチングベンチ ${size.key}`,
      name_en: `Matching bench ${size.key}`,
      phase: "matching",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      selection_results_final: true,
    })
    .execute();
  void operatorId;

  // positions: capacities 1–3, grouped into organizations of 1–4 positions with an accepted host application each
  const positionId = generated.hosts.map(() => crypto.randomUUID());
  const capacity = generated.hosts.map(() => 1 + Math.floor(rnd() * 3));
  const prefecture = generated.hosts.map(() => prefectures[Math.floor(rnd() * prefectures.length)]!);
  const orgs: Record<string, unknown>[] = [];
  const hostApps: Record<string, unknown>[] = [];
  const positions: Record<string, unknown>[] = [];
  for (let h = 0; h < generated.hosts.length;) {
    const n = Math.min(1 + Math.floor(rnd() * 4), generated.hosts.length - h);
    const orgId = crypto.randomUUID();
    const haId = crypto.randomUUID();
    const name = `ベンチ商事 ${orgs.length + 1}`;
    orgs.push({
      id: orgId,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: name,
      name_en: `Bench Trading ${orgs.length + 1}`,
      prefecture_code: prefecture[h]!.code,
      jsic_division: "E",
      employees: 50,
      overseas_status: "planned",
    });
    hostApps.push({ id: haId, round_id: roundId, organization_id: orgId, status: "accepted", agrees_with_purpose: true });
    for (let i = 0; i < n; i++, h++) {
      positions.push({
        id: positionId[h]!,
        host_application_id: haId,
        title: `Overseas sales assistant ${h + 1}`,
        description: "Market research and sales support for South-East Asia.",
        prefecture_code: prefecture[h]!.code,
        capacity: capacity[h]!,
        fields: ["sales"],
      });
    }
  }
  await insertMany(db, "host_organizations", orgs);
  await insertMany(db, "host_applications", hostApps);
  await insertMany(db, "positions", positions);

  // selected applications (the rows selection leaves for matching; no user accounts needed)
  const applicationId = generated.applicants.map(() => crypto.randomUUID());
  await insertMany(
    db,
    "applications",
    generated.applicants.map((_, a) => ({
      id: applicationId[a]!,
      round_id: roundId,
      applicant_user_id: null,
      status: "selected",
      receipt_number: `JIP-B${size.key}-${String(a + 1).padStart(6, "0")}`,
      submitted_at: new Date("2027-05-01T00:00:00Z"),
      family_name: "Nguyen",
      given_name: "Lan",
      date_of_birth: "2000-01-01",
      nationality: "VN",
      contact_email: `a${a + 1}@${size.key}.bench.example`,
      phone: "+84 900 000 000",
      preferred_fields: ["engineering"],
      preferred_regions: ["chubu"],
      english_self_level: "business",
    })),
  );

  // submitted rank lists, both sides
  const submittedAt = new Date("2027-07-01T00:00:00Z");
  const hostIndex = new Map(generated.hosts.map((h, i) => [h.id, i]));
  const applicantIndex = new Map(generated.applicants.map((a, i) => [a.id, i]));
  const lists: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  generated.applicants.forEach((a, i) => {
    const id = crypto.randomUUID();
    lists.push({
      id,
      round_id: roundId,
      side: "applicant",
      application_id: applicationId[i]!,
      position_id: null,
      submitted_at: submittedAt,
      updated_at: submittedAt,
    });
    a.preferences.forEach((h, r) => entries.push({ rank_list_id: id, rank: r + 1, application_id: null, position_id: positionId[hostIndex.get(h)!]! }));
  });
  generated.hosts.forEach((h, i) => {
    if (h.preferences.length === 0) return;
    const id = crypto.randomUUID();
    lists.push({
      id,
      round_id: roundId,
      side: "position",
      application_id: null,
      position_id: positionId[i]!,
      submitted_at: submittedAt,
      updated_at: submittedAt,
    });
    h.preferences.forEach((a, r) => entries.push({ rank_list_id: id, rank: r + 1, application_id: applicationId[applicantIndex.get(a)!]!, position_id: null }));
  });
  await insertMany(db, "rank_lists", lists);
  await insertMany(db, "rank_list_entries", entries);

  const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const instance: MatchingInstance = {
    applicants: generated.applicants
      .map((a, i) => ({ id: applicationId[i]!, preferences: a.preferences.map((h) => positionId[hostIndex.get(h)!]!) }))
      .sort(byId),
    hosts: generated.hosts
      .map((h, i) => ({
        id: positionId[i]!,
        capacity: capacity[i]!,
        region: prefecture[i]!.region_code,
        preferences: h.preferences.map((a) => applicationId[applicantIndex.get(a)!]!),
      }))
      .sort(byId),
  };
  return { roundId, instance };
}

async function benchSize(db: Kysely<Database>, databaseUrl: string, size: Size, operatorId: string): Promise<void> {
  const name = `${size.label}`;
  let t = performance.now();
  const { roundId, instance } = await seed(db, size, operatorId);
  const seats = instance.hosts.reduce((s, h) => s + h.capacity, 0);
  const entries = instance.applicants.reduce((s, a) => s + a.preferences.length, 0) + instance.hosts.reduce((s, h) => s + h.preferences.length, 0);
  line(
    `${name} seed (multi-row INSERTs)`,
    f(performance.now() - t),
    `${instance.applicants.length} applications, ${instance.hosts.length} positions, ${seats} seats, ${entries} rank list entries`,
  );

  // baseline: the engine alone on the same instance, in process (solve + explanations + verification)
  const runs = size.applicants > 20_000 ? 3 : 5;
  const engine = solve(instance, { proposing: "applicants", explain: true });
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const c = process.cpuUsage();
    solve(instance, { proposing: "applicants", explain: true });
    const d = process.cpuUsage(c);
    ms.push(performance.now() - t);
    cpu.push((d.user + d.system) / 1000);
  }
  const base = median(ms);
  line(`${name} engine alone in process (solve + verify + explanations), wall`, f(base), `baseline; CPU ${f(median(cpu))}, median of ${runs}`);

  // the use case, in a child process
  console.log(`${name} runMatching starts (load average ${uptime()})`);
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir", join(root, "bench/out")] : [];
  const child = spawnSync(
    process.execPath,
    [...profile, "--import", "tsx/esm", join(root, "bench/matching-run/child-run.ts"), databaseUrl, roundId, operatorId],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) {
    check(false, `${name}: runMatching child exited ${child.status}: ${child.stderr}`);
    return;
  }
  const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { ms: number; cpuMs: number; maxRssMB: number; runId: string };
  const target = size.targetMs ? `; ${(r.ms / size.targetMs).toFixed(2)} of the ${size.targetMs / 1000} s target` : "";
  line(
    `${name} runMatching from PostgreSQL (snapshot, solve, verify, store results + explanations), wall`,
    f(r.ms),
    `${(r.ms / base).toFixed(1)}x the baseline${target}`,
  );
  line(
    `${name} runMatching, Node CPU`,
    f(r.cpuMs),
    size.targetMs ? `${(r.cpuMs / size.targetMs).toFixed(2)} of the target` : "the database server's work is not in it",
  );
  line(
    `${name} runMatching child process peak RSS`,
    `${r.maxRssMB.toFixed(0)} MB`,
    size.targetMB ? `${(r.maxRssMB / size.targetMB).toFixed(2)} of the ${size.targetMB} MB target` : "no target at this size",
  );
  console.log(`${name} runMatching done (load average ${uptime()})`);

  // checks on what was stored
  const run = await db.selectFrom("matching_runs").select(["input_hash", "matched_count", "round_id"]).where("id", "=", r.runId).executeTakeFirstOrThrow();
  check(run.round_id === roundId, `${name}: the run belongs to the round`);
  check(run.input_hash === hashInstance(instance), `${name}: the snapshot's hash equals the written instance's`);
  const v = await db.selectFrom("matching_verifications").selectAll().where("run_id", "=", r.runId).executeTakeFirstOrThrow();
  const blocking = (typeof v.blocking_pairs === "string" ? JSON.parse(v.blocking_pairs) : v.blocking_pairs) as unknown[];
  const violations = (typeof v.violations === "string" ? JSON.parse(v.violations) : v.violations) as unknown[];
  check(v.stable && v.feasible && blocking.length === 0 && violations.length === 0, `${name}: stored verification stable with 0 blocking pairs`);
  const results = await db.selectFrom("matching_results").select(["application_id", "position_id", "explanation"]).where("run_id", "=", r.runId).execute();
  const engineHost = new Map(engine.assignments.map((a) => [a.applicant, a.host]));
  const storedMatches = results.filter((x) => x.position_id !== null);
  check(results.length === instance.applicants.length, `${name}: a stored result per applicant (${results.length} of ${instance.applicants.length})`);
  check(
    storedMatches.length === engine.assignments.length && Number(run.matched_count) === engine.assignments.length,
    `${name}: stored matches ${storedMatches.length} (run says ${run.matched_count}) = engine's ${engine.assignments.length}`,
  );
  check(
    results.every((x) => (engineHost.get(x.application_id) ?? null) === x.position_id),
    `${name}: every stored result equals the engine's`,
  );
  check(
    results.every((x) => x.explanation !== null && x.explanation !== "{}"),
    `${name}: every stored result carries an explanation`,
  );
  line(
    `${name} check`,
    `stable=${v.stable} blockingPairs=${blocking.length} storedMatches=${storedMatches.length} engineMatches=${engine.assignments.length} results=${results.length}`,
    failed ? "FAILED" : "ok",
  );
}

async function main(): Promise<void> {
  const { url, drop } = await throwawayPostgres();
  try {
    const postgres = await connect({ databaseUrl: url });
    try {
      await migrateToLatest(postgres.kysely);
      const operatorId = crypto.randomUUID();
      await postgres.kysely
        .insertInto("user")
        .values({ id: operatorId, name: "Bench operator", email: `bench-${operatorId}@bench.jip.example`, emailVerified: true, role: "operator" })
        .execute();
      line("machine load average (1, 5, 15 min)", uptime(), `${os.availableParallelism()} CPUs`);
      for (const key of wanted)
        await benchSize(
          postgres.kysely,
          url,
          SIZES.find((s) => s.key === key)!,
          operatorId,
        );
      line("machine load average (1, 5, 15 min)", uptime(), "after");
    } finally {
      await postgres.close();
    }
  } finally {
    await drop();
  }
  if (failed) process.exit(1);
}

await main();
