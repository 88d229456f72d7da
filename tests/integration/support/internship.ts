/** Shared set-up of the internship period's integration tests (ADR 0022, 0035): a host company with a member, a round in the internship phase. */
import type { Actor } from "#src/services/context.ts";
import { type TestEnv, actorFor, createUser } from "./databases.ts";

export async function orgWithMember(env: TestEnv, name: string): Promise<{ orgId: string; actor: Actor }> {
  const orgId = crypto.randomUUID();
  await env.db
    .insertInto("host_organizations")
    .values({
      id: orgId,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: name,
      name_en: `${name} Co.`,
      prefecture_code: "20",
      jsic_division: "E",
      employees: 50,
      overseas_status: "planned",
    })
    .execute();
  const user = await createUser(env, "host", { name: `${name} staff` });
  await env.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: user.id, org_role: "admin" }).execute();
  return { orgId, actor: actorFor(user) };
}

export async function insertRound(env: TestEnv, name: string): Promise<string> {
  const roundId = crypto.randomUUID();
  await env.db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: "2027年度",
      name_en: name,
      phase: "internship",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      intern_daily_allowance_yen: 3000,
      online_daily_allowance_yen: 1000,
      host_daily_subsidy_yen: 2000,
    })
    .execute();
  return roundId;
}
