/**
 * Demo of interviews and selection (issue 14): a round of its own in the
 * selection phase, with seven applicants who passed screening (their
 * normalized document scores inserted as screening would leave them), a day
 * of first-interview slots in Tokyo, everyone invited, six interviews held
 * and scored, a quota of at most two per nationality, and three places — so
 * the committee page shows a suggestion that skips a Vietnamese applicant
 * with the quota's reason. applicant sel01 (Vietnamese, Hanoi time) is
 * invited but has not booked yet. Deterministic: fixed ids and instants.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { INTERVIEW_CRITERIA } from "../../domain/interviews/index.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";
import { createInterviewSlots } from "../../services/interviews/create-interview-slots.ts";
import { inviteToInterview } from "../../services/interviews/invite-to-interview.ts";

const PASSWORD = "demo-password-2026";
export const DEMO_SELECTION_ROUND_ID = "00000000-0000-4000-8000-000000002114";

export const DEMO_SELECTION_LOGINS = {
  /** the interviews-and-selection browser test enrols this operator's two-factor secret */
  operator: "operator-selection@demo.jip.example",
  interviewer: "interviewer@demo.jip.example",
  /** invited, not booked yet (Vietnamese, Asia/Ho_Chi_Minh) */
  applicant: "sel01@demo.jip.example",
};

const APPLICANTS = [
  { n: "01", family: "Nguyen", given: "Lan", nationality: "VN", locale: "vi", zone: "Asia/Ho_Chi_Minh", document: 88, scores: null },
  { n: "02", family: "Tran", given: "Minh", nationality: "VN", locale: "vi", zone: "Asia/Ho_Chi_Minh", document: 92, scores: [5, 5, 4, 5] },
  { n: "03", family: "Pham", given: "Thu", nationality: "VN", locale: "en", zone: "Asia/Ho_Chi_Minh", document: 90, scores: [4, 4, 4, 4] },
  { n: "04", family: "Le", given: "Hoang", nationality: "VN", locale: "vi", zone: "Asia/Ho_Chi_Minh", document: 86, scores: [4, 5, 4, 4] },
  { n: "05", family: "Wijaya", given: "Sari", nationality: "ID", locale: "id", zone: "Asia/Jakarta", document: 75, scores: [3, 4, 3, 4] },
  { n: "06", family: "Srisuk", given: "Anong", nationality: "TH", locale: "th", zone: "Asia/Bangkok", document: 70, scores: [3, 3, 3, 3] },
  { n: "07", family: "Otieno", given: "Brian", nationality: "KE", locale: "en", zone: "Africa/Nairobi", document: 65, scores: [4, 3, 3, 3] },
] as const;

function staffActor(id: string, email: string, name: string): Actor {
  return { userId: id, email, name, role: "operator", locale: "ja", timeZone: null, twoFactorEnabled: true, recentlyAuthenticated: true, ip: null };
}

export async function seedDemoSelection(ctx: ServiceContext): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_SELECTION_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 選考デモ募集回",
      name_en: "FY2026 selection demo round",
      phase: "selection",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 3,
      selection_quotas: JSON.stringify([{ kind: "max", count: 2, attribute: "nationality", per: "each" }]),
      created_at: new Date("2026-04-01T00:00:00Z"),
      updated_at: new Date("2026-04-01T00:00:00Z"),
    })
    .execute();
  await db
    .insertInto("round_deadlines")
    .values([
      { round_id: DEMO_SELECTION_ROUND_ID, kind: "application_close", due_at: new Date("2026-10-31T14:59:59Z") },
      { round_id: DEMO_SELECTION_ROUND_ID, kind: "selection_announce", due_at: new Date("2027-03-31T03:00:00Z") },
    ])
    .execute();

  const op = await createVerifiedUser(ctx, {
    email: DEMO_SELECTION_LOGINS.operator,
    name: "小林 誠 (Operator)",
    password: PASSWORD,
    role: "operator",
    locale: "en",
  });
  const iv = await createVerifiedUser(ctx, {
    email: DEMO_SELECTION_LOGINS.interviewer,
    name: "面接官 木村",
    password: PASSWORD,
    role: "reviewer",
    locale: "ja",
  });
  const operator = staffActor(op.id, DEMO_SELECTION_LOGINS.operator, "小林 誠");

  const ids: string[] = [];
  for (const [i, a] of APPLICANTS.entries()) {
    const { id: userId } = await createVerifiedUser(ctx, {
      email: `sel${a.n}@demo.jip.example`,
      name: `${a.given} ${a.family}`,
      password: PASSWORD,
      role: "applicant",
      locale: a.locale,
    });
    await db.updateTable("user").set({ timeZone: a.zone }).where("id", "=", userId).execute();
    const id = `00000000-0000-4000-8000-0000000021${a.n}`;
    const submittedAt = new Date(Date.UTC(2026, 9, 1 + i, 3));
    await db
      .insertInto("applications")
      .values({
        id,
        round_id: DEMO_SELECTION_ROUND_ID,
        applicant_user_id: userId,
        status: "interview",
        current_step: "review",
        receipt_number: `JIP26-S${a.n}`,
        submitted_at: submittedAt,
        family_name: a.family,
        given_name: a.given,
        nationality: a.nationality,
        residence_country: a.nationality,
        contact_email: `sel${a.n}@demo.jip.example`,
      })
      .execute();
    await db
      .insertInto("application_status_history")
      .values([
        { application_id: id, from_status: "draft", to_status: "submitted", changed_at: submittedAt },
        { application_id: id, from_status: "submitted", to_status: "under_review", changed_at: new Date("2026-11-01T00:00:00Z") },
        { application_id: id, from_status: "under_review", to_status: "interview", reason: "screening_passed", changed_at: new Date("2026-11-20T00:00:00Z") },
      ])
      .execute();
    // the normalized document score screening (issue 13) leaves for the selection
    await db.insertInto("selection_document_scores").values({ application_id: id, round_id: DEMO_SELECTION_ROUND_ID, score: a.document }).execute();
    ids.push(id);
  }

  await createInterviewSlots(ctx, operator, DEMO_SELECTION_ROUND_ID, {
    stage: "first",
    date: "2026-12-01",
    from: "10:00",
    until: "15:00",
    lengthMinutes: "30",
    breakMinutes: "10",
    capacity: "1",
    interviewers: [iv.id],
    place: "",
    meetingUrl: "https://meet.example/jip-demo",
  });
  await inviteToInterview(ctx, operator, DEMO_SELECTION_ROUND_ID, "first");
  const slots = await db.selectFrom("interview_slots").selectAll().where("round_id", "=", DEMO_SELECTION_ROUND_ID).orderBy("starts_at").execute();
  // interviews held on 1 December 2026 (inserted as the booking and scoring use cases would leave them)
  for (const [i, a] of APPLICANTS.entries()) {
    if (!a.scores) continue;
    const slot = slots[i - 1]!; // sel01 has none; the others take the day's slots in order
    const interviewId = `00000000-0000-4000-8000-0000000022${a.n}`;
    await db
      .insertInto("interviews")
      .values({
        id: interviewId,
        application_id: ids[i]!,
        round_id: DEMO_SELECTION_ROUND_ID,
        stage: "first",
        slot_id: slot.id,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
        meeting_url: slot.meeting_url,
        status: "done",
        ics_sequence: 0,
        booked_at: new Date("2026-11-22T00:00:00Z"),
        comment: "Demo interview.",
        scored_by: iv.id,
        scored_at: slot.ends_at,
      })
      .execute();
    await db
      .insertInto("interview_scores")
      .values(INTERVIEW_CRITERIA.map((criterion, k) => ({ interview_id: interviewId, criterion, score: a.scores[k]! })))
      .execute();
  }
}
