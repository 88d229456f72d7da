/** An admin removes a member; never the last admin (leavesNoAdmin). Audited. */
import { parseInput } from "../validation.ts";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { memberToChange, requireMembership } from "./membership.ts";

export async function removeMember(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(z.object({ userId: z.string().min(1) }), raw);
  await ctx.db.transaction().execute(async (trx) => {
    const target = await memberToChange(trx, m.organizationId, input.userId, { keepsAdmin: false });
    await trx.deleteFrom("host_memberships").where("organization_id", "=", m.organizationId).where("user_id", "=", input.userId).execute();
    await writeAudit(trx, m.actor, {
      action: "host_member.remove",
      entityType: "host_organization",
      entityId: m.organizationId,
      before: { userId: input.userId, orgRole: target.orgRole },
    });
  });
}
