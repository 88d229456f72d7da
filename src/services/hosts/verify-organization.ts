import { z } from "zod";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";

const verifySchema = z.object({
  decision: z.enum(["verified", "rejected"], { error: "errors.required" }),
  reason: requiredText(2000),
});

/**
 * The operator verifies a pending organization (its registered name and address checked against the
 * corporate number, ADR 0029) or rejects it, with a reason, which frees the number; audited; each admin is told in Japanese or English.
 */
export async function verifyOrganization(ctx: ServiceContext, actor: Actor | null, organizationId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "hosts.decide");
  const input = parseInput(verifySchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom("host_organizations")
      .select(["id", "name_ja", "verification_status", "corporate_number"])
      .where("id", "=", organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!org) throw new NotFoundError("host_organization");
    if (org.verification_status !== "pending") throw new RefusedError("orgVerify.refusals", [{ code: "not_pending" }]);
    await trx
      .updateTable("host_organizations")
      .set({
        verification_status: input.decision,
        verification_reason: input.reason,
        verified_at: ctx.clock(),
        verified_by: who.userId,
        // A rejected registration frees the number, so the real company can register it (the audit entry keeps it).
        ...(input.decision === "rejected" ? { corporate_number: null } : {}),
      })
      .where("id", "=", org.id)
      .execute();
    await writeAudit(trx, who, {
      action: "host_organization.verify",
      entityType: "host_organization",
      entityId: org.id,
      before: { verificationStatus: "pending", corporateNumber: org.corporate_number },
      after: { verificationStatus: input.decision, reason: input.reason },
    });
    const admins = await trx
      .selectFrom("host_memberships")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.email", "user.locale"])
      .where("host_memberships.organization_id", "=", org.id)
      .where("host_memberships.org_role", "=", "admin")
      .execute();
    await ctx.mailer.queueAll(
      admins.map((a) => {
        const locale = a.locale === "en" ? ("en" as const) : ("ja" as const);
        return {
          to: a.email,
          template: "hostOrganizationVerification" as const,
          locale,
          params: { organization: org.name_ja, decision: input.decision, reason: input.reason, url: `${ctx.publicUrl}/${locale}/host` },
        };
      }),
      trx,
    );
  });
}
