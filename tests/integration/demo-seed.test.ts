/** The demo data set (jip seed --demo), on PGlite and PostgreSQL. */
import { DEMO_RULES_ROUND_ID } from "#src/db/seed/demo-round-rules.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGINS, DEMO_ROUND_ID, isDemoSeeded, seedDemo } from "#src/db/seed/demo.ts";
import { DEMO_REPORT_YEAR } from "#src/db/seed/demo-report.ts";
import { DEMO_MATCHING_ROUND_ID } from "#src/db/seed/demo-matching.ts";
import { getMatchingRun } from "#src/services/matching/get-matching-run.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";
import { DEMO_SCREENING_ROUND_ID } from "#src/db/seed/demo-screening.ts";
import { DEMO_SELECTION_OFFERS_LOGINS, DEMO_SELECTION_OFFERS_ROUND_ID } from "#src/db/seed/demo-selection-offers.ts";
import { getSelectionBoard } from "#src/services/selection/get-selection-board.ts";
import { applyRetention } from "#src/services/privacy/apply-retention.ts";
import { DEMO_INTERNSHIP_ROUND_ID } from "#src/db/seed/demo-internship.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { erasureDates } from "#src/domain/retention.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import { signIn } from "#src/services/auth/sign-in.ts";
import type { Actor } from "#src/services/context.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { DATABASE_KINDS, actorFor, useTestDatabase } from "./support/databases.ts";

/** Accounts by role: the recruitment round's demo, plus what each phase's demo round adds (its demo-<phase>.ts). */
const BASE_ROLE_COUNTS = { operator: 6, reviewer: 1, ministry: 1, host: 8, applicant: 20 };
const ADDED_BY_PHASE_DEMOS: Record<string, Partial<typeof BASE_ROLE_COUNTS>> = {
  matching: { operator: 1, host: 3, applicant: 8 },
  screening: { operator: 1, reviewer: 5 },
  selection: { operator: 1, reviewer: 1, applicant: 7 },
  // waiting-list offers (issue 14, ADR 0033): a declined place, a lapsed offer, an open one
  "selection offers": { applicant: 3 },
  "round rules": { operator: 1 },
  "DAC lists": { operator: 1 },
  labels: { operator: 1 },
  internship: { operator: 1, host: 1, applicant: 2 },
  "internship period": { operator: 1 },
  report: { operator: 2 },
  // organization verification (issue 11 item 7): a pending organization's admin and a claimant on its number
  "organization verification": { host: 2 },
  // matching offers (issue 15, ADR 0034): the matching round's waiting list
  "matching waiting list": { applicant: 2 },
  // screening operations (issue 13, ADR 0036): its own operator and a spare reviewer
  "screening operations": { operator: 1, reviewer: 1 },
  // data rights (issue 19 item 7, ADR 0031): its own operator and a host alone in its organization
  "data rights": { operator: 1, host: 1 },
  // host training (issue 16 items 2 and 6, ADR 0038): its own operator and a host member who has taken no module
  "host training": { operator: 1, host: 1 },
  // office-shortlist matching (issue 15, ADR 0037): its own round's operator, host and three applicants
  "matching shortlist": { operator: 1, host: 1, applicant: 3 },
  // outcomes, incidents, check-ins (issue 16, ADR 0039): its own operator, a host member, a completed and an active intern
  "internship outcomes": { operator: 1, host: 1, applicant: 2 },
};
function expectedRoleCounts(): Record<string, number> {
  const out: Record<string, number> = { ...BASE_ROLE_COUNTS };
  for (const added of Object.values(ADDED_BY_PHASE_DEMOS)) for (const [role, n] of Object.entries(added)) out[role] = (out[role] ?? 0) + n;
  return out;
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  beforeAll(async () => {
    expect(await isDemoSeeded(env.db)).toBe(false);
    await seedDemo(env.ctx);
    const op = await env.db.selectFrom("user").selectAll().where("email", "=", "operator@demo.jip.example").executeTakeFirstOrThrow();
    operator = actorFor({ id: op.id, email: op.email, name: op.name, role: "operator" });
  });

  it("is then seeded", async () => {
    expect(await isDemoSeeded(env.db)).toBe(true);
  });

  it("has one round in recruitment with 20 applications in various states", async () => {
    const rounds = await env.db.selectFrom("rounds").select(["id", "phase", "fiscal_year", "dac_list_version", "excluded_countries"]).execute();
    expect(rounds.filter((r) => r.phase === "recruitment")).toEqual([
      { id: DEMO_ROUND_ID, phase: "recruitment", fiscal_year: 2027, dac_list_version: "2024-2025", excluded_countries: ["CN"] },
    ]);
    // Round editing (issue 19): a FY2028 round in preparation, its rules still editable.
    expect(rounds.find((r) => r.id === DEMO_RULES_ROUND_ID)).toEqual({
      id: DEMO_RULES_ROUND_ID,
      phase: "draft",
      fiscal_year: 2028,
      dac_list_version: "2024-2025",
      excluded_countries: ["SY"],
    });
    const apps = await env.db.selectFrom("applications").select(["status", "submitted_at", "receipt_number"]).where("round_id", "=", DEMO_ROUND_ID).execute();
    expect(apps).toHaveLength(20);
    for (const a of apps) {
      expect(a.submitted_at === null).toBe(a.status === "draft");
      expect(a.receipt_number === null).toBe(a.status === "draft");
    }
    const dash = await getRoundDashboard(env.ctx, operator, DEMO_ROUND_ID);
    expect(dash.applicationsByStatus).toEqual({ submitted: 11, draft: 7, withdrawn: 2 });
    expect(dash.deadlines.filter((d) => d.dueAt !== null)).toHaveLength(8);
  });

  it("has a FY2025 round in reporting with its report published, and the published FY2016–2018 figures (issue 17)", async () => {
    const round = await env.db.selectFrom("rounds").select(["phase"]).where("fiscal_year", "=", DEMO_REPORT_YEAR).execute();
    expect(round).toEqual([{ phase: "reporting" }]);
    const versions = await env.db.selectFrom("report_snapshots").select(["fiscal_year", "version", "source"]).orderBy("fiscal_year").execute();
    expect(versions).toEqual([
      { fiscal_year: 2016, version: 1, source: "published" },
      { fiscal_year: 2017, version: 1, source: "published" },
      { fiscal_year: 2018, version: 1, source: "published" },
      { fiscal_year: DEMO_REPORT_YEAR, version: 1, source: "records" },
    ]);
  });

  it("has 2 host organizations with their members (and 5 more for the case studies, 3 for the matching round, 1 for the internship round, 1 waiting for verification, 1 for data rights, 1 for the office-shortlist round, 1 for outcomes), and the staff", async () => {
    // (the yearly report's FY2025 host organizations are checked above)
    const orgs = await env.db
      .selectFrom("host_organizations")
      .select(["id", "name_en", "prefecture_code"])
      .where("id", "not like", "demo-fy2025-%")
      .orderBy("id")
      .execute();
    expect(orgs).toHaveLength(15);
    expect(orgs.slice(0, 2).map((o) => o.name_en)).toEqual(["Sakura Seiki Co., Ltd.", "Hakata Foods LLC"]);
    const members = await env.db.selectFrom("host_memberships").select(["organization_id", "org_role"]).execute();
    // 17: the host-training demo adds a member to the internship round's organization (demo-host-training.ts),
    // the office-shortlist and outcomes demos an organization each with its admin
    expect(members).toHaveLength(17);
    const roles = await env.db
      .selectFrom("user")
      .select((eb) => ["role", eb.fn.countAll<string>().as("n")])
      .groupBy("role")
      .execute();
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual(expectedRoleCounts());
    // the demo reviewer, the three reviewers of the screening demo round (demo-screening.ts) and the spare one of demo-screening-ops.ts
    expect(await env.db.selectFrom("reviewers").select("user_id").execute()).toHaveLength(5);
    const unverified = await env.db.selectFrom("user").select("id").where("emailVerified", "=", false).execute();
    expect(unverified).toEqual([]);
  });

  it("lets the documented demo logins sign in", async () => {
    const applicant = DEMO_LOGINS.accounts.find((a) => a.role === "applicant")!;
    await expect(signIn(env.ctx, { email: applicant.email, password: DEMO_LOGINS.password }, "192.0.2.9")).resolves.toMatchObject({ kind: "signedIn" });
    for (const a of DEMO_LOGINS.accounts) {
      expect(await env.db.selectFrom("user").select("id").where("email", "=", a.email).executeTakeFirst()).toBeDefined();
    }
  });

  it("has published case studies in Japanese and English, one in Japanese only, and one in review for the round", async () => {
    const cases = await env.db.selectFrom("case_studies").select(["status", "published_languages", "round_id"]).orderBy("number").execute();
    expect(cases.map((c) => [c.status, c.published_languages.join("+")])).toEqual([
      ["published", "ja+en"],
      ["published", "ja+en"],
      ["published", "ja+en"],
      ["published", "ja+en"],
      ["published", "ja"],
      ["in_review", ""],
    ]);
    expect(cases[5]!.round_id).toBe(DEMO_ROUND_ID);
    expect(await env.db.selectFrom("case_study_images").select("id").execute()).toHaveLength(6);
  });

  it("has a round in screening with assigned, partly scored applications (demo-screening.ts)", async () => {
    const round = await env.db.selectFrom("rounds").select("phase").where("id", "=", DEMO_SCREENING_ROUND_ID).executeTakeFirstOrThrow();
    expect(round.phase).toBe("screening");
    const apps = await env.db.selectFrom("applications").select("status").where("round_id", "=", DEMO_SCREENING_ROUND_ID).execute();
    expect(apps.map((a) => a.status)).toEqual(Array(10).fill("under_review"));
    const reads = await env.db
      .selectFrom("review_assignments")
      .innerJoin("applications", "applications.id", "review_assignments.application_id")
      .select(["review_assignments.completed_at"])
      .where("applications.round_id", "=", DEMO_SCREENING_ROUND_ID)
      .execute();
    expect(reads).toHaveLength(20);
    expect(reads.filter((r) => r.completed_at !== null).length).toBeGreaterThan(10);
  });

  it("has a round in the internship period: two placements from accepted offers, October's allowance in exact yen", async () => {
    const placements = await env.db
      .selectFrom("placements")
      .innerJoin("applications", "applications.id", "placements.application_id")
      .select(["placements.cohort", "placements.mode", "applications.status"])
      .where("placements.round_id", "=", DEMO_INTERNSHIP_ROUND_ID)
      .orderBy("placements.cohort")
      .execute();
    expect(placements).toEqual([
      { cohort: "A", mode: "in_person", status: "placed" },
      { cohort: "B", mode: "online", status: "placed" },
    ]);
    const october = await computeAllowanceLedger(env.ctx, operator, { roundId: DEMO_INTERNSHIP_ROUND_ID, month: "2026-10" });
    expect(october.rows.map((r) => [r.party, r.amountYen])).toEqual([
      ["host", 38_000],
      ["intern", 78_000],
    ]);
    const november = await computeAllowanceLedger(env.ctx, operator, { roundId: DEMO_INTERNSHIP_ROUND_ID, month: "2026-11" });
    expect(november.internTotalYen).toBe(5_000);
    expect(november.hostTotalYen).toBe(10_000);
  });

  it("writes a seed audit entry", async () => {
    const rows = await env.db.selectFrom("audit_log").selectAll().where("action", "=", "seed.demo").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_id: DEMO_ROUND_ID, after: { applicants: 20, hosts: 2 } });
  });

  it("can move to screening once applications close (11 submitted, withdrawn ones not counted)", async () => {
    env.clock.set(tokyoLocalToInstant("2027-05-31T23:58")!);
    const dash = await getRoundDashboard(env.ctx, operator, DEMO_ROUND_ID);
    expect(dash.next).toEqual({
      phase: "screening",
      refusals: [{ code: "deadline_not_passed", deadline: "application_close", at: tokyoLocalToInstant("2027-05-31T23:59") }],
    });
    env.clock.set(tokyoLocalToInstant("2027-06-01T00:00")!);
    await expect(transitionRoundPhase(env.ctx, operator, { roundId: DEMO_ROUND_ID, to: "screening" })).resolves.toEqual({
      from: "recruitment",
      to: "screening",
    });
  });

  it("has a round in matching with submitted rank order lists, which the operator can run (issue 15)", async () => {
    const round = await env.db.selectFrom("rounds").select("phase").where("id", "=", DEMO_MATCHING_ROUND_ID).executeTakeFirstOrThrow();
    expect(round.phase).toBe("matching");
    const lists = await env.db
      .selectFrom("rank_lists")
      .select("side")
      .where("round_id", "=", DEMO_MATCHING_ROUND_ID)
      .where("submitted_at", "is not", null)
      .execute();
    expect(lists.filter((l) => l.side === "applicant")).toHaveLength(7);
    expect(lists.filter((l) => l.side === "position")).toHaveLength(3);
    const { runId } = await runMatching(env.ctx, operator, { roundId: DEMO_MATCHING_ROUND_ID, form: {} });
    const run = await getMatchingRun(env.ctx, operator, runId);
    expect(run.verification).toMatchObject({ stable: true, feasible: true, blockingPairs: [] });
    expect(run.matched).toBeGreaterThan(0);
  });

  it("has a round whose waiting list holds an open offer, listed on the committee page with a lapsed one (issue 14)", async () => {
    env.clock.reset(); // the seeding time: the open offer has six days to go
    const board = await getSelectionBoard(env.ctx, operator, DEMO_SELECTION_OFFERS_ROUND_ID);
    expect(board.offers.map((o) => [o.receiptNumber, o.state])).toEqual([
      ["JIP26-O03", "open"],
      ["JIP26-O02", "lapsed"],
    ]);
    expect(board.offers[0]!.expiresAt.getTime()).toBe(env.clock.now().getTime() + 6 * 24 * 3600_000);
    expect(DEMO_LOGINS.accounts.map((a) => a.email)).toContain(DEMO_SELECTION_OFFERS_LOGINS.applicant);
  });
  it("keeps every demo round's people when the retention job runs at the first start (ADR 0041)", async () => {
    // `npm start` runs the retention job at once: on the day the demo is seeded, nothing of it is due yet.
    env.clock.reset();
    const before = await env.db.selectFrom("applications").select("id").where("personal_data_erased_at", "is", null).execute();
    const run = await applyRetention(env.ctx);
    expect(run.rounds).toEqual([]);
    const after = await env.db.selectFrom("applications").select("id").where("personal_data_erased_at", "is", null).execute();
    expect(after).toHaveLength(before.length);
    // Nor for a year after: the demo's rounds keep their people while someone tries the demo out.
    const rounds = await env.db
      .selectFrom("rounds as r")
      .innerJoin("round_deadlines as d", "d.round_id", "r.id")
      .select((eb) => ["r.name_en", "r.retention_unselected_months", "r.retention_participants_months", eb.fn.max("d.due_at").as("closes_at")])
      .groupBy(["r.id", "r.name_en", "r.retention_unselected_months", "r.retention_participants_months"])
      .execute();
    const inAYear = new Date(env.clock.now().getTime() + 365 * 24 * 3600_000);
    const dueSoon = rounds
      .map((r) => ({
        round: r.name_en,
        ...erasureDates({
          closesAt: new Date(r.closes_at as Date | string),
          unselectedMonths: r.retention_unselected_months,
          participantsMonths: r.retention_participants_months,
        }),
      }))
      .filter((d) => d.registrations! < inAYear);
    expect(dueSoon).toEqual([]);
  });
});
