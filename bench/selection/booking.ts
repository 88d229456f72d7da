/**
 * Booking under contention (issue 14 target). Run:
 *   node --import tsx/esm bench/selection/booking.ts
 * On a throw-away PostgreSQL database (127.0.0.1:5432, or JIP_TEST_POSTGRES_URL;
 * dropped at the end): a round with 100 one-person interview slots and 500
 * invited applicants; 500 booking attempts (five per slot) through the
 * booking use case (bookInterviewSlot: application row, then slot row FOR
 * UPDATE, count, check, insert, e-mail with calendar file, audit), all
 * started at once on the app's connection pool. Baseline in the same run: the
 * same 500 attempts on a second, identical round, one after another. Checks
 * (exit code 1 if one fails): exactly 100 bookings in each round, no slot
 * booked twice, the 400 others refused as "slot_full" — or, on a loaded
 * machine, failed waiting more than the pool's 5 s for a connection (counted
 * and printed: those people saw an error page, not a refusal) — and no other
 * error.
 * Lines: `name: value (ratio vs baseline)`.
 */
import os from "node:os";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateToLatest } from "#src/db/migrate.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";
import { bookInterviewSlot } from "#src/services/interviews/book-interview-slot.ts";
import type { Actor } from "#src/services/context.ts";
import { RefusedError } from "#src/services/errors.ts";

const ADMIN = process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SLOTS = 100;
const ATTEMPTS = 500;
const NOW = new Date("2027-04-01T00:00:00Z");

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** A round with SLOTS slots and ATTEMPTS invited applicants; the actors and the slot each one tries. */
async function prepareRound(rt: Runtime, interviewerId: string, tag: string) {
  const roundId = crypto.randomUUID();
  await rt.db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: `予約ベンチ ${tag}`,
      name_en: `Booking bench ${tag}`,
      phase: "selection",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 10,
    })
    .execute();
  const slotIds = Array.from({ length: SLOTS }, () => crypto.randomUUID());
  await rt.db
    .insertInto("interview_slots")
    .values(
      slotIds.map((id, i) => ({
        id,
        round_id: roundId,
        stage: "first",
        interviewer_user_id: interviewerId,
        starts_at: new Date(Date.UTC(2027, 4, 1, 0, 0) + i * 30 * 60_000),
        ends_at: new Date(Date.UTC(2027, 4, 1, 0, 30) + i * 30 * 60_000),
        capacity: 1,
        meeting_url: "https://meet.example/bench",
      })),
    )
    .execute();
  const people = Array.from({ length: ATTEMPTS }, (_, i) => ({
    userId: crypto.randomUUID(),
    applicationId: crypto.randomUUID(),
    email: `bench-${tag}-${i}-${randomBytes(3).toString("hex")}@bench.jip.example`,
    i,
  }));
  await rt.db
    .insertInto("user")
    .values(
      people.map((p) => ({
        id: p.userId,
        name: `Bench ${p.i}`,
        email: p.email,
        emailVerified: true,
        image: null,
        twoFactorEnabled: false,
        role: "applicant",
        locale: "en",
        timeZone: "Asia/Ho_Chi_Minh",
      })),
    )
    .execute();
  await rt.db
    .insertInto("applications")
    .values(
      people.map((p) => ({
        id: p.applicationId,
        round_id: roundId,
        applicant_user_id: p.userId,
        status: "interview",
        current_step: "review",
        receipt_number: `BENCH-${tag}-${String(p.i).padStart(4, "0")}`,
        submitted_at: NOW,
        family_name: "Bench",
        given_name: `No ${p.i}`,
        nationality: "VN",
        residence_country: "VN",
        preferred_fields: [],
      })),
    )
    .execute();
  await rt.db
    .insertInto("interview_invitations")
    .values(people.map((p) => ({ application_id: p.applicationId, round_id: roundId, stage: "first", invited_by: null })))
    .execute();
  const attempts = people.map((p) => ({
    actor: {
      userId: p.userId,
      email: p.email,
      name: `Bench ${p.i}`,
      role: "applicant",
      locale: "en",
      timeZone: "Asia/Ho_Chi_Minh",
      twoFactorEnabled: false,
      recentlyAuthenticated: true,
      ip: null,
    } satisfies Actor,
    slotId: slotIds[p.i % SLOTS]!,
  }));
  return { roundId, attempts };
}

/** "pool_timeout": the attempt waited longer than the pool's connectionTimeoutMillis (5 s, src/db/connect.ts) for a connection and never ran. */
type Outcome = "booked" | "slot_full" | "pool_timeout" | "other";
async function attempt(rt: Runtime, a: { actor: Actor; slotId: string }): Promise<Outcome> {
  try {
    await bookInterviewSlot(rt, a.actor, { slotId: a.slotId });
    return "booked";
  } catch (err) {
    if (err instanceof RefusedError && err.refusals.every((r) => r.code === "slot_full")) return "slot_full";
    if (err instanceof Error && err.message.includes("timeout exceeded when trying to connect")) return "pool_timeout";
    console.error(err);
    return "other";
  }
}

async function check(rt: Runtime, roundId: string, outcomes: Outcome[], label: string): Promise<boolean> {
  const rows = await rt.db.selectFrom("interviews").select(["slot_id"]).where("round_id", "=", roundId).where("status", "=", "scheduled").execute();
  const perSlot = new Map<string, number>();
  for (const r of rows) perSlot.set(r.slot_id!, (perSlot.get(r.slot_id!) ?? 0) + 1);
  const booked = outcomes.filter((o) => o === "booked").length;
  const full = outcomes.filter((o) => o === "slot_full").length;
  const other = outcomes.filter((o) => o === "other").length;
  const timedOut = outcomes.filter((o) => o === "pool_timeout").length;
  const doubled = [...perSlot.values()].filter((n) => n > 1).length;
  // every slot booked exactly once; every other attempt refused as full, or never run (no connection within the pool's timeout)
  const ok = rows.length === SLOTS && booked === SLOTS && full + timedOut === ATTEMPTS - SLOTS && other === 0 && doubled === 0 && perSlot.size === SLOTS;
  console.log(
    `${label}: bookings in the database: ${rows.length} (${ok ? "ok" : "FAILED"}; ${booked} booked, ${full} refused slot_full, ${timedOut} got no database connection within 5 s, ${other} other errors, ${doubled} slots booked twice)`,
  );
  return ok;
}

const tmp = mkdtempSync(path.join(tmpdir(), "jip-bench-booking-"));
const dbName = `jip_bench_booking_${randomBytes(4).toString("hex")}`;
await admin(`create database ${dbName}`);
let rt: Runtime | undefined;
let allOk: boolean;
try {
  const url = new URL(ADMIN);
  url.pathname = `/${dbName}`;
  rt = await createRuntime(
    {
      databaseUrl: url.toString(),
      dataDir: tmp,
      pgliteDir: "memory://",
      outboxDir: path.join(tmp, "outbox"),
      documentsDir: path.join(tmp, "documents"),
      port: 4000,
      host: "127.0.0.1",
      publicUrl: "http://localhost:4000",
      smtpUrl: undefined,
      mailFrom: undefined,
      authSecret: "bench-secret-0123456789abcdef0123456789abcdef",
    },
    () => NOW,
  );
  await migrateToLatest(rt.db);
  const interviewerId = crypto.randomUUID();
  await rt.db
    .insertInto("user")
    .values({
      id: interviewerId,
      name: "Bench interviewer",
      email: "interviewer@bench.jip.example",
      emailVerified: true,
      image: null,
      twoFactorEnabled: true,
      role: "reviewer",
      locale: "ja",
      timeZone: null,
    })
    .execute();
  const sequential = await prepareRound(rt, interviewerId, "seq");
  const concurrent = await prepareRound(rt, interviewerId, "con");

  const t0 = performance.now();
  const seqOutcomes: Outcome[] = [];
  for (const a of sequential.attempts) seqOutcomes.push(await attempt(rt, a));
  const seqMs = performance.now() - t0;

  const t1 = performance.now();
  const conOutcomes = await Promise.all(concurrent.attempts.map((a) => attempt(rt!, a)));
  const conMs = performance.now() - t1;

  console.log(`machine load average (1 min): ${os.loadavg()[0]!.toFixed(2)} (${os.availableParallelism()} CPUs)`);
  console.log(`${ATTEMPTS} attempts at ${SLOTS} slots, one after another: ${seqMs.toFixed(0)} ms (baseline)`);
  console.log(
    `${ATTEMPTS} attempts at ${SLOTS} slots, all at once on PostgreSQL: ${conMs.toFixed(0)} ms (${(conMs / seqMs).toFixed(2)} of the baseline; ${((conMs / ATTEMPTS) * 1000).toFixed(0)} µs per attempt)`,
  );
  const a = await check(rt, sequential.roundId, seqOutcomes, "one after another");
  const b = await check(rt, concurrent.roundId, conOutcomes, "all at once");
  allOk = a && b;
  console.log(`all checks: ${allOk ? "passed" : "FAILED"} (${allOk ? "ok" : "see above"})`);
} finally {
  await rt?.database.close();
  await admin(`drop database if exists ${dbName} with (force)`);
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(allOk ? 0 : 1);
