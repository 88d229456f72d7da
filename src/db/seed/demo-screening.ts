/**
 * Demo data of document screening (issue 13): a round of its own in the
 * screening phase with 10 eligible submitted applications, three reviewers
 * with profiles (one of them affiliated with an applicant's university, so
 * the conflict check shows), an assignment made by the real solver (two
 * reads each) and the scores of two reviewers submitted — one lenient, one
 * harsh — so the ranking page has something to normalize. Plus two reviewers
 * and an operator kept for the browser test, not yet in the round. Everything
 * through the real use cases, so the audit log shows it. Reviewers, like all
 * demo staff, enrol two-factor authentication at their first sign-in.
 */
import { sql } from "kysely";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";
import { inviteReviewerToRound } from "../../services/screening/invite-reviewer-to-round.ts";
import { runReviewAssignment } from "../../services/screening/run-review-assignment.ts";
import { saveMyReviewerProfile } from "../../services/screening/save-my-reviewer-profile.ts";
import { saveReviewScores } from "../../services/screening/save-review-scores.ts";

const PASSWORD = "demo-password-2026";

export const DEMO_SCREENING_ROUND_ID = "00000000-0000-4000-8000-000000013027";

/** Demo log-ins of screening; the browser test uses the `e2e` ones (nobody else does). */
export const DEMO_SCREENING_LOGINS = {
  reviewers: ["screening-reviewer1@demo.jip.example", "screening-reviewer2@demo.jip.example", "screening-reviewer3@demo.jip.example"],
  e2eOperator: "operator-screening@demo.jip.example",
  e2eReviewers: ["reviewer-e2e1@demo.jip.example", "reviewer-e2e2@demo.jip.example"],
};

const REVIEWER_PROFILES = [
  { name: "審査員 木村 (Kimura)", languages: ["ja", "en", "vi"], fields: "engineering, manufacturing", affiliations: "", bias: 1 },
  { name: "審査員 小林 (Kobayashi)", languages: ["ja", "en"], fields: "economics, marketing", affiliations: "", bias: -1 },
  { name: "Reviewer Lestari", languages: ["en", "id"], fields: "engineering", affiliations: "Universitas Indonesia", bias: 0 },
];

/** family, given, nationality, university, field, quality (1–5, what a fair reviewer would give) */
const APPLICANTS: [string, string, string, string, string, number][] = [
  ["Võ", "Thanh Hà", "VN", "Hanoi University of Science and Technology", "Mechanical Engineering", 4],
  ["Đặng", "Quốc Bảo", "VN", "Vietnam National University, Hanoi", "Economics", 3],
  ["Hidayat", "Rizky", "ID", "Universitas Indonesia", "Industrial Engineering", 5],
  ["Kusuma", "Sari", "ID", "Institut Teknologi Bandung", "Chemical Engineering", 2],
  ["Boonmee", "Kanya", "TH", "Chulalongkorn University", "Marketing", 4],
  ["Reyes", "Jose Miguel", "PH", "University of the Philippines", "Computer Science", 3],
  ["Patel", "Ananya", "IN", "Indian Institute of Technology Bombay", "Electrical Engineering", 5],
  ["Hossain", "Tanvir", "BD", "University of Dhaka", "Business Administration", 2],
  ["Gurung", "Asha", "NP", "Tribhuvan University", "Civil Engineering", 3],
  ["Otieno", "Brian", "KE", "University of Nairobi", "Agricultural Economics", 4],
];

const clamp = (x: number) => Math.max(1, Math.min(5, x));

export async function seedDemoScreening(ctx: ServiceContext): Promise<void> {
  const db = ctx.db;
  const actor = (id: string, email: string, name: string, role: "operator" | "reviewer"): Actor => ({
    userId: id,
    email,
    name,
    role,
    locale: "ja",
    timeZone: null,
    twoFactorEnabled: true,
    recentlyAuthenticated: true,
    ip: null,
  });
  const op = await createVerifiedUser(ctx, {
    email: DEMO_SCREENING_LOGINS.e2eOperator,
    name: "松本 葵 (Operator)",
    password: PASSWORD,
    role: "operator",
    locale: "en",
  });
  const operator = actor(op.id, DEMO_SCREENING_LOGINS.e2eOperator, "松本 葵 (Operator)", "operator");
  for (const [i, email] of DEMO_SCREENING_LOGINS.e2eReviewers.entries()) {
    await createVerifiedUser(ctx, { email, name: `E2E Reviewer ${i + 1}`, password: PASSWORD, role: "reviewer", locale: "en" });
  }
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_SCREENING_ROUND_ID,
      fiscal_year: 2027,
      name_ja: "2027年度 秋期募集（審査中のデモ）",
      name_en: "FY2027 autumn round (screening demo)",
      phase: "screening",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      age_min: 18,
      age_max: 40,
      intern_capacity: 5,
      created_by: op.id,
    })
    .execute();
  const deadline = (local: string) => tokyoLocalToInstant(local)!;
  await db
    .insertInto("round_deadlines")
    .values([
      { round_id: DEMO_SCREENING_ROUND_ID, kind: "application_close", due_at: deadline("2026-10-31T23:59") },
      { round_id: DEMO_SCREENING_ROUND_ID, kind: "screening_end", due_at: deadline("2027-09-30T17:00") },
      { round_id: DEMO_SCREENING_ROUND_ID, kind: "selection_announce", due_at: deadline("2027-10-31T17:00") },
    ])
    .execute();
  const quality = new Map<string, number>();
  for (const [n, [family, given, nationality, university, field, q]] of APPLICANTS.entries()) {
    const id = `00000000-0000-4000-8000-0000000d00${String(n + 1).padStart(2, "0")}`;
    quality.set(id, q);
    const seq = await sql<{ n: string }>`select nextval('application_receipt_seq')::text as n`.execute(db);
    await db
      .insertInto("applications")
      .values({
        id,
        round_id: DEMO_SCREENING_ROUND_ID,
        status: "submitted",
        current_step: "review",
        receipt_number: `JIP27-${seq.rows[0]!.n}`,
        submitted_at: deadline(`2026-10-${String(n + 10).padStart(2, "0")}T12:00`),
        family_name: family,
        given_name: given,
        date_of_birth: `199${n}-0${(n % 9) + 1}-15`,
        nationality,
        residence_country: nationality,
        contact_email: `applicant-d${n + 1}@demo.jip.example`,
        motivation_learn: `Quality management and how a Japanese ${field.toLowerCase()} team plans its work.`,
        motivation_use: "Build a partnership between companies at home and in Japan.",
        preferred_fields: [field.toLowerCase()],
        // eligible: these applications passed recruitment's eligibility rules
        eligibility_unmet: [],
      })
      .execute();
    await db
      .insertInto("application_education")
      .values({ id: crypto.randomUUID(), application_id: id, university, degree: "bachelor", field, graduation_year: 2019 + (n % 5) })
      .execute();
    await db
      .insertInto("application_languages")
      .values({ id: crypto.randomUUID(), application_id: id, kind: "english_test", english_test: "toeic_lr", score: 600 + n * 25 })
      .execute();
  }
  const reviewers: Actor[] = [];
  for (const [i, email] of DEMO_SCREENING_LOGINS.reviewers.entries()) {
    const p = REVIEWER_PROFILES[i]!;
    const { id } = await createVerifiedUser(ctx, { email, name: p.name, password: PASSWORD, role: "reviewer", locale: i === 2 ? "en" : "ja" });
    const reviewer = actor(id, email, p.name, "reviewer");
    reviewers.push(reviewer);
    await inviteReviewerToRound(ctx, operator, DEMO_SCREENING_ROUND_ID, { email });
    await saveMyReviewerProfile(ctx, reviewer, { languages: p.languages, fields: p.fields, capacity: "10", affiliations: p.affiliations });
  }
  await runReviewAssignment(ctx, operator, DEMO_SCREENING_ROUND_ID, { reads: "2", commit: "commit" });
  // The first two reviewers submit every read (the first lenient, the second harsh); the third saves one draft.
  for (const [i, reviewer] of reviewers.entries()) {
    const assignments = await db
      .selectFrom("review_assignments")
      .select(["id", "application_id"])
      .where("reviewer_user_id", "=", reviewer.userId)
      .orderBy("application_id")
      .execute();
    const bias = REVIEWER_PROFILES[i]!.bias;
    for (const [k, a] of assignments.entries()) {
      if (i === 2 && k > 0) break;
      const q = quality.get(a.application_id)!;
      const s = (d: number) => String(clamp(q + bias + d));
      await saveReviewScores(ctx, reviewer, a.id, {
        intent: i === 2 ? "draft" : "submit",
        score: { motivation: s(0), background: s(k % 2 === 0 ? 0 : -1), language: s(0), bridge: s(k % 3 === 0 ? 1 : 0) },
        comment: { motivation: q >= 4 ? "Clear, concrete goals." : "Goals could be more specific." },
        recommendation: q + bias >= 4 ? "recommend" : q + bias <= 2 ? "not_recommend" : "neutral",
      });
    }
  }
}
