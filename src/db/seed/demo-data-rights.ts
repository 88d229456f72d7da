/**
 * Demo data for data rights (issue 19 item 7): an operator kept for the retention browser test, a
 * host member who is the only member of their own organization (so may delete their account), and
 * an information session of the demo round with a registrant without an account whose e-mail link
 * (DEMO_DATA_RIGHTS.registrantToken, demo only: real links are random) opens their data page.
 */
import { hashToken } from "../../services/tokens.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

export const DEMO_DATA_RIGHTS = {
  operator: "operator-rights@demo.jip.example",
  host: "host-rights@demo.jip.example",
  registrant: "visitor-rights@demo.jip.example",
  registrantToken: "demo-data-rights-registrant-link-0000000000",
};

export async function seedDemoDataRights(ctx: ServiceContext, password: string, roundId: string): Promise<void> {
  await createVerifiedUser(ctx, { email: DEMO_DATA_RIGHTS.operator, name: "保存 期間 (Operator)", password, role: "operator", locale: "en" });
  const host = await createVerifiedUser(ctx, { email: DEMO_DATA_RIGHTS.host, name: "権利 太郎", password, role: "host", locale: "en" });
  const orgId = "00000000-0000-4000-8000-00000000b019";
  await ctx.db
    .insertInto("host_organizations")
    .values({
      id: orgId,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: "権利工業株式会社",
      name_en: "Kenri Kogyo Co., Ltd.",
      prefecture_code: "13",
      jsic_division: "E",
      employees: 12,
      overseas_status: "planned",
      overseas_countries: [],
      work_languages: ["ja"],
    })
    .execute();
  await ctx.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: host.id, org_role: "admin" }).execute();
  const sessionId = "00000000-0000-4000-8000-00000000b119";
  const startsAt = new Date(Date.UTC(2027, 3, 20, 3, 0));
  await ctx.db
    .insertInto("information_sessions")
    .values({
      id: sessionId,
      round_id: roundId,
      titles: JSON.stringify({ ja: "オンライン説明会（権利）", en: "Online information session", vi: "Buổi giới thiệu trực tuyến" }),
      mode: "online",
      meeting_url: "https://meet.example.org/jip-rights",
      time_zone: "Asia/Tokyo",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
      language: "en",
      capacity: 50,
      audience: "applicants",
    })
    .execute();
  await ctx.db
    .insertInto("session_registrations")
    .values({
      id: "00000000-0000-4000-8000-00000000b219",
      session_id: sessionId,
      name: "Trần Minh Anh",
      email: DEMO_DATA_RIGHTS.registrant,
      country_code: "VN",
      affiliation: "Đại học Huế",
      locale: "vi",
      status: "registered",
      cancel_token_hash: hashToken(DEMO_DATA_RIGHTS.registrantToken),
    })
    .execute();
}
