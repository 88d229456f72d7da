/**
 * The office-shortlist demo (issue 15, ADR 0037): a round of its own in the matching phase whose
 * matching mode is `office_shortlist`, with its own operator, one host company (Sendai Robotics,
 * two positions) and three selected applicants (Vietnamese, English-speaking Filipino, Thai). No
 * shortlist and no rank list yet: the operator records the shortlist from the suggestion, the host
 * sees only its shortlisted candidates and offers an interview time, an applicant books it, and
 * both rank within the shortlist (e2e/matching-shortlist.spec.ts). Deterministic.
 */
import type { Kysely } from "kysely";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import type { Database } from "../schema.ts";

export const DEMO_SHORTLIST_ROUND_ID = "00000000-0000-4000-8000-000000372026";

export const DEMO_SHORTLIST_LOGINS = {
  operator: "operator-shortlist@demo.jip.example",
  host: "matching@sendai-robotics.demo.jip.example",
  applicants: ["shortlist-vi@demo.jip.example", "shortlist-en@demo.jip.example", "shortlist-th@demo.jip.example"],
};

const ORG_ID = "00000000-0000-4000-8000-0000000f3701";
const HOST_APPLICATION_ID = "00000000-0000-4000-8000-0000000e3701";

/** The two positions: P1 is the one the e2e shortlists; P2 stays without a shortlist. */
export const DEMO_SHORTLIST_POSITIONS = {
  P1: "00000000-0000-4000-8000-0000001d3701",
  P2: "00000000-0000-4000-8000-0000001d3702",
};

/** Application ids of the three applicants, in the order of DEMO_SHORTLIST_LOGINS.applicants. */
export const DEMO_SHORTLIST_APPLICATIONS = [1, 2, 3].map((n) => `00000000-0000-4000-8000-0000001c370${n}`);

const APPLICANTS = [
  { name: "Pham Minh Anh", locale: "vi", nationality: "VN", jlpt: "N2" },
  { name: "Jose Reyes", locale: "en", nationality: "PH", jlpt: "N3" },
  { name: "Niran Chaiyaporn", locale: "th", nationality: "TH", jlpt: "N4" },
] as const;

export async function seedDemoMatchingShortlist(ctx: ServiceContext, password: string): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_SHORTLIST_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 国際化促進インターンシップ事業（事務局ショートリスト）",
      name_en: "Japan Internship Program FY2026 (office shortlists)",
      phase: "matching",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 2,
      selection_results_final: true,
      matching_mode: "office_shortlist",
    })
    .execute();
  await db
    .insertInto("round_deadlines")
    .values({ round_id: DEMO_SHORTLIST_ROUND_ID, kind: "matching_close", due_at: tokyoLocalToInstant("2027-12-31T23:59")! })
    .execute();
  await createVerifiedUser(ctx, { email: DEMO_SHORTLIST_LOGINS.operator, name: "小林 恵 (Operator)", password, role: "operator", locale: "en" });
  await db
    .insertInto("host_organizations")
    .values({
      id: ORG_ID,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: "仙台ロボティクス株式会社",
      name_en: "Sendai Robotics Co., Ltd.",
      prefecture_code: "04",
      jsic_division: "E",
      employees: 60,
      overseas_status: "ongoing",
      overseas_countries: ["VN", "PH"],
      work_languages: ["ja", "en"],
    })
    .execute();
  const host = await createVerifiedUser(ctx, { email: DEMO_SHORTLIST_LOGINS.host, name: "仙台ロボティクス 担当", password, role: "host", locale: "ja" });
  await db.insertInto("host_memberships").values({ organization_id: ORG_ID, user_id: host.id, org_role: "admin" }).execute();
  await db
    .insertInto("host_applications")
    .values({
      id: HOST_APPLICATION_ID,
      round_id: DEMO_SHORTLIST_ROUND_ID,
      organization_id: ORG_ID,
      status: "accepted",
      agrees_with_purpose: true,
      submitted_at: new Date("2026-05-10T01:00:00Z"),
      decided_at: new Date("2026-06-10T01:00:00Z"),
    })
    .execute();
  await db
    .insertInto("positions")
    .values([
      {
        id: DEMO_SHORTLIST_POSITIONS.P1,
        host_application_id: HOST_APPLICATION_ID,
        title: "ロボット組立エンジニア / Robot assembly engineer",
        description: "産業用ロボットの組立と品質検査。Assembling and testing industrial robots.",
        prefecture_code: "04",
        capacity: 1,
        fields: ["engineering"],
        required_jlpt_level: "N3",
      },
      {
        id: DEMO_SHORTLIST_POSITIONS.P2,
        host_application_id: HOST_APPLICATION_ID,
        title: "海外販売サポート / Overseas sales support",
        description: "東南アジアの代理店との連絡。Working with distributors in Southeast Asia.",
        prefecture_code: "04",
        capacity: 1,
        fields: ["sales"],
      },
    ])
    .execute();
  for (const [i, a] of APPLICANTS.entries()) {
    const id = DEMO_SHORTLIST_APPLICATIONS[i]!;
    const email = DEMO_SHORTLIST_LOGINS.applicants[i]!;
    const { id: userId } = await createVerifiedUser(ctx, { email, name: a.name, password, role: "applicant", locale: a.locale });
    const [family, ...given] = a.name.split(" ");
    await db
      .insertInto("applications")
      .values({
        id,
        round_id: DEMO_SHORTLIST_ROUND_ID,
        applicant_user_id: userId,
        status: "selected",
        receipt_number: `JIP-2026-S${String(i + 1).padStart(4, "0")}`,
        submitted_at: new Date("2026-05-20T03:00:00Z"),
        family_name: family!,
        given_name: given.join(" "),
        date_of_birth: "1999-04-01",
        nationality: a.nationality,
        contact_email: email,
        motivation_learn: "Robotics and quality control in Japanese manufacturing.",
        preferred_fields: ["engineering"],
        preferred_regions: ["tohoku", "kanto"],
        english_self_level: "business",
      })
      .execute();
    await db
      .insertInto("application_education")
      .values({
        id: id.replace("0000001c", "0000002c"),
        application_id: id,
        university: "National University",
        degree: "bachelor",
        field: "Mechanical engineering",
        graduation_year: 2024,
      })
      .execute();
    await db
      .insertInto("application_languages")
      .values({ id: id.replace("0000001c", "0000003c"), application_id: id, kind: "jlpt", jlpt_level: a.jlpt })
      .execute();
    await db
      .insertInto("application_status_history")
      .values({
        application_id: id,
        from_status: "interview",
        to_status: "selected",
        reason: "demo: selection committee",
        changed_at: new Date("2026-06-20T03:00:00Z"),
      })
      .execute();
  }
}
