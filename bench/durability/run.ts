/**
 * kill -9 in the middle of the deadline rush (issue #20 item 2's durability): on PostgreSQL, then on
 * PGlite (its data folder on disk), a child process opens the platform's runtime (createRuntime, as
 * server.js does) and submits 500 complete drafts at once through the submit use case
 * (src/services/applications/submit-application.ts). It writes one line per acknowledged submission —
 * the use case returned, so its transaction committed — to a pipe (synchronous on Linux: a line
 * written is kept when the process dies). This script kills it with SIGKILL once a third of them are
 * acknowledged, restarts it on the same database (PGlite recovers its folder), and counts:
 *   - lost: acknowledged submissions not found submitted with the acknowledged receipt number;
 *   - duplicates: a receipt number on two applications, or a submitted application with other than
 *     exactly one history row, one receipt e-mail and one audit entry (a half-committed submission);
 * then the restarted process submits all 500 again (the applicants retry), and every application must
 * end submitted once, with 500 distinct receipts, 500 e-mails, 500 audit entries.
 * Exit code 1 when anything is lost or duplicated.
 *
 *   node --import tsx/esm bench/durability/run.ts   (BENCH_DATABASES=postgres,pglite BENCH_SUBMISSIONS=500)
 */
import { execSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "#src/db/migrate.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import { verifyAuditChain } from "#src/services/audit/verify-audit-chain.ts";
import { hashPassword, insertVerifiedUser } from "#src/services/auth/create-verified-user.ts";
import type { Actor } from "#src/services/context.ts";

const N = Number(process.env.BENCH_SUBMISSIONS ?? 500);
const KINDS = (process.env.BENCH_DATABASES ?? "postgres,pglite").split(",");
const ADMIN_URL = process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PDF = new File([new TextEncoder().encode("%PDF-1.4\n%%EOF\n")], "diploma.pdf", { type: "application/pdf" });
const self = fileURLToPath(import.meta.url);

async function open(dir: string, databaseUrl: string | undefined): Promise<Runtime> {
  return createRuntime({
    databaseUrl,
    dataDir: dir,
    pgliteDir: path.join(dir, "pglite"),
    outboxDir: path.join(dir, "outbox"),
    documentsDir: path.join(dir, "documents"),
    port: 4794,
    host: "127.0.0.1",
    publicUrl: "http://localhost:4794",
    smtpUrl: undefined,
    mailFrom: undefined,
    authSecret: "bench-secret-0123456789abcdef0123456789abcdef",
  });
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** The child: `prepare` (round, N applicants with complete drafts → actors.json), `submit` (all at once, one line per acknowledgement), `count`. */
async function child(mode: string, dir: string, databaseUrl: string | undefined): Promise<void> {
  const rt = await open(dir, databaseUrl);
  const actorsFile = path.join(dir, "actors.json");
  if (mode === "prepare") {
    await migrateToLatest(rt.db);
    const roundId = crypto.randomUUID();
    await rt.db
      .insertInto("rounds")
      .values({
        id: roundId,
        fiscal_year: 2027,
        name_ja: "募集回",
        name_en: "Durability round",
        phase: "recruitment",
        eligibility_reference_date: "2027-04-01",
        dac_list_version: "2024-2025",
        min_jlpt_level: "N3",
        residence_in_japan_allowed: false,
        prior_participants_allowed: false,
      })
      .execute();
    await rt.db
      .insertInto("round_deadlines")
      .values({ round_id: roundId, kind: "application_close", due_at: tokyoLocalToInstant("2099-05-31T23:59")! })
      .execute();
    const passwordHash = await hashPassword(rt, "bench-password-0123");
    const actors: Actor[] = [];
    await pool(
      Array.from({ length: N }, (_, i) => i),
      8,
      async (i) => {
        const email = `kill-${i}@bench.jip.example`;
        const { id } = await insertVerifiedUser(rt.db, new Date(), { email, name: `Applicant ${i}`, role: "applicant", locale: "id", passwordHash });
        const actor: Actor = {
          userId: id,
          email,
          name: `Applicant ${i}`,
          role: "applicant",
          locale: "id",
          timeZone: null,
          twoFactorEnabled: false,
          recentlyAuthenticated: true,
          ip: "192.0.2.1",
        };
        await saveApplicationStep(rt, actor, {
          step: "personal",
          values: {
            familyName: "Santoso",
            givenName: `Dewi ${i}`,
            dateOfBirth: "1998-07-08",
            nationality: "ID",
            residenceCountry: "ID",
            priorParticipant: "no",
          },
        });
        await saveApplicationStep(rt, actor, {
          step: "contact",
          values: { contactEmail: email, phone: "+62 812 3456 7890", address: "Jl. Malioboro 1, Yogyakarta" },
        });
        await saveApplicationStep(rt, actor, { step: "languages", values: { jlptLevel: "N2" } });
        await saveApplicationStep(rt, actor, { step: "motivation", values: { motivationLearn: "Kaizen", motivationUse: "At home" } });
        await uploadApplicationDocument(rt, actor, { kind: "graduation_certificate", file: PDF });
        await saveApplicationStep(rt, actor, { step: "consents", values: { consentPurpose: true, consentPrivacy: true } });
        actors.push(actor);
      },
    );
    writeFileSync(actorsFile, JSON.stringify(actors));
  } else if (mode === "submit" || mode === "retry") {
    const actors = JSON.parse(readFileSync(actorsFile, "utf8")) as Actor[];
    process.stdout.write("started\n");
    // The rush: all at once. The retry afterwards: 50 at a time (500 waiting at once for a pooled PostgreSQL
    // connection on a loaded machine exceed the pool's connection timeout: a refusal, not what is measured here).
    await pool(actors, mode === "submit" ? actors.length : 50, async (actor) => {
      const r = await submitApplication(rt, actor);
      // Written after the commit; a pipe write is synchronous on Linux, so it survives SIGKILL once made.
      process.stdout.write(`ack ${r.applicationId} ${r.receiptNumber}\n`);
    });
  } else if (mode === "count") {
    const apps = await rt.db.selectFrom("applications").select(["id", "status", "receipt_number"]).execute();
    const history = await sql<{
      id: string;
      n: string;
    }>`select application_id as id, count(*)::text as n from application_status_history where to_status = 'submitted' group by application_id`.execute(rt.db);
    const mails = await sql<{
      to: string;
      n: string;
    }>`select to_address as "to", count(*)::text as n from outbound_emails where template = 'applicationReceipt' group by to_address`.execute(rt.db);
    const audits = await sql<{
      id: string;
      n: string;
    }>`select entity_id as id, count(*)::text as n from audit_log where action = 'application.submit' group by entity_id`.execute(rt.db);
    // The audit chain is extended in the database, in each submission's own statement (ADR 0049): it must verify after the kill.
    const chain = await verifyAuditChain(rt);
    process.stdout.write(
      JSON.stringify({ apps, history: history.rows, mails: mails.rows, audits: audits.rows, chainBroken: chain.broken, chainEntries: chain.entries }),
    );
  }
  await rt.database.close();
}

function spawnChild(mode: string, dir: string, databaseUrl: string | undefined) {
  return spawn(process.execPath, ["--import", "tsx/esm", self, "child", mode, dir, databaseUrl ?? ""], { stdio: ["ignore", "pipe", "inherit"] });
}

function runChild(mode: string, dir: string, databaseUrl: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawnChild(mode, dir, databaseUrl);
    let out = "";
    c.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    c.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${mode} exited ${code}`))));
  });
}

/** Starts the rush and kills it with SIGKILL after `killAfter` acknowledgements; the acknowledgements read from the pipe. */
function rushAndKill(
  dir: string,
  databaseUrl: string | undefined,
  killAfter: number,
): Promise<{ acks: Map<string, string>; killedAt: number; exited: string }> {
  return new Promise((resolve) => {
    const c = spawnChild("submit", dir, databaseUrl);
    const acks = new Map<string, string>();
    let buffer = "";
    let killedAt = -1;
    c.stdout.on("data", (d: Buffer) => {
      buffer += d.toString("utf8");
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const [word, id, receipt] = buffer.slice(0, nl).split(" ");
        buffer = buffer.slice(nl + 1);
        if (word === "ack") acks.set(id!, receipt!);
      }
      if (killedAt < 0 && acks.size >= killAfter) {
        killedAt = acks.size;
        c.kill("SIGKILL");
      }
    });
    // Lines still in the pipe when it was killed are read before "close".
    c.on("close", (code, signal) => resolve({ acks, killedAt, exited: signal ?? `code ${code}` }));
  });
}

interface Counts {
  apps: { id: string; status: string; receipt_number: string | null }[];
  history: { id: string; n: string }[];
  mails: { to: string; n: string }[];
  audits: { id: string; n: string }[];
  chainBroken: { id: string; reason: string } | null;
  chainEntries: number;
}

function examine(c: Counts, acks: Map<string, string>): { lost: number; duplicates: number; submitted: number; receipts: number; chain: string } {
  const byId = new Map(c.apps.map((a) => [a.id, a]));
  let lost = 0;
  for (const [id, receipt] of acks) {
    const a = byId.get(id);
    if (!a || a.status !== "submitted" || a.receipt_number !== receipt) lost++;
  }
  const submitted = c.apps.filter((a) => a.status === "submitted");
  const receipts = new Set(submitted.map((a) => a.receipt_number));
  const history = new Map(c.history.map((h) => [h.id, Number(h.n)]));
  const audits = new Map(c.audits.map((h) => [h.id, Number(h.n)]));
  const mailsTotal = c.mails.reduce((s, m) => s + Number(m.n), 0);
  let duplicates = submitted.length - receipts.size + c.mails.filter((m) => Number(m.n) !== 1).length;
  for (const a of submitted) if (history.get(a.id) !== 1 || audits.get(a.id) !== 1) duplicates++;
  // Nothing of a submission without the submission itself (a half-committed one).
  duplicates += [...history.keys(), ...audits.keys()].filter((id) => byId.get(id)?.status !== "submitted").length;
  if (mailsTotal !== submitted.length) duplicates += Math.abs(mailsTotal - submitted.length);
  const chain = c.chainBroken ? `broken at entry ${c.chainBroken.id} (${c.chainBroken.reason})` : `${c.chainEntries} entries verify`;
  return { lost, duplicates, submitted: submitted.length, receipts: receipts.size, chain };
}

async function main(): Promise<void> {
  let failed = false;
  console.log(`durability: ${N} concurrent submissions, SIGKILL mid-load, restart and count; ${execSync("uptime").toString().trim()}`);
  for (const kind of KINDS) {
    const dir = mkdtempSync(path.join(tmpdir(), "jip-bench-durability-"));
    let databaseUrl: string | undefined;
    const name = `jip_bench_durability_${process.pid}`;
    if (kind === "postgres") {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      await admin.end();
      databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    }
    try {
      await runChild("prepare", dir, databaseUrl);
      const { acks, killedAt, exited } = await rushAndKill(dir, databaseUrl, Math.floor(N / 3));
      const after = examine(JSON.parse(await runChild("count", dir, databaseUrl)) as Counts, acks);
      console.log(
        `${kind}: killed (${exited}) after ${killedAt} acknowledgements; ${acks.size} acknowledged in all, ${after.submitted} found submitted after the restart: ${after.lost} lost, ${after.duplicates} duplicated or partial; audit chain: ${after.chain}`,
      );
      // The applicants retry: every submission again, after the restart.
      await runChild("retry", dir, databaseUrl);
      const end = examine(JSON.parse(await runChild("count", dir, databaseUrl)) as Counts, acks);
      const chainOk = !after.chain.startsWith("broken") && !end.chain.startsWith("broken");
      const ok = chainOk && after.lost === 0 && after.duplicates === 0 && end.lost === 0 && end.duplicates === 0 && end.submitted === N && end.receipts === N;
      console.log(
        `  after every applicant retried: ${end.submitted} submitted, ${end.receipts} distinct receipts, ${end.lost} lost, ${end.duplicates} duplicated or partial, audit chain: ${end.chain}: ${ok ? "ok" : "FAILED"}`,
      );
      if (killedAt < 0 || !exited.includes("SIGKILL")) {
        console.log("  the rush finished before it could be killed: not a kill -9 run");
        failed = true;
      }
      if (!ok) failed = true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (kind === "postgres") {
        const a = new pg.Client({ connectionString: ADMIN_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      }
    }
  }
  console.log(execSync("uptime").toString().trim());
  process.exit(failed ? 1 : 0);
}

if (process.argv[2] === "child") await child(process.argv[3]!, process.argv[4]!, process.argv[5] || undefined);
else await main();
