import { z } from "zod";
import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ValidationError } from "../errors.ts";
import { corporateNumber } from "./host-schemas.ts";

/**
 * Asks the admins of the organization with this corporate number to add the caller (by e-mail to each admin),
 * and records a claim the operator sees and resolves (ADR 0029): whoever registered the number first may not be
 * the company, so the second registrant is not left to the first one's goodwill.
 */
export async function requestToJoin(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "organization.manage");
  const input = parseInput(z.object({ corporateNumber }), raw);
  const org = await ctx.db.selectFrom("host_organizations").select(["id", "name_ja"]).where("corporate_number", "=", input.corporateNumber).executeTakeFirst();
  if (!org) throw new ValidationError({ corporateNumber: [{ key: "hostOrg.errors.notRegistered" }] });
  const admins = await ctx.db
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .select(["user.email", "user.locale"])
    .where("host_memberships.organization_id", "=", org.id)
    .where("host_memberships.org_role", "=", "admin")
    .execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("host_organization_claims")
      .values({ id: crypto.randomUUID(), organization_id: org.id, user_id: who.userId, created_at: ctx.clock() })
      .onConflict((oc) => oc.columns(["organization_id", "user_id"]).where("resolved_at", "is", null).doNothing())
      .execute();
    await writeAudit(trx, who, { action: "host_organization.request_join", entityType: "host_organization", entityId: org.id, after: { email: who.email } });
    await ctx.mailer.queueAll(
      admins.map((a) => {
        const locale = a.locale === "en" ? "en" : "ja";
        return {
          to: a.email,
          template: "hostJoinRequest",
          locale,
          params: { name: who.name, email: who.email, organization: org.name_ja, url: `${ctx.publicUrl}/${locale}/host/members` },
        };
      }),
      trx,
    );
  });
}
