/** A host company already verified, with one admin member, written directly (for tests of the phases after hosts apply). */
import type { Actor } from "#src/services/context.ts";
import { type TestEnv, actorFor, createUser } from "./databases.ts";

export async function insertHostWithAdmin(
  env: TestEnv,
  o: { nameJa: string; nameEn?: string; prefecture?: string; locale?: string; adminName?: string },
): Promise<{ orgId: string; actor: Actor; email: string }> {
  const orgId = crypto.randomUUID();
  await env.db
    .insertInto("host_organizations")
    .values({
      id: orgId,
      legal_form: "株式会社",
      kind: "sme",
      name_ja: o.nameJa,
      name_en: o.nameEn ?? o.nameJa,
      prefecture_code: o.prefecture ?? "20",
      jsic_division: "E",
      employees: 50,
      overseas_status: "planned",
    })
    .execute();
  const user = await createUser(env, "host", { ...(o.locale ? { locale: o.locale } : {}), ...(o.adminName ? { name: o.adminName } : {}) });
  await env.db.insertInto("host_memberships").values({ organization_id: orgId, user_id: user.id, org_role: "admin" }).execute();
  return { orgId, actor: actorFor(user), email: user.email };
}
