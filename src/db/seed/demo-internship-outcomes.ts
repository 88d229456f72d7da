/**
 * Demo data for outcomes, incidents and check-ins (issue 16, ADR 0039): a
 * round of its own with one host company (いろは食品, a member who reads
 * English), an intern whose placement was completed and ended six months ago
 * today (Japan), so the outcome job asks the host for the 6-month outcome
 * as soon as the server runs, and an intern in placement now, with a
 * mid-term interview scheduled ahead. Its own operator for the browser test
 * (that test enrols the operator's two-factor secret). Dates follow the
 * seeding clock.
 */
import type { Kysely } from "kysely";
import { addMonths } from "../../domain/internship/outcomes.ts";
import { dayNumber, dayString } from "../../domain/internship/calendar.ts";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import { tokyoToday } from "../../services/internship/placement-access.ts";
import type { Database } from "../schema.ts";

export const DEMO_OUTCOMES_ROUND_ID = "00000000-0000-4000-8000-000000016039";
export const DEMO_OUTCOMES_LOGINS = {
  operator: "operator-outcomes@demo.jip.example",
  host: "staff@iroha-foods.demo.jip.example",
  completedIntern: "intern-outcomes-ke@demo.jip.example",
  activeIntern: "intern-outcomes-id@demo.jip.example",
};
export const DEMO_OUTCOMES_PLACEMENTS = {
  completed: "00000000-0000-4000-8000-0000000c3901",
  active: "00000000-0000-4000-8000-0000000c3902",
};

const ORG_ID = "00000000-0000-4000-8000-00000000a039";
const HOST_APPLICATION_ID = "00000000-0000-4000-8000-0000000c3900";

async function placement(
  db: Kysely<Database>,
  n: number,
  input: { id: string; userId: string; email: string; family: string; given: string; nationality: string; title: string; startsOn: string; endsOn: string },
  status: "completed" | "active",
  supervisorUserId: string,
): Promise<void> {
  const positionId = `00000000-0000-4000-8000-0000000c39${String(10 + n)}`;
  const applicationId = `00000000-0000-4000-8000-0000000c39${String(20 + n)}`;
  await db
    .insertInto("positions")
    .values({
      id: positionId,
      host_application_id: HOST_APPLICATION_ID,
      title: input.title,
      description: input.title,
      prefecture_code: "26",
      capacity: 1,
      mode: "in_person",
    })
    .execute();
  await db
    .insertInto("applications")
    .values({
      id: applicationId,
      round_id: DEMO_OUTCOMES_ROUND_ID,
      applicant_user_id: input.userId,
      status: status === "completed" ? "completed" : "placed",
      family_name: input.family,
      given_name: input.given,
      nationality: input.nationality,
      contact_email: input.email,
      submitted_at: new Date("2026-01-20T03:00:00Z"),
    })
    .execute();
  await db
    .insertInto("placements")
    .values({
      id: input.id,
      round_id: DEMO_OUTCOMES_ROUND_ID,
      application_id: applicationId,
      position_id: positionId,
      cohort: "A",
      mode: "in_person",
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      status,
      supervisor_user_id: supervisorUserId,
    })
    .execute();
}

export async function seedDemoInternshipOutcomes(ctx: ServiceContext, password: string): Promise<void> {
  const db = ctx.db;
  const today = tokyoToday(ctx.clock());
  const user = (email: string, name: string, role: "operator" | "host" | "applicant", locale: string) =>
    createVerifiedUser(ctx, { email, name, password, role, locale });
  const operator = await user(DEMO_OUTCOMES_LOGINS.operator, "石井 健 (Operator)", "operator", "en");
  const host = await user(DEMO_OUTCOMES_LOGINS.host, "Mika Ueda", "host", "en");
  const kenyan = await user(DEMO_OUTCOMES_LOGINS.completedIntern, "Wanjiru Kamau", "applicant", "en");
  const indonesian = await user(DEMO_OUTCOMES_LOGINS.activeIntern, "Siti Rahayu", "applicant", "id");

  await db
    .insertInto("rounds")
    .values({
      id: DEMO_OUTCOMES_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 国際化促進インターンシップ（成果の確認）",
      name_en: "FY2026 Japan Internship Program (outcomes)",
      phase: "internship",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 10,
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
      name_ja: "いろは食品株式会社",
      name_en: "Iroha Foods Co., Ltd.",
      prefecture_code: "26",
      jsic_division: "E",
      employees: 80,
      overseas_status: "planned",
      overseas_countries: ["KE", "ID"],
      work_languages: ["ja", "en"],
    })
    .execute();
  await db.insertInto("host_memberships").values({ organization_id: ORG_ID, user_id: host.id, org_role: "admin" }).execute();
  await db
    .insertInto("host_applications")
    .values({
      id: HOST_APPLICATION_ID,
      round_id: DEMO_OUTCOMES_ROUND_ID,
      organization_id: ORG_ID,
      status: "accepted",
      agrees_with_purpose: true,
      supervisor_name: "Mika Ueda",
      submitted_at: new Date("2026-01-10T03:00:00Z"),
    })
    .execute();

  // Ended six months ago today: its 6-month follow-up is due today.
  const endsOn = addMonths(today, -6);
  await placement(
    db,
    1,
    {
      id: DEMO_OUTCOMES_PLACEMENTS.completed,
      userId: kenyan.id,
      email: DEMO_OUTCOMES_LOGINS.completedIntern,
      family: "Kamau",
      given: "Wanjiru",
      nationality: "KE",
      title: "ケニア向け食品輸出の調査",
      startsOn: dayString(dayNumber(endsOn)! - 80),
      endsOn,
    },
    "completed",
    host.id,
  );
  await placement(
    db,
    2,
    {
      id: DEMO_OUTCOMES_PLACEMENTS.active,
      userId: indonesian.id,
      email: DEMO_OUTCOMES_LOGINS.activeIntern,
      family: "Rahayu",
      given: "Siti",
      nationality: "ID",
      title: "インドネシア向けハラール食品の企画",
      startsOn: dayString(dayNumber(today)! - 20),
      endsOn: dayString(dayNumber(today)! + 60),
    },
    "active",
    host.id,
  );
  await db
    .insertInto("check_ins")
    .values({
      id: "00000000-0000-4000-8000-0000000c3930",
      placement_id: DEMO_OUTCOMES_PLACEMENTS.active,
      kind: "mid_term_interview",
      held_at: tokyoLocalToInstant(`${dayString(dayNumber(today)! + 14)}T12:00`)!,
      recorded_by: operator.id,
      recorded_at: ctx.clock(),
    })
    .execute();
}
