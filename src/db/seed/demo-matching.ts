/**
 * The matching demo (issue 15): a round of its own in the matching phase, as selection (#14)
 * would leave it — 8 selected applicants with accounts in their own languages, 3 accepted host
 * companies in three regions with 4 positions (5 places) — and the rank order lists both sides
 * have already submitted, except the Vietnamese applicant's (the browser test submits it, and the
 * host Tokyo Trading's list for its sales position, which it ranks in Japanese). Deterministic.
 * No run yet: the operator runs the matching (operator-matching@demo.jip.example).
 */
import type { Kysely } from "kysely";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import type { Database } from "../schema.ts";

const PASSWORD = "demo-password-2026";

export const DEMO_MATCHING_ROUND_ID = "00000000-0000-4000-8000-000000152026";

export const DEMO_MATCHING_LOGINS = {
  operator: "operator-matching@demo.jip.example",
  applicant: "matching-vi@demo.jip.example",
  host: "matching@tokyo-trading.demo.jip.example",
};

const ORGS = [
  {
    id: "00000000-0000-4000-8000-0000000f1501",
    name_ja: "東京トレーディング株式会社",
    name_en: "Tokyo Trading Co., Ltd.",
    prefecture: "13",
    jsic: "I",
    email: DEMO_MATCHING_LOGINS.host,
  },
  {
    id: "00000000-0000-4000-8000-0000000f1502",
    name_ja: "名古屋精密工業株式会社",
    name_en: "Nagoya Precision Co., Ltd.",
    prefecture: "23",
    jsic: "E",
    email: "matching@nagoya-precision.demo.jip.example",
  },
  {
    id: "00000000-0000-4000-8000-0000000f1503",
    name_ja: "大阪フードサービス株式会社",
    name_en: "Osaka Food Service Co., Ltd.",
    prefecture: "27",
    jsic: "M",
    email: "matching@osaka-food.demo.jip.example",
  },
];

const POSITIONS = [
  {
    key: "P1",
    org: 0,
    title: "海外営業アシスタント / Overseas sales assistant",
    prefecture: "13",
    capacity: 1,
    description: "東南アジア市場の調査と商談資料の作成。Market research for Southeast Asia and sales materials.",
  },
  {
    key: "P2",
    org: 0,
    title: "EC運営サポート / E-commerce support",
    prefecture: "13",
    capacity: 1,
    description: "英語版ECサイトの運営。Running the English online shop.",
  },
  {
    key: "P3",
    org: 1,
    title: "生産技術エンジニア / Production engineer",
    prefecture: "23",
    capacity: 2,
    description: "品質管理と工程改善。Quality control and process improvement.",
  },
  {
    key: "P4",
    org: 2,
    title: "新メニュー開発 / Menu development",
    prefecture: "27",
    capacity: 1,
    description: "海外向け新商品の企画。New products for overseas customers.",
  },
] as const;

const APPLICANTS = [
  { n: 1, email: DEMO_MATCHING_LOGINS.applicant, name: "Tran Thi Mai", locale: "vi", nationality: "VN", ranks: null },
  { n: 2, email: "matching-id@demo.jip.example", name: "Siti Rahma", locale: "id", nationality: "ID", ranks: ["P1", "P3"] },
  { n: 3, email: "matching-th@demo.jip.example", name: "Somchai Prasert", locale: "th", nationality: "TH", ranks: ["P1", "P2", "P4"] },
  { n: 4, email: "matching-en@demo.jip.example", name: "Maria Santos", locale: "en", nationality: "PH", ranks: ["P2", "P1"] },
  { n: 5, email: "matching-zh@demo.jip.example", name: "Chen Wei", locale: "zh", nationality: "MN", ranks: ["P3", "P4"] },
  { n: 6, email: "matching-vi2@demo.jip.example", name: "Nguyen Van Nam", locale: "vi", nationality: "VN", ranks: ["P3", "P1"] },
  { n: 7, email: "matching-id2@demo.jip.example", name: "Budi Santoso", locale: "id", nationality: "ID", ranks: ["P4", "P3"] },
  { n: 8, email: "matching-en2@demo.jip.example", name: "Aung Min", locale: "en", nationality: "MM", ranks: ["P2", "P4"] },
] as const;

/** Each position's submitted list, by applicant number; P1 (Tokyo Trading's sales position) is left for the host to rank. */
const POSITION_RANKS: Record<string, number[] | null> = { P1: null, P2: [4, 3, 8], P3: [6, 2, 5, 7], P4: [7, 3, 5, 8] };

const appId = (n: number) => `00000000-0000-4000-8000-0000001c15${String(n).padStart(2, "0")}`;
const posId = (key: string) => `00000000-0000-4000-8000-0000001d150${key.slice(1)}`;

export async function seedDemoMatching(ctx: ServiceContext): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  await db
    .insertInto("rounds")
    .values({
      id: DEMO_MATCHING_ROUND_ID,
      fiscal_year: 2026,
      name_ja: "2026年度 国際化促進インターンシップ事業（マッチング）",
      name_en: "Japan Internship Program FY2026 (matching)",
      phase: "matching",
      eligibility_reference_date: "2026-04-01",
      dac_list_version: "2024-2025",
      intern_capacity: 5,
      selection_results_final: true,
    })
    .execute();
  await db
    .insertInto("round_deadlines")
    .values({ round_id: DEMO_MATCHING_ROUND_ID, kind: "matching_close", due_at: tokyoLocalToInstant("2027-12-31T23:59")! })
    .execute();
  await createVerifiedUser(ctx, { email: DEMO_MATCHING_LOGINS.operator, name: "森 大輔 (Operator)", password: PASSWORD, role: "operator", locale: "en" });
  for (const o of ORGS) {
    await db
      .insertInto("host_organizations")
      .values({
        id: o.id,
        legal_form: "株式会社",
        kind: "sme",
        name_ja: o.name_ja,
        name_en: o.name_en,
        prefecture_code: o.prefecture,
        jsic_division: o.jsic,
        employees: 40,
        overseas_status: "ongoing",
        overseas_countries: ["VN", "TH"],
        work_languages: ["ja", "en"],
      })
      .execute();
    const { id } = await createVerifiedUser(ctx, { email: o.email, name: `${o.name_ja} 担当`, password: PASSWORD, role: "host", locale: "ja" });
    await db.insertInto("host_memberships").values({ organization_id: o.id, user_id: id, org_role: "admin" }).execute();
    await db
      .insertInto("host_applications")
      .values({
        id: o.id.replace("0000000f", "0000000e"),
        round_id: DEMO_MATCHING_ROUND_ID,
        organization_id: o.id,
        status: "accepted",
        agrees_with_purpose: true,
        submitted_at: new Date("2026-05-10T01:00:00Z"),
        decided_at: new Date("2026-06-10T01:00:00Z"),
      })
      .execute();
  }
  for (const p of POSITIONS) {
    await db
      .insertInto("positions")
      .values({
        id: posId(p.key),
        host_application_id: ORGS[p.org]!.id.replace("0000000f", "0000000e"),
        title: p.title,
        description: p.description,
        prefecture_code: p.prefecture,
        capacity: p.capacity,
        fields: ["sales"],
      })
      .execute();
  }
  const submittedAt = new Date("2026-07-01T03:00:00Z");
  for (const a of APPLICANTS) {
    const { id: userId } = await createVerifiedUser(ctx, { email: a.email, name: a.name, password: PASSWORD, role: "applicant", locale: a.locale });
    const [family, ...given] = a.name.split(" ");
    await db
      .insertInto("applications")
      .values({
        id: appId(a.n),
        round_id: DEMO_MATCHING_ROUND_ID,
        applicant_user_id: userId,
        status: "selected",
        receipt_number: `JIP-2026-M${String(a.n).padStart(4, "0")}`,
        submitted_at: new Date("2026-05-20T03:00:00Z"),
        family_name: family!,
        given_name: given.join(" "),
        date_of_birth: "1999-04-01",
        nationality: a.nationality,
        contact_email: a.email,
        motivation_learn: "How Japanese small and mid-sized companies build products and customers abroad.",
        preferred_fields: ["sales"],
        preferred_regions: ["kanto", "chubu"],
        english_self_level: "business",
      })
      .execute();
    await db
      .insertInto("application_education")
      .values({
        id: appId(a.n).replace("0000001c", "0000002c"),
        application_id: appId(a.n),
        university: "National University",
        degree: "bachelor",
        field: "Business administration",
        graduation_year: 2024,
      })
      .execute();
    await db
      .insertInto("application_languages")
      .values({ id: appId(a.n).replace("0000001c", "0000003c"), application_id: appId(a.n), kind: "jlpt", jlpt_level: "N3" })
      .execute();
    await db
      .insertInto("application_status_history")
      .values({
        application_id: appId(a.n),
        from_status: "interview",
        to_status: "selected",
        reason: "demo: selection committee",
        changed_at: new Date("2026-06-20T03:00:00Z"),
      })
      .execute();
    if (a.ranks) await rankList(db, { side: "applicant", owner: appId(a.n), entries: a.ranks.map(posId), at: submittedAt });
  }
  for (const [key, ranks] of Object.entries(POSITION_RANKS)) {
    if (ranks) await rankList(db, { side: "position", owner: posId(key), entries: ranks.map(appId), at: submittedAt });
  }
}

async function rankList(db: Kysely<Database>, list: { side: "applicant" | "position"; owner: string; entries: string[]; at: Date }): Promise<void> {
  const id = `${list.owner.slice(0, 24)}9${list.owner.slice(25)}`;
  await db
    .insertInto("rank_lists")
    .values({
      id,
      round_id: DEMO_MATCHING_ROUND_ID,
      side: list.side,
      application_id: list.side === "applicant" ? list.owner : null,
      position_id: list.side === "position" ? list.owner : null,
      submitted_at: list.at,
      updated_at: list.at,
    })
    .execute();
  await db
    .insertInto("rank_list_entries")
    .values(
      list.entries.map((e, i) => ({
        rank_list_id: id,
        rank: i + 1,
        application_id: list.side === "position" ? e : null,
        position_id: list.side === "applicant" ? e : null,
      })),
    )
    .execute();
}
