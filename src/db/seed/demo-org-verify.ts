/**
 * Organization verification (issue 11 item 7, ADR 0029): one newly registered organization waiting for the
 * operator's check, and a claim on its corporate number from a second host, so the operator's
 * "Organization verification" page has something to show. Every other demo organization is verified.
 */
import { corporateNumberCheckDigit } from "../../domain/corporate-number.ts";
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";

export const DEMO_ORG_VERIFY_LOGINS = { pendingHost: "admin@hokuto-tsusho.demo.jip.example", claimant: "soumu@hokuto-tsusho.demo.jip.example" };

export async function seedDemoOrgVerify(ctx: ServiceContext, password: string): Promise<void> {
  const base = "011000000292";
  const orgId = "00000000-0000-4000-8000-00000000a029";
  await ctx.db
    .insertInto("host_organizations")
    .values({
      id: orgId,
      corporate_number: `${corporateNumberCheckDigit(base)}${base}`,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: "北斗通商株式会社",
      name_en: "Hokuto Tsusho Co., Ltd.",
      postal_code: "040-0001",
      prefecture_code: "01",
      address_ja: "函館市五稜郭町1-1",
      jsic_division: "I",
      employees: 25,
      capital_yen: 10_000_000,
      overseas_status: "planned",
      overseas_countries: ["VN"],
      work_languages: ["ja"],
      website: null,
      verification_status: "pending",
    })
    .execute();
  const admin = await createVerifiedUser(ctx, { email: DEMO_ORG_VERIFY_LOGINS.pendingHost, name: "北斗 一郎", password, role: "host", locale: "ja" });
  await ctx.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: admin.id, org_role: "admin" }).execute();
  const claimant = await createVerifiedUser(ctx, { email: DEMO_ORG_VERIFY_LOGINS.claimant, name: "函館 花子", password, role: "host", locale: "ja" });
  await ctx.db
    .insertInto("host_organization_claims")
    .values({ id: "00000000-0000-4000-8000-00000000a129", organization_id: orgId, user_id: claimant.id })
    .execute();
}
