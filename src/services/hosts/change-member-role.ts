/** An admin makes a member admin or member; an organization always keeps an admin (leavesNoAdmin). Audited. */
import { parseInput } from "../validation.ts";
import { z } from "zod";
import { ORG_ROLES } from "../../domain/roles.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { memberToChange, requireMembership } from "./membership.ts";

const memberChangeSchema = z.object({ userId: z.string().min(1), orgRole: z.enum(ORG_ROLES, { error: "errors.required" }) });

export async function changeMemberRole(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(memberChangeSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const target = await memberToChange(trx, m.organizationId, input.userId, { keepsAdmin: input.orgRole === "admin" });
    if (target.orgRole === input.orgRole) return;
    await trx
      .updateTable("host_memberships")
      .set({ org_role: input.orgRole })
      .where("organization_id", "=", m.organizationId)
      .where("user_id", "=", input.userId)
      .execute();
    await writeAudit(trx, m.actor, {
      action: "host_member.change_role",
      entityType: "host_organization",
      entityId: m.organizationId,
      before: { userId: input.userId, orgRole: target.orgRole },
      after: { userId: input.userId, orgRole: input.orgRole },
    });
  });
}
