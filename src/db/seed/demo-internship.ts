/**
 * A demo round in the internship period (issue 16): FY2026, rates ¥3,000 a
 * day in person, ¥1,000 online, ¥2,000 per intern-day to the host. One host
 * company (みなと商事) with a supervisor; a Thai intern in person (cohort A,
 * from 2026-10-05) and a Vietnamese intern online (cohort B, from
 * 2026-11-02). Matching (#15) is not in this seed yet, so its output — a
 * published run and offers accepted by both sides — is inserted as it would
 * leave them; everything after goes through the real use cases: placements
 * from the offers, October's attendance (weekdays present, 14 October absent,
 * weekends holidays), the online intern's first week with hours, and daily
 * reports with a supervisor's comment.
 */
import type { Kysely } from "kysely";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { Actor, ServiceContext } from "../../services/context.ts";
import { commentOnDailyReport } from "../../services/internship/comment-on-daily-report.ts";
import { createPlacementFromOffer } from "../../services/internship/create-placement-from-offer.ts";
import { recordAttendance } from "../../services/internship/record-attendance.ts";
import { submitDailyReport } from "../../services/internship/submit-daily-report.ts";
import { dayNumber, dayString } from "../../domain/internship/calendar.ts";
import type { UserRole } from "../../domain/roles.ts";
import type { Database } from "../schema.ts";

const PASSWORD = "demo-password-2026";

export const DEMO_INTERNSHIP_ROUND_ID = "00000000-0000-4000-8000-000000016026";

/** The internship browser test signs in as these (nobody else uses them). */
export const DEMO_INTERNSHIP_LOGINS = {
  operator: "operator-internship@demo.jip.example",
  supervisor: "supervisor@minato-trading.demo.jip.example",
  thaiIntern: "intern-th@demo.jip.example",
  onlineIntern: "intern-vn@demo.jip.example",
};

const ORG_ID = "00000000-0000-4000-8000-00000000a016";
const HOST_APPLICATION_ID = "00000000-0000-4000-8000-0000000c1601";

async function user(ctx: ServiceContext, email: string, name: string, role: UserRole, locale: string): Promise<Actor> {
  const { id } = await createVerifiedUser(ctx, { email, name, password: PASSWORD, role, locale });
  return { userId: id, email, name, role, locale, timeZone: null, twoFactorEnabled: true, recentlyAuthenticated: true, ip: null };
}

async function acceptedOffer(
  db: Kysely<Database>,
  runId: string,
  n: number,
  intern: Actor,
  person: { family: string; given: string; nationality: string },
  position: { title: string; mode: "in_person" | "online" },
): Promise<string> {
  const positionId = `00000000-0000-4000-8000-0000000c16${String(10 + n)}`;
  const applicationId = `00000000-0000-4000-8000-0000000c16${String(20 + n)}`;
  const offerId = `00000000-0000-4000-8000-0000000c16${String(30 + n)}`;
  await db
    .insertInto("positions")
    .values({
      id: positionId,
      host_application_id: HOST_APPLICATION_ID,
      title: position.title,
      description: position.title,
      prefecture_code: "14",
      capacity: 1,
      mode: position.mode,
    })
    .execute();
  await db
    .insertInto("applications")
    .values({
      id: applicationId,
      round_id: DEMO_INTERNSHIP_ROUND_ID,
      applicant_user_id: intern.userId,
      status: "matched",
      family_name: person.family,
      given_name: person.given,
      nationality: person.nationality,
      contact_email: intern.email,
      submitted_at: new Date("2026-05-20T03:00:00Z"),
    })
    .execute();
  await db
    .insertInto("application_status_history")
    .values({ application_id: applicationId, from_status: "selected", to_status: "matched", changed_at: new Date("2026-08-20T03:00:00Z") })
    .execute();
  await db
    .insertInto("offers")
    .values({
      id: offerId,
      run_id: runId,
      application_id: applicationId,
      position_id: positionId,
      status: "accepted",
      responded_at: new Date("2026-08-25T03:00:00Z"),
    })
    .execute();
  return offerId;
}

export async function seedDemoInternship(ctx: ServiceContext): Promise<void> {
  const db = ctx.db;
  const operator = await user(ctx, DEMO_INTERNSHIP_LOGINS.operator, "森 由紀 (Operator)", "operator", "en");
  const supervisor = await user(ctx, DEMO_INTERNSHIP_LOGINS.supervisor, "青木 誠", "host", "ja");
  const thai = await user(ctx, DEMO_INTERNSHIP_LOGINS.thaiIntern, "Somchai Srisuk", "applicant", "th");
  const vietnamese = await user(ctx, DEMO_INTERNSHIP_LOGINS.onlineIntern, "Nguyen Thi Lan", "applicant", "vi");

  await db
    .insertInto("rounds")
    .values({
      id: DEMO_INTERNSHIP_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 国際化促進インターンシップ（実施中）",
      name_en: "FY2026 Japan Internship Program (internship period)",
      phase: "internship",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 50,
      intern_daily_allowance_yen: 3000,
      online_daily_allowance_yen: 1000,
      host_daily_subsidy_yen: 2000,
      selection_results_final: true,
      matching_published: true,
    })
    .execute();
  await db
    .insertInto("host_organizations")
    .values({
      id: ORG_ID,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: "みなと商事株式会社",
      name_en: "Minato Trading Co., Ltd.",
      prefecture_code: "14",
      jsic_division: "I",
      employees: 45,
      overseas_status: "ongoing",
      overseas_countries: ["TH", "VN"],
      work_languages: ["ja", "en"],
    })
    .execute();
  await db.insertInto("host_memberships").values({ organization_id: ORG_ID, user_id: supervisor.userId, org_role: "admin" }).execute();
  await db
    .insertInto("host_applications")
    .values({
      id: HOST_APPLICATION_ID,
      round_id: DEMO_INTERNSHIP_ROUND_ID,
      organization_id: ORG_ID,
      status: "accepted",
      agrees_with_purpose: true,
      supervisor_name: supervisor.name,
      submitted_at: new Date("2026-05-10T03:00:00Z"),
    })
    .execute();
  const runId = "00000000-0000-4000-8000-0000000c1600";
  await db
    .insertInto("matching_runs")
    .values({
      id: runId,
      round_id: DEMO_INTERNSHIP_ROUND_ID,
      proposing: "applicants",
      input_hash: "demo",
      status: "published",
      published_at: new Date("2026-08-20T03:00:00Z"),
    })
    .execute();
  const thaiOffer = await acceptedOffer(
    db,
    runId,
    1,
    thai,
    { family: "Srisuk", given: "Somchai", nationality: "TH" },
    { title: "タイ向け輸出の市場調査", mode: "in_person" },
  );
  const onlineOffer = await acceptedOffer(
    db,
    runId,
    2,
    vietnamese,
    { family: "Nguyen", given: "Thi Lan", nationality: "VN" },
    { title: "ベトナム語ウェブサイトの制作", mode: "online" },
  );

  const { id: thaiPlacement } = await createPlacementFromOffer(ctx, operator, {
    offerId: thaiOffer,
    cohort: "A",
    startsOn: "2026-10-05",
    endsOn: "2026-12-25",
  });
  const { id: onlinePlacement } = await createPlacementFromOffer(ctx, operator, {
    offerId: onlineOffer,
    cohort: "B",
    startsOn: "2026-11-02",
    endsOn: "2027-01-29",
    supervisorUserId: supervisor.userId,
  });

  // October, in person: weekdays present (14 October absent), weekends holidays.
  for (let d = dayNumber("2026-10-05")!; d <= dayNumber("2026-10-31")!; d++) {
    const day = dayString(d);
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    await recordAttendance(ctx, supervisor, { placementId: thaiPlacement, day, status: day === "2026-10-14" ? "absent" : weekend ? "holiday" : "present" });
  }
  // The online intern's first week: four hours a day.
  for (const day of ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]) {
    await recordAttendance(ctx, supervisor, { placementId: onlinePlacement, day, status: "present", hours: "4" });
  }
  await submitDailyReport(ctx, thai, {
    day: "2026-10-05",
    did: "ได้รับการแนะนำบริษัทและทีมงาน ศึกษาสินค้าส่งออกหลักของบริษัท",
    learned: "ขั้นตอนการส่งออกสินค้าไปประเทศไทย",
  });
  await commentOnDailyReport(ctx, supervisor, { placementId: thaiPlacement, day: "2026-10-05", comment: "初日お疲れさまでした。", confirm: "yes" });
  await submitDailyReport(ctx, thai, { day: "2026-10-06", did: "วิเคราะห์คู่แข่งในตลาดกรุงเทพฯ 10 ราย", issues: "ต้องการข้อมูลราคาเพิ่มเติม" });
  await submitDailyReport(ctx, vietnamese, { day: "2026-11-02", did: "Họp trực tuyến với nhóm, tìm hiểu trang web hiện tại." });
}
