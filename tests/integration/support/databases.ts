/**
 * Runs an integration suite on both databases the platform supports (ADR
 * 0002): an in-memory PGlite and a throw-away database on the local
 * PostgreSQL server. Usage:
 *
 *   describe.each(DATABASE_KINDS)("%s", (kind) => {
 *     const env = useTestDatabase(kind);
 *     it("…", async () => { await createRound(env.ctx, … ) });
 *   });
 *
 * useTestDatabase registers beforeAll/afterAll: it creates the database
 * (PostgreSQL: CREATE DATABASE jip_test_<random hex>, dropped WITH (FORCE)
 * afterwards) already migrated — a copy of the database global-setup.ts
 * migrated once for the run (PostgreSQL: WITH TEMPLATE; PGlite: loading its
 * dump) — and builds a ServiceContext through the real createRuntime with a
 * temporary outbox folder and a controllable clock.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import type { AppConfig } from "#src/config.ts";
import type { DatabaseKind } from "#src/db/connect.ts";
import { deliverDueEmails } from "#src/jobs/deliver-emails.ts";
import type { UserRole } from "#src/domain/roles.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";
import { createVerifiedUser } from "#src/services/auth/create-verified-user.ts";
import type { Actor } from "#src/services/context.ts";

export const DATABASE_KINDS: readonly DatabaseKind[] = ["pglite", "postgres"];

/** The server every PostgreSQL test database is created on (trust auth). */
export const POSTGRES_ADMIN_URL = process.env.JIP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const PUBLIC_URL = "http://localhost:4000";
export const TEST_PASSWORD = "correct horse battery staple";

/** A clock the tests move by hand. Starts at a fixed instant so runs are reproducible. */
export class TestClock {
  static readonly START = new Date("2027-04-01T00:00:00.000Z");
  private current = TestClock.START.getTime();
  now = (): Date => new Date(this.current);
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  reset(): void {
    this.current = TestClock.START.getTime();
  }
}

export interface TestEnv {
  readonly kind: DatabaseKind;
  /** The ServiceContext (plus the Db handle) every use case receives. */
  readonly ctx: Runtime;
  readonly db: Runtime["db"];
  readonly clock: TestClock;
  readonly outboxDir: string;
  /** postgres://… of the test database, or undefined for PGlite. */
  readonly databaseUrl: string | undefined;
}

export interface TestDatabaseOptions {
  /** Start migrated (default true); false: an empty database, for tests of the migrations themselves. */
  migrate?: boolean;
}

function adminClient(): pg.Client {
  return new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
}

/** `template`: a migrated database to copy (global-setup.ts); without one the new database is empty. */
async function createPostgresDatabase(template?: string): Promise<{ name: string; url: string }> {
  const name = `jip_test_${randomBytes(8).toString("hex")}`;
  const client = adminClient();
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  if (!/^jip_test_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const client = adminClient();
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Names of the test databases currently on the server (to prove none are left behind). */
export async function listPostgresTestDatabases(): Promise<string[]> {
  const client = adminClient();
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like 'jip_test_%'");
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

/** The dump of a migrated PGlite data folder (global-setup.ts), read once per test file. */
let migratedPgliteDump: Blob | undefined;
function pgliteSnapshot(): Blob {
  migratedPgliteDump ??= new Blob([readFileSync(inject("migratedPgliteDump"))]);
  return migratedPgliteDump;
}

export function testConfig(input: { databaseUrl: string | undefined; outboxDir: string; pgliteSnapshot?: Blob }): AppConfig {
  return {
    databaseUrl: input.databaseUrl,
    dataDir: path.dirname(input.outboxDir),
    pgliteDir: "memory://",
    outboxDir: input.outboxDir,
    documentsDir: path.join(path.dirname(input.outboxDir), "documents"),
    port: 4000,
    host: "127.0.0.1",
    publicUrl: PUBLIC_URL,
    smtpUrl: undefined,
    mailFrom: undefined,
    authSecret: "test-secret-0123456789abcdef0123456789abcdef",
    pgliteSnapshot: input.pgliteSnapshot,
  };
}

/** Opens a fresh database of the given kind for the enclosing describe block. */
export function useTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): TestEnv {
  let runtime: Runtime | undefined;
  let tmp: string | undefined;
  let pgName: string | undefined;
  let databaseUrl: string | undefined;
  const clock = new TestClock();

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), "jip-test-"));
    const migrated = options.migrate !== false;
    if (kind === "postgres") {
      const created = await createPostgresDatabase(migrated ? inject("migratedTemplate") : undefined);
      pgName = created.name;
      databaseUrl = created.url;
    }
    const pgliteSnapshotBlob = kind === "pglite" && migrated ? pgliteSnapshot() : undefined;
    runtime = await createRuntime(testConfig({ databaseUrl, outboxDir: path.join(tmp, "outbox"), pgliteSnapshot: pgliteSnapshotBlob }), clock.now);
  });

  afterAll(async () => {
    try {
      await runtime?.database.close();
    } finally {
      runtime = undefined;
      if (pgName) await dropPostgresDatabase(pgName);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  });

  const need = (): Runtime => {
    if (!runtime) throw new Error("the test database is only available inside tests (after beforeAll)");
    return runtime;
  };
  return {
    kind,
    get ctx() {
      return need();
    },
    get db() {
      return need().db;
    },
    clock,
    get outboxDir() {
      need();
      return path.join(tmp!, "outbox");
    },
    get databaseUrl() {
      return databaseUrl;
    },
  };
}

/** Runs the e-mail delivery job once at the test clock's time, as the server does every second. */
export function deliverQueuedEmails(env: TestEnv): Promise<{ sent: number; failed: number }> {
  return deliverDueEmails(env.ctx, env.clock.now());
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

/** A verified user of the given role (through better-auth's hashing: keep the number low). */
export async function createUser(env: TestEnv, role: UserRole, overrides: { email?: string; name?: string; locale?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? `${role}-${randomBytes(5).toString("hex")}@test.jip.example`;
  const name = overrides.name ?? `Test ${role}`;
  const { id } = await createVerifiedUser(env.ctx, { email, name, password: TEST_PASSWORD, role, locale: overrides.locale ?? "en" });
  return { id, email, name, role, password: TEST_PASSWORD };
}

/**
 * The Actor a signed-in user would be. Staff roles default to two-factor
 * enrolled; pass twoFactorEnabled: false to test the enrolment gate. Actors
 * count as having just entered their password (recentlyAuthenticated) unless told.
 */
export function actorFor(
  user: Pick<TestUser, "id" | "email" | "name" | "role">,
  opts: { twoFactorEnabled?: boolean; recentlyAuthenticated?: boolean; locale?: string } = {},
): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: opts.locale ?? "en",
    timeZone: null,
    twoFactorEnabled: opts.twoFactorEnabled ?? true,
    recentlyAuthenticated: opts.recentlyAuthenticated ?? true,
    ip: "192.0.2.1",
  };
}

/** One user and actor per role, created once for a describe block. */
export async function createUsersOfEveryRole(env: TestEnv): Promise<Record<UserRole, TestUser>> {
  const roles: UserRole[] = ["applicant", "host", "reviewer", "operator", "ministry"];
  const users = await Promise.all(roles.map((r) => createUser(env, r)));
  return Object.fromEntries(users.map((u) => [u.role, u])) as Record<UserRole, TestUser>;
}

/** Valid createRound input; override what the test is about. */
export function roundInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fiscalYear: 2027,
    nameJa: "テスト回",
    nameEn: `Test round ${randomBytes(4).toString("hex")}`,
    eligibilityReferenceDate: "2027-04-01",
    dacListVersion: "2024-2025",
    ageMin: "18",
    ageMax: "40",
    internCapacity: "100",
    deadlines: {},
    ...overrides,
  };
}

/** A round taking applications (phase recruitment) with the FY2027 demo rules and an application close. */
export async function insertRecruitingRound(env: TestEnv, closesAt: Date): Promise<string> {
  const id = crypto.randomUUID();
  await env.db
    .insertInto("rounds")
    .values({
      id,
      fiscal_year: 2027,
      name_ja: `募集回 ${id.slice(0, 8)}`,
      name_en: `Recruiting round ${id.slice(0, 8)}`,
      phase: "recruitment",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      min_jlpt_level: "N3",
      residence_in_japan_allowed: false,
      prior_participants_allowed: false,
    })
    .execute();
  await env.db.insertInto("round_deadlines").values({ round_id: id, kind: "application_close", due_at: closesAt }).execute();
  return id;
}
