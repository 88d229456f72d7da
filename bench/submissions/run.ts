/**
 * The deadline rush (issue #20 item 2): N applicants with complete drafts submit at once, 50 at a
 * time, through the submit use case (src/services/applications/submit-application.ts) in process,
 * on PGlite (a data folder on disk) and on PostgreSQL (a throw-away database on 127.0.0.1).
 * Baseline in the same run, same database and concurrency: N bare durable transactions (one row
 * inserted and committed), the database's own ceiling for commits. Prints submissions per second
 * and p99 latency, with the ratio to the baseline's throughput; targets ≥ 500/s on PostgreSQL,
 * ≥ 200/s on PGlite, p99 < 200 ms. The first BENCH_WARMUP submissions (200) are not measured: a server
 * at the deadline has long compiled its code, a fresh benchmark process has not. On PostgreSQL it also
 * prints how the measured phase's CPU time split between Node and the database's processes. Checks:
 * every draft submitted once, receipt numbers distinct, one receipt e-mail and one audit entry per
 * submission (exit code 1 otherwise).
 *
 * BENCH_CPU_PROF=1 writes a CPU profile of the measured phase to bench/out/submissions-<database>.cpuprofile.
 *
 *   node --import tsx/esm bench/submissions/run.ts   (BENCH_SUBMISSIONS=1000, BENCH_WARMUP=200, BENCH_DATABASES=pglite,postgres)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { migrateToLatest } from "#src/db/migrate.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import { hashPassword, insertVerifiedUser } from "#src/services/auth/create-verified-user.ts";
import type { Actor } from "#src/services/context.ts";
import { postgresCpuSeconds, postgresCpuSince } from "../support/postgres-cpu.ts";
import { throwawayPostgres } from "../support/throwaway-postgres.ts";

const N = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const CONCURRENCY = 50;
const KINDS = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",");
const PDF = new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "diploma.pdf", { type: "application/pdf" });

/** Distinct people, as in a real rush: common family names, birth dates spread over fifteen years (the
 * same name, birth date and nationality would mark each as having taken part before, ADR 0049). */
const FAMILY_NAMES = ["Phạm", "Nguyễn", "Trần", "Lê", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const dateOfBirth = (i: number): string => new Date(Date.UTC(1990, 0, 1) + ((i * 7919) % 5479) * 86_400_000).toISOString().slice(0, 10);

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Throughput and p99 of `fn` run once per item, `CONCURRENCY` at a time. */
async function measure<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<{ perSecond: number; p99: number; median: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(items, CONCURRENCY, async (item) => {
    const t = performance.now();
    await fn(item);
    latencies.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: items.length / seconds, p99: latencies[Math.ceil(latencies.length * 0.99) - 1]!, median: latencies[Math.floor(latencies.length / 2)]! };
}

async function runtimeFor(kind: string, tmp: string): Promise<{ rt: Runtime; drop: () => Promise<void> }> {
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (kind === "postgres") {
    const db = await throwawayPostgres("jip_bench_submissions");
    databaseUrl = db.url;
    drop = db.drop;
  }
  const rt = await createRuntime({
    databaseUrl,
    dataDir: tmp,
    pgliteDir: path.join(tmp, "pglite"),
    outboxDir: path.join(tmp, "outbox"),
    documentsDir: path.join(tmp, "documents"),
    port: 4792,
    host: "127.0.0.1",
    publicUrl: "http://localhost:4792",
    smtpUrl: undefined,
    mailFrom: undefined,
    authSecret: "bench-secret-0123456789abcdef0123456789abcdef",
  });
  return { rt, drop };
}

async function prepare(rt: Runtime): Promise<Actor[]> {
  await migrateToLatest(rt.db);
  await rt.db
    .insertInto("rounds")
    .values({
      id: crypto.randomUUID(),
      fiscal_year: 2027,
      name_ja: "募集回",
      name_en: "Bench round",
      phase: "recruitment",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      min_jlpt_level: "N3",
      residence_in_japan_allowed: false,
      prior_participants_allowed: false,
    })
    .execute();
  const round = await rt.db.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
  await rt.db
    .insertInto("round_deadlines")
    .values({ round_id: round.id, kind: "application_close", due_at: tokyoLocalToInstant("2099-05-31T23:59")! })
    .execute();
  const passwordHash = await hashPassword(rt, "bench-password-0123");
  const actors: Actor[] = [];
  await pool(
    Array.from({ length: WARMUP + N }, (_, i) => i),
    8,
    async (i) => {
      const email = `rush-${i}@bench.jip.example`;
      const { id } = await insertVerifiedUser(rt.db, new Date(), { email, name: `Applicant ${i}`, role: "applicant", locale: "vi", passwordHash });
      const actor: Actor = {
        userId: id,
        email,
        name: `Applicant ${i}`,
        role: "applicant",
        locale: "vi",
        timeZone: null,
        twoFactorEnabled: false,
        recentlyAuthenticated: true,
        ip: "192.0.2.1",
      };
      await saveApplicationStep(rt, actor, {
        step: "personal",
        values: {
          familyName: FAMILY_NAMES[i % FAMILY_NAMES.length]!,
          givenName: `Trang ${i}`,
          dateOfBirth: dateOfBirth(i),
          nationality: "VN",
          residenceCountry: "VN",
          priorParticipant: "no",
        },
      });
      await saveApplicationStep(rt, actor, { step: "contact", values: { contactEmail: email, phone: "+84 912 345 678", address: "12 Lê Lợi, Huế" } });
      await saveApplicationStep(rt, actor, { step: "languages", values: { jlptLevel: "N2" } });
      await saveApplicationStep(rt, actor, { step: "motivation", values: { motivationLearn: "Kaizen", motivationUse: "At home" } });
      await uploadApplicationDocument(rt, actor, { kind: "graduation_certificate", file: PDF });
      await saveApplicationStep(rt, actor, { step: "consents", values: { consentPurpose: true, consentPrivacy: true } });
      actors.push(actor);
    },
  );
  await sql`create table bench_commits (id serial primary key, at timestamptz not null)`.execute(rt.db);
  return actors;
}

let failed = false;
console.log(`submissions: ${N} drafts submitted ${CONCURRENCY} at a time, in process, after ${WARMUP} not measured; load average ${loadavg()[0]!.toFixed(1)}`);
for (const kind of KINDS) {
  const tmp = mkdtempSync(path.join(tmpdir(), "jip-bench-submissions-"));
  const { rt, drop } = await runtimeFor(kind, tmp);
  try {
    const actors = await prepare(rt);
    const warm = actors.slice(0, WARMUP);
    const measured = actors.slice(WARMUP);
    const commit = async () => {
      await rt.db.transaction().execute((trx) => sql`insert into bench_commits (at) values (${new Date()})`.execute(trx));
    };
    await measure(warm, commit);
    const baseline = await measure(measured, commit);
    const receipts = new Set<string>();
    const submitOne = async (actor: Actor) => {
      const r = await submitApplication(rt, actor);
      receipts.add(r.receiptNumber);
    };
    await measure(warm, submitOne);
    const profiler = process.env.BENCH_CPU_PROF === "1" ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const postgresBefore = postgresCpuSeconds();
    const nodeBefore = process.cpuUsage();
    const submit = await measure(measured, submitOne);
    const nodeCpu = process.cpuUsage(nodeBefore);
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      const out = path.join(import.meta.dirname, "..", "out");
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, `submissions-${kind}.cpuprofile`), JSON.stringify(profile));
      profiler.disconnect();
    }
    const postgresCpu = kind === "postgres" ? postgresCpuSince(postgresBefore) : 0;
    const submitted = await rt.db
      .selectFrom("applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    const mails = await rt.db
      .selectFrom("outbound_emails")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("template", "=", "applicationReceipt")
      .executeTakeFirstOrThrow();
    const audits = await rt.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("action", "=", "application.submit")
      .executeTakeFirstOrThrow();
    const all = WARMUP + N;
    const ok = Number(submitted.n) === all && receipts.size === all && Number(mails.n) === all && Number(audits.n) === all;
    if (!ok) failed = true;
    const target = kind === "postgres" ? 500 : 200;
    console.log(
      `${kind}: ${submit.perSecond.toFixed(0)} submissions/s (${(submit.perSecond / baseline.perSecond).toFixed(2)} of the bare-commit baseline; ${(submit.perSecond / target).toFixed(2)} of the ${target}/s target), median ${submit.median.toFixed(0)} ms, p99 ${submit.p99.toFixed(0)} ms (${(submit.p99 / 200).toFixed(2)} of the 200 ms target)`,
    );
    console.log(`  baseline, bare durable commits: ${baseline.perSecond.toFixed(0)}/s, p99 ${baseline.p99.toFixed(0)} ms`);
    const perSubmission = (seconds: number) => `${((seconds * 1000) / N).toFixed(2)} ms`;
    const nodeSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;
    console.log(
      `  CPU per submission: Node ${perSubmission(nodeSeconds)}${kind === "postgres" ? `, PostgreSQL ${perSubmission(postgresCpu)} (its processes on this machine)` : " (PGlite runs inside Node)"}`,
    );
    console.log(
      `  checks: ${submitted.n} submitted, ${receipts.size} distinct receipts, ${mails.n} receipt e-mails, ${audits.n} audit entries: ${ok ? "ok" : "FAILED"}`,
    );
  } finally {
    await rt.database.close();
    await drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
