/**
 * The demo data set: deterministic (the same people, organizations, round and
 * states on every machine), loaded once by `jip seed --demo` / `npm start`.
 * One round in recruitment, an operator, a reviewer, a ministry viewer, two
 * host organizations with members, and 20 applicants in various states.
 */
import { type Kysely, sql } from "kysely";
import type { UserRole } from "../../domain/roles.ts";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { writeAudit } from "../../services/audit/write-audit.ts";
import { refreshEligibility } from "../../services/applications/application-record.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import type { Database } from "../schema.ts";
import { DEMO_CASE_LOGINS, seedDemoCases } from "./demo-cases.ts";
import { DEMO_REPORT_LOGINS, seedDemoReport } from "./demo-report.ts";
import { DEMO_MATCHING_LOGINS, seedDemoMatching } from "./demo-matching.ts";
import { seedDemoMatchingOffers } from "./demo-matching-offers.ts";
import { DEMO_SCREENING_LOGINS, seedDemoScreening } from "./demo-screening.ts";
import { DEMO_SELECTION_LOGINS, seedDemoSelection } from "./demo-selection.ts";
import { DEMO_SELECTION_OFFERS_LOGINS, seedDemoSelectionOffers } from "./demo-selection-offers.ts";
import { DEMO_RULES_OPERATOR, seedDemoRoundRules } from "./demo-round-rules.ts";
import { DEMO_DAC_OPERATOR, seedDemoDacLists } from "./demo-dac-lists.ts";
import { DEMO_LABELS_OPERATOR, seedDemoLabels } from "./demo-labels.ts";
import { seedDemoHostHistory } from "./demo-host-history.ts";
import { seedDemoDataRights } from "./demo-data-rights.ts";
import { DEMO_INTERNSHIP_LOGINS, seedDemoInternship } from "./demo-internship.ts";
import { DEMO_ORG_VERIFY_LOGINS, seedDemoOrgVerify } from "./demo-org-verify.ts";
import { seedDemoScreeningOps } from "./demo-screening-ops.ts";
import { seedDemoInternshipPeriod } from "./demo-internship-period.ts";
import { seedDemoHostTraining } from "./demo-host-training.ts";
import { DEMO_SHORTLIST_LOGINS, seedDemoMatchingShortlist } from "./demo-matching-shortlist.ts";
import { seedDemoInternshipOutcomes } from "./demo-internship-outcomes.ts";

const PASSWORD = "demo-password-2026";

export const DEMO_ROUND_ID = "00000000-0000-4000-8000-000000002027";

export const DEMO_LOGINS = {
  password: PASSWORD,
  accounts: [
    { role: "operator", email: "operator@demo.jip.example" },
    { role: "reviewer", email: "reviewer@demo.jip.example" },
    { role: "ministry viewer", email: "ministry@demo.jip.example" },
    { role: "operator", email: "operator2@demo.jip.example" },
    { role: "host admin", email: "admin@sakura-seiki.demo.jip.example" },
    { role: "host member", email: "staff@sakura-seiki.demo.jip.example" },
    { role: "host admin", email: "admin@hakata-foods.demo.jip.example" },
    { role: "applicant", email: "applicant01@demo.jip.example" },
    { role: "host (case studies)", email: DEMO_CASE_LOGINS.host },
    { role: "operator (yearly report)", email: DEMO_REPORT_LOGINS.operator },
    { role: "operator (past years' imports)", email: DEMO_REPORT_LOGINS.importer },
    { role: "operator (matching round)", email: DEMO_MATCHING_LOGINS.operator },
    { role: "host (matching round)", email: DEMO_MATCHING_LOGINS.host },
    { role: "applicant (matching round, Vietnamese)", email: DEMO_MATCHING_LOGINS.applicant },
    { role: "operator (office-shortlist matching round)", email: DEMO_SHORTLIST_LOGINS.operator },
    { role: "host (office-shortlist matching round)", email: DEMO_SHORTLIST_LOGINS.host },
    { role: "reviewer (screening)", email: DEMO_SCREENING_LOGINS.reviewers[0]! },
    { role: "applicant (interview booking, selection demo round)", email: DEMO_SELECTION_LOGINS.applicant },
    { role: "applicant (open waiting-list offer, Thai)", email: DEMO_SELECTION_OFFERS_LOGINS.applicant },
    { role: "operator (round editing)", email: DEMO_RULES_OPERATOR },
    { role: "operator (DAC list versions)", email: DEMO_DAC_OPERATOR },
    { role: "operator (labels and pending work)", email: DEMO_LABELS_OPERATOR },
    { role: "host supervisor (internship period)", email: DEMO_INTERNSHIP_LOGINS.supervisor },
    { role: "intern (internship period, Thai)", email: DEMO_INTERNSHIP_LOGINS.thaiIntern },
    { role: "host (organization waiting for verification)", email: DEMO_ORG_VERIFY_LOGINS.pendingHost },
  ],
};

const STAFF: { email: string; name: string; role: UserRole; locale: string }[] = [
  { email: "operator@demo.jip.example", name: "山田 花子 (Operator)", role: "operator", locale: "ja" },
  { email: "reviewer@demo.jip.example", name: "Reviewer Tanaka", role: "reviewer", locale: "en" },
  { email: "ministry@demo.jip.example", name: "経済産業省 閲覧者", role: "ministry", locale: "ja" },
  // A second operator, so browser tests of different journeys each enrol their own two-factor secret.
  { email: "operator2@demo.jip.example", name: "伊藤 亮 (Operator)", role: "operator", locale: "en" },
  // The information-sessions browser test enrols this operator's two-factor secret.
  { email: "operator-sessions@demo.jip.example", name: "佐藤 健 (Operator)", role: "operator", locale: "en" },
  // The messages-to-groups browser test enrols this operator's two-factor secret.
  { email: "operator-messages@demo.jip.example", name: "高橋 恵 (Operator)", role: "operator", locale: "en" },
  // The failed-e-mail browser test enrols this operator's two-factor secret.
  { email: "operator-emails@demo.jip.example", name: "中村 翔 (Operator)", role: "operator", locale: "en" },
];

const HOSTS = [
  {
    id: "00000000-0000-4000-8000-00000000a001",
    corporate_number: "7000012050002",
    legal_form: "株式会社",
    kind: "sme",
    name_ja: "さくら精機株式会社",
    name_en: "Sakura Seiki Co., Ltd.",
    prefecture_code: "20",
    jsic_division: "E",
    employees: 85,
    capital_yen: 30_000_000,
    overseas_status: "planned",
    overseas_countries: ["VN", "TH"],
    work_languages: ["ja", "en"],
    members: [
      { email: "admin@sakura-seiki.demo.jip.example", name: "佐藤 健", org_role: "admin" },
      { email: "staff@sakura-seiki.demo.jip.example", name: "鈴木 美咲", org_role: "member" },
    ],
  },
  {
    id: "00000000-0000-4000-8000-00000000a002",
    corporate_number: null,
    legal_form: "合同会社",
    kind: "sme",
    name_ja: "博多フーズ合同会社",
    name_en: "Hakata Foods LLC",
    prefecture_code: "40",
    jsic_division: "I",
    employees: 12,
    capital_yen: 5_000_000,
    overseas_status: "ongoing",
    overseas_countries: ["ID"],
    work_languages: ["ja"],
    members: [{ email: "admin@hakata-foods.demo.jip.example", name: "高橋 誠", org_role: "admin" }],
  },
] as const;

/** 20 applicants: name, nationality, date of birth, status. */
const APPLICANTS: [string, string, string, string, string][] = [
  ["Nguyễn", "Thị Lan", "VN", "1999-04-12", "submitted"],
  ["Trần", "Văn Minh", "VN", "1997-11-30", "submitted"],
  ["Lê", "Hoàng Anh", "VN", "2001-02-14", "draft"],
  ["Phạm", "Thu Trang", "VN", "1995-07-08", "submitted"],
  ["Putri", "Ayu Lestari", "ID", "1998-09-21", "submitted"],
  ["Santoso", "Budi", "ID", "1996-01-05", "draft"],
  ["Wijaya", "Dewi", "ID", "2000-12-19", "withdrawn"],
  ["สมชาย", "ใจดี", "TH", "1994-03-03", "submitted"],
  ["Srisuk", "Nattaya", "TH", "1999-06-27", "draft"],
  ["王", "芳", "CN", "1998-10-10", "submitted"],
  ["李", "伟", "CN", "1993-05-16", "draft"],
  ["Santos", "Maria Clara", "PH", "1997-08-01", "submitted"],
  ["Sharma", "Priya", "IN", "1996-04-22", "submitted"],
  ["Aung", "Kyaw Zin", "MM", "2000-01-31", "draft"],
  ["Rahman", "Nusrat", "BD", "1995-12-12", "submitted"],
  ["Perera", "Kasun", "LK", "1998-02-28", "draft"],
  ["Shrestha", "Sujan", "NP", "1992-09-09", "submitted"],
  ["Tashkentova", "Dilnoza", "UZ", "1999-11-11", "draft"],
  ["Okafor", "Chinedu", "NG", "1997-03-17", "withdrawn"],
  ["Mwangi", "Grace", "KE", "2000-07-04", "submitted"],
];

const deadline = (local: string) => tokyoLocalToInstant(local)!;

export async function isDemoSeeded(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom("rounds").select("id").where("id", "=", DEMO_ROUND_ID).executeTakeFirst());
}

export async function seedDemo(ctx: ServiceContext): Promise<void> {
  const db = ctx.db;
  const userIds = new Map<string, string>();
  for (const s of STAFF) {
    const { id } = await createVerifiedUser(ctx, { ...s, password: PASSWORD });
    userIds.set(s.email, id);
    if (s.role === "reviewer")
      await db
        .insertInto("reviewers")
        .values({ user_id: id, expertise: ["engineering", "manufacturing"] })
        .execute();
  }
  for (const h of HOSTS) {
    const { members, ...org } = h;
    await db
      .insertInto("host_organizations")
      .values({ ...org, overseas_countries: [...org.overseas_countries], work_languages: [...org.work_languages] })
      .execute();
    for (const m of members) {
      const { id } = await createVerifiedUser(ctx, { email: m.email, name: m.name, password: PASSWORD, role: "host", locale: "ja" });
      await db.insertInto("host_memberships").values({ organization_id: h.id, user_id: id, org_role: m.org_role }).execute();
    }
  }
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_ROUND_ID,
      fiscal_year: 2027,
      name_ja: "2027年度 国際化促進インターンシップ事業",
      name_en: "Japan Internship Program FY2027",
      phase: "recruitment",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      excluded_countries: ["CN"],
      age_min: 18,
      age_max: 40,
      min_jlpt_level: "N3",
      accepted_english_tests: JSON.stringify([
        { test: "toeic_lr", min: 600 },
        { test: "ielts", min: 5.5 },
        { test: "toefl_ibt", min: 64 },
      ]),
      residence_in_japan_allowed: false,
      prior_participants_allowed: false,
      intern_capacity: 200,
      intern_daily_allowance_yen: 3000,
      online_daily_allowance_yen: 1000,
      host_daily_subsidy_yen: 2000,
      created_by: userIds.get("operator@demo.jip.example")!,
    })
    .execute();
  await db
    .insertInto("round_deadlines")
    .values([
      { round_id: DEMO_ROUND_ID, kind: "information_sessions_end", due_at: deadline("2027-04-30T23:59") },
      { round_id: DEMO_ROUND_ID, kind: "application_close", due_at: deadline("2027-05-31T23:59") },
      { round_id: DEMO_ROUND_ID, kind: "host_application_close", due_at: deadline("2027-05-31T23:59") },
      { round_id: DEMO_ROUND_ID, kind: "screening_end", due_at: deadline("2027-07-15T17:00") },
      { round_id: DEMO_ROUND_ID, kind: "selection_announce", due_at: deadline("2027-08-31T17:00") },
      { round_id: DEMO_ROUND_ID, kind: "internship_start", due_at: deadline("2027-10-01T09:00") },
      { round_id: DEMO_ROUND_ID, kind: "internship_end", due_at: deadline("2027-12-24T17:00") },
      { round_id: DEMO_ROUND_ID, kind: "reporting_close", due_at: deadline("2028-02-28T17:00") },
    ])
    .execute();
  let n = 0;
  for (const [family, given, nationality, dob, status] of APPLICANTS) {
    n += 1;
    const num = String(n).padStart(2, "0");
    const email = `applicant${num}@demo.jip.example`;
    const { id: userId } = await createVerifiedUser(ctx, {
      email,
      name: `${given} ${family}`,
      password: PASSWORD,
      role: "applicant",
      locale: nationality === "VN" ? "vi" : nationality === "ID" ? "id" : nationality === "TH" ? "th" : nationality === "CN" ? "zh" : "en",
    });
    const submitted = status !== "draft";
    const submittedAt = submitted ? deadline(`2027-05-${String(n).padStart(2, "0")}T12:00`) : null;
    const appId = `00000000-0000-4000-8000-0000000b00${num}`;
    await db
      .insertInto("applications")
      .values({
        id: appId,
        round_id: DEMO_ROUND_ID,
        applicant_user_id: userId,
        status,
        current_step: submitted ? "review" : "education",
        // From the same sequence as real submissions, so numbers never collide.
        receipt_number: submitted ? `JIP27-${(await sql<{ n: string }>`select nextval('application_receipt_seq')::text as n`.execute(db)).rows[0]!.n}` : null,
        submitted_at: submittedAt,
        family_name: family,
        given_name: given,
        date_of_birth: dob,
        nationality,
        residence_country: nationality,
        contact_email: email,
        motivation_learn: submitted ? "Japanese manufacturing quality management and kaizen." : null,
        withdrawn_reason: status === "withdrawn" ? "Accepted a job offer at home." : null,
      })
      .execute();
    if (submitted) {
      await db
        .insertInto("application_languages")
        .values({ id: crypto.randomUUID(), application_id: appId, kind: "english_test", english_test: "toeic_lr", score: 600 + n * 10 })
        .execute();
      await db
        .insertInto("application_consents")
        .values([
          { application_id: appId, kind: "program_purpose", policy_version: "2027-1", given_at: submittedAt! },
          { application_id: appId, kind: "privacy_appi", policy_version: "2027-1", given_at: submittedAt! },
        ])
        .execute();
    }
  }
  for (let i = 1; i <= APPLICANTS.length; i++) await refreshEligibility(db, `00000000-0000-4000-8000-0000000b00${String(i).padStart(2, "0")}`);
  await seedDemoHostApplication(db);
  await seedDemoHostHistory(db);
  await seedDemoCases(ctx, DEMO_ROUND_ID);
  await seedDemoReport(ctx);
  await seedDemoMatching(ctx);
  await seedDemoMatchingOffers(ctx);
  await seedDemoScreening(ctx);
  await seedDemoSelection(ctx);
  await seedDemoSelectionOffers(ctx);
  await seedDemoRoundRules(ctx, PASSWORD);
  await seedDemoDacLists(ctx, PASSWORD);
  await seedDemoLabels(ctx, PASSWORD);
  await seedDemoInternship(ctx);
  await seedDemoInternshipPeriod(ctx, PASSWORD);
  await seedDemoHostTraining(ctx, PASSWORD);
  await seedDemoInternshipOutcomes(ctx, PASSWORD);
  await seedDemoOrgVerify(ctx, PASSWORD);
  await seedDemoScreeningOps(ctx, PASSWORD);
  await seedDemoDataRights(ctx, PASSWORD, DEMO_ROUND_ID);
  await seedDemoMatchingShortlist(ctx, PASSWORD);
  await writeAudit(db, null, {
    action: "seed.demo",
    entityType: "round",
    entityId: DEMO_ROUND_ID,
    after: { applicants: APPLICANTS.length, hosts: HOSTS.length },
  });
}

/** Sakura Seiki's submitted host application for the demo round, with two positions. */
async function seedDemoHostApplication(db: Kysely<Database>): Promise<void> {
  const id = "00000000-0000-4000-8000-00000000c001";
  const seq = await sql<{ n: string }>`select nextval('host_application_receipt_seq')::text as n`.execute(db);
  await db
    .insertInto("host_applications")
    .values({
      id,
      round_id: DEMO_ROUND_ID,
      organization_id: HOSTS[0].id,
      status: "submitted",
      receipt_number: `JIPH27-${seq.rows[0]!.n}`,
      agrees_with_purpose: true,
      goals: ["overseas_expansion", "cross_cultural"],
      goals_description: "ベトナム・タイへの販路開拓に向け、現地市場の知見を持つインターン生と共に市場調査を行う。",
      supervisor_name: "佐藤 健（海外事業部長）",
      work_guidance: "毎朝の打合せと週1回の面談で業務を指導する。",
      housing_support: "会社借り上げのアパートを用意する（家賃は会社負担）。",
      commuting_support: "自転車を貸与し、通勤経路を事前に案内する。",
      insurance_support: "事業の保険に加え、労災の範囲を説明する。",
      arrival_support: "松本駅まで出迎え、住民登録に同行する。",
      submitted_at: deadline("2027-05-10T10:00"),
    })
    .execute();
  await db
    .insertInto("positions")
    .values([
      {
        id: "00000000-0000-4000-8000-00000000c101",
        host_application_id: id,
        title: "海外営業アシスタント",
        description: "ベトナム向け精密部品の市場調査と商談資料の作成。",
        department: "海外事業部",
        prefecture_code: "20",
        capacity: 1,
        period_start: "2027-10-01",
        period_end: "2027-12-24",
        required_jlpt_level: "N3",
        english_required: false,
        fields: ["marketing", "international business"],
      },
      {
        id: "00000000-0000-4000-8000-00000000c102",
        host_application_id: id,
        title: "Production engineering intern",
        description: "Kaizen projects on the precision machining line.",
        department: "製造部",
        prefecture_code: "20",
        capacity: 2,
        period_start: "2027-10-01",
        period_end: "2027-12-24",
        required_jlpt_level: null,
        english_required: true,
        fields: ["mechanical engineering"],
      },
    ])
    .execute();
}
