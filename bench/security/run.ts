/**
 * Enumeration by timing (issue 11 item 5): the public forms that take an
 * e-mail address — sign-up, sign-in, forgot-password, session registration —
 * and the host admin's invitation, each timed for an address that has an
 * account (or registration) and for one that has none, alternately, in one
 * run. Prints `name: median (ratio vs the unknown address)`; a ratio near 1.00
 * means the answer's time does not tell the two apart.
 *
 * node --import tsx/esm bench/security/run.ts   (PGlite in memory; DATABASE_URL=postgres://… for PostgreSQL)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateToLatest } from "#src/db/migrate.ts";
import { corporateNumberCheckDigit } from "#src/domain/corporate-number.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";
import { createVerifiedUser } from "#src/services/auth/create-verified-user.ts";
import { requestPasswordReset } from "#src/services/auth/request-password-reset.ts";
import { signIn } from "#src/services/auth/sign-in.ts";
import { signUpApplicant } from "#src/services/auth/sign-up-applicant.ts";
import type { Actor } from "#src/services/context.ts";
import { inviteMember } from "#src/services/hosts/invite-member.ts";
import { registerOrganization } from "#src/services/hosts/register-organization.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { createSession } from "#src/services/sessions/create-session.ts";
import { registerForSession } from "#src/services/sessions/register-for-session.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const PASSWORD = "violet-harbour-lantern-42";
let serial = 0;
let client = 0;
/** A new client address per sign-in try, so the limiter never answers instead of the password check. */
const nextIp = () => `198.51.${Math.floor(client / 250) % 250}.${client++ % 250}`;
const fresh = (tag: string) => `${tag}-${Date.now().toString(36)}-${serial++}@bench.jip.example`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn().catch(() => undefined);
  return performance.now() - t;
}

function actor(id: string, email: string, role: Actor["role"]): Actor {
  return { userId: id, email, name: role, role, locale: "en", timeZone: null, twoFactorEnabled: true, recentlyAuthenticated: true, ip: "192.0.2.1" };
}

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), "jip-bench-security-"));
  const rt: Runtime = await createRuntime({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: tmp,
    pgliteDir: "memory://",
    outboxDir: path.join(tmp, "outbox"),
    documentsDir: path.join(tmp, "documents"),
    port: 4791,
    host: "127.0.0.1",
    publicUrl: "http://localhost:4791",
    smtpUrl: undefined,
    mailFrom: undefined,
    authSecret: "bench-secret-0123456789abcdef0123456789abcdef",
  });
  try {
    await migrateToLatest(rt.db);
    const known = fresh("known");
    await createVerifiedUser(rt, { email: known, name: "Known", password: PASSWORD, role: "applicant", locale: "en" });
    const op = fresh("operator");
    const operator = actor((await createVerifiedUser(rt, { email: op, name: "Op", password: PASSWORD, role: "operator", locale: "en" })).id, op, "operator");
    const ad = fresh("admin");
    const admin = actor((await createVerifiedUser(rt, { email: ad, name: "Admin", password: PASSWORD, role: "host", locale: "ja" })).id, ad, "host");
    const base = `${String(Date.now()).slice(-8)}0001`;
    await registerOrganization(rt, admin, {
      corporateNumber: `${corporateNumberCheckDigit(base)}${base}`,
      legalForm: "株式会社",
      kind: "sme",
      nameJa: "計測工業株式会社",
      nameEn: "Keisoku Kogyo",
      postalCode: "060-0001",
      prefectureCode: "01",
      addressJa: "札幌市中央区北1条西1丁目",
      jsicDivision: "E",
      employees: "12",
      capitalYen: "10,000,000",
      overseasStatus: "ongoing",
      overseasCountries: "vn",
      workLanguages: ["ja"],
      website: "https://example.jp",
    });
    const roundId = (
      await createRound(rt, operator, {
        fiscalYear: 2099,
        nameJa: "計測",
        nameEn: "Bench round",
        eligibilityReferenceDate: "2099-04-01",
        dacListVersion: "2024-2025",
        ageMin: "18",
        ageMax: "40",
        internCapacity: "100",
        deadlines: {},
      })
    ).id;
    const { id: sessionId } = await createSession(rt, operator, {
      roundId,
      titles: { ja: "計測", en: "Bench" },
      descriptions: {},
      mode: "in_person",
      meetingUrl: "",
      venue: "Hall",
      city: "Hanoi",
      countryCode: "VN",
      timeZone: "Asia/Ho_Chi_Minh",
      startsAt: "2099-05-11T18:00",
      endsAt: "2099-05-11T20:00",
      language: "vi",
      capacity: "1000",
      partnerOrganization: "",
      audience: "applicants",
    });
    const registered = fresh("registered");
    const form = (email: string) => ({ sessionId, name: "P", email, countryCode: "VN", affiliation: "", locale: "en" });
    await registerForSession(rt, null, form(registered));

    const flows: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        "sign-up",
        () => signUpApplicant(rt, { name: "K", email: known, password: PASSWORD, passwordConfirm: PASSWORD }, "en"),
        () => signUpApplicant(rt, { name: "U", email: fresh("new"), password: PASSWORD, passwordConfirm: PASSWORD }, "en"),
      ],
      [
        "sign-in (wrong password)",
        () => signIn(rt, { email: known, password: "not-the-password-1" }, nextIp()),
        () => signIn(rt, { email: fresh("ghost"), password: "not-the-password-1" }, nextIp()),
      ],
      ["forgot-password", () => requestPasswordReset(rt, { email: known }, "en"), () => requestPasswordReset(rt, { email: fresh("ghost") }, "en")],
      ["session registration", () => registerForSession(rt, null, form(registered)), () => registerForSession(rt, null, form(fresh("visitor")))],
      [
        "host invitation",
        () => inviteMember(rt, admin, { email: known, orgRole: "member", locale: "ja" }),
        () => inviteMember(rt, admin, { email: fresh("invitee"), orgRole: "member", locale: "ja" }),
      ],
    ];
    for (const [name, withAccount, without] of flows) {
      await time(withAccount);
      await time(without);
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        a.push(await time(withAccount));
        b.push(await time(without));
      }
      const [ma, mb] = [median(a), median(b)];
      process.stdout.write(`${name}, known address: ${ma.toFixed(1)} ms (${(ma / mb).toFixed(2)} vs unknown address ${mb.toFixed(1)} ms)\n`);
    }
  } finally {
    await rt.database.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
