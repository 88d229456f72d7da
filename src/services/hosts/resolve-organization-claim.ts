import { z } from "zod";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";

const resolveSchema = z.object({
  resolution: z.enum(["joined", "dismissed"], { error: "errors.required" }),
  reason: requiredText(2000),
});

/**
 * The operator resolves a claim on an already registered corporate number (ADR 0029): the claimant
 * joins the organization as a member (an admin can promote them), or the claim is dismissed. Audited.
 * A claimant who shows the organization was squatted gets it by the operator rejecting the squatter's
 * pending organization and the claimant registering it afresh.
 */
export async function resolveOrganizationClaim(ctx: ServiceContext, actor: Actor | null, claimId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "hosts.decide");
  const input = parseInput(resolveSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const claim = await trx.selectFrom("host_organization_claims").selectAll().where("id", "=", claimId).forUpdate().executeTakeFirst();
    if (!claim) throw new NotFoundError("host_organization_claim");
    if (claim.resolved_at) throw new RefusedError("orgVerify.refusals", [{ code: "claim_resolved" }]);
    if (input.resolution === "joined") {
      const member = await trx.selectFrom("host_memberships").select("organization_id").where("user_id", "=", claim.user_id).executeTakeFirst();
      if (member) throw new RefusedError("orgVerify.refusals", [{ code: "claimant_member" }]);
      await trx
        .insertInto("host_memberships")
        .values({ organization_id: claim.organization_id, user_id: claim.user_id, org_role: "member", created_at: ctx.clock() })
        .execute();
    }
    await trx
      .updateTable("host_organization_claims")
      .set({ resolution: input.resolution, reason: input.reason, resolved_at: ctx.clock(), resolved_by: who.userId })
      .where("id", "=", claim.id)
      .execute();
    await writeAudit(trx, who, {
      action: "host_organization.resolve_claim",
      entityType: "host_organization",
      entityId: claim.organization_id,
      after: { claimId: claim.id, userId: claim.user_id, resolution: input.resolution, reason: input.reason },
    });
  });
}
