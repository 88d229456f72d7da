/**
 * Demo data of screening operations (issue 13, second part; ADR 0036): a
 * round of its own in screening with four eligible applications read by the
 * reviewers of the screening demo (demo-screening.ts), two reads each; the
 * first reviewer has submitted every read, the second only some, so
 * the round cannot move to selection without an override, and the operator
 * can move an open read (to a fourth reviewer who joined after the
 * assignment) or exclude a reviewer. An operator of its own for the browser test (e2e/screening-ops.spec.ts). Through the real use cases.
 */
import { sql } from "kysely";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";
import { inviteReviewerToRound } from "../../services/screening/invite-reviewer-to-round.ts";
import { runReviewAssignment } from "../../services/screening/run-review-assignment.ts";
import { saveMyReviewerProfile } from "../../services/screening/save-my-reviewer-profile.ts";
import { saveReviewScores } from "../../services/screening/save-review-scores.ts";
import { DEMO_SCREENING_LOGINS } from "./demo-screening.ts";

export const DEMO_SCREENING_OPS_ROUND_ID = "00000000-0000-4000-8000-000000013028";
export const DEMO_SCREENING_OPS_OPERATOR = "operator-screening-ops@demo.jip.example";
/** A reviewer who joins the round after the assignment: free to take a moved read. */
export const DEMO_SCREENING_OPS_REVIEWER = "screening-ops-reviewer@demo.jip.example";

/** family, given, nationality, university */
const APPLICANTS: [string, string, string, string][] = [
  ["Trần", "Minh Châu", "VN", "Can Tho University"],
  ["Wijaya", "Dewi", "ID", "Gadjah Mada University"],
  ["Santos", "Maria Clara", "PH", "Ateneo de Manila University"],
  ["Mwangi", "Grace", "KE", "Kenyatta University"],
];

export async function seedDemoScreeningOps(ctx: ServiceContext, password: string): Promise<void> {
  const db = ctx.db;
  const actor = (id: string, email: string, name: string, role: "operator" | "reviewer"): Actor => ({
    userId: id,
    email,
    name,
    role,
    locale: "en",
    timeZone: null,
    twoFactorEnabled: true,
    recentlyAuthenticated: true,
    ip: null,
  });
  const name = "森 由美 (Operator)";
  const op = await createVerifiedUser(ctx, { email: DEMO_SCREENING_OPS_OPERATOR, name, password, role: "operator", locale: "en" });
  const operator = actor(op.id, DEMO_SCREENING_OPS_OPERATOR, name, "operator");
  const deadline = (local: string) => tokyoLocalToInstant(local)!;
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_SCREENING_OPS_ROUND_ID,
      fiscal_year: 2027,
      name_ja: "2027年度 冬期募集（審査運用のデモ）",
      name_en: "FY2027 winter round (screening operations demo)",
      phase: "screening",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      age_min: 18,
      age_max: 40,
      intern_capacity: 2,
      created_by: op.id,
    })
    .execute();
  await db
    .insertInto("round_deadlines")
    .values([
      { round_id: DEMO_SCREENING_OPS_ROUND_ID, kind: "application_close", due_at: deadline("2026-11-30T23:59") },
      { round_id: DEMO_SCREENING_OPS_ROUND_ID, kind: "screening_end", due_at: deadline("2027-12-31T17:00") },
      { round_id: DEMO_SCREENING_OPS_ROUND_ID, kind: "selection_announce", due_at: deadline("2028-01-31T17:00") },
    ])
    .execute();
  for (const [n, [family, given, nationality, university]] of APPLICANTS.entries()) {
    const id = `00000000-0000-4000-8000-0000000e00${String(n + 1).padStart(2, "0")}`;
    const seq = await sql<{ n: string }>`select nextval('application_receipt_seq')::text as n`.execute(db);
    await db
      .insertInto("applications")
      .values({
        id,
        round_id: DEMO_SCREENING_OPS_ROUND_ID,
        status: "submitted",
        current_step: "review",
        receipt_number: `JIP27-${seq.rows[0]!.n}`,
        submitted_at: deadline(`2026-11-${String(n + 10).padStart(2, "0")}T12:00`),
        family_name: family,
        given_name: given,
        date_of_birth: `199${n + 2}-0${n + 2}-20`,
        nationality,
        residence_country: nationality,
        contact_email: `applicant-e${n + 1}@demo.jip.example`,
        motivation_learn: "How a Japanese company plans and improves its work.",
        motivation_use: "Connect companies at home with partners in Japan.",
        preferred_fields: ["engineering"],
        eligibility_unmet: [],
      })
      .execute();
    await db
      .insertInto("application_education")
      .values({ id: crypto.randomUUID(), application_id: id, university, degree: "bachelor", field: "Engineering", graduation_year: 2020 + n })
      .execute();
  }
  const reviewers = await db
    .selectFrom("user")
    .select(["id", "email", "name"])
    .where("email", "in", DEMO_SCREENING_LOGINS.reviewers)
    .orderBy("email")
    .execute();
  for (const r of reviewers) await inviteReviewerToRound(ctx, operator, DEMO_SCREENING_OPS_ROUND_ID, { email: r.email });
  await runReviewAssignment(ctx, operator, DEMO_SCREENING_OPS_ROUND_ID, { reads: "2", commit: "commit" });
  // the first reviewer submits every read, the second the first half of theirs (two applications stay short)
  for (const [i, r] of reviewers.slice(0, 2).entries()) {
    const reads = await db
      .selectFrom("review_assignments")
      .innerJoin("applications", "applications.id", "review_assignments.application_id")
      .select("review_assignments.id")
      .where("review_assignments.reviewer_user_id", "=", r.id)
      .where("applications.round_id", "=", DEMO_SCREENING_OPS_ROUND_ID)
      .orderBy("applications.receipt_number")
      .execute();
    for (const a of i === 0 ? reads : reads.slice(0, Math.ceil(reads.length / 2))) {
      await saveReviewScores(ctx, actor(r.id, r.email, r.name, "reviewer"), a.id, {
        intent: "submit",
        score: { motivation: "4", background: "3", language: "4", bridge: "3" },
        recommendation: "recommend",
      });
    }
  }
  const spare = "Reviewer Ochieng";
  const { id } = await createVerifiedUser(ctx, { email: DEMO_SCREENING_OPS_REVIEWER, name: spare, password, role: "reviewer", locale: "en" });
  await inviteReviewerToRound(ctx, operator, DEMO_SCREENING_OPS_ROUND_ID, { email: DEMO_SCREENING_OPS_REVIEWER });
  await saveMyReviewerProfile(ctx, actor(id, DEMO_SCREENING_OPS_REVIEWER, spare, "reviewer"), {
    languages: ["en"],
    fields: "engineering",
    capacity: "5",
    affiliations: "",
  });
}
