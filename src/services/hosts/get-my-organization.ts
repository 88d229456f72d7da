import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requireMembership } from "./membership.ts";
import { type OrganizationAttributes, organizationAttributes } from "./organization-attributes.ts";

export interface MyOrganization {
  attributes: OrganizationAttributes;
  /** The details as they were before each edit, newest first. */
  history: { attributes: OrganizationAttributes; replacedAt: Date }[];
}

/** The caller's organization as its admin edits it, with its earlier details (issue 19 item 8). */
export async function getMyOrganization(ctx: ServiceContext, actor: Actor | null): Promise<MyOrganization> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const row = await ctx.db.selectFrom("host_organizations").selectAll().where("id", "=", m.organizationId).executeTakeFirst();
  if (!row) throw new NotFoundError("host_organization");
  const revisions = await ctx.db
    .selectFrom("host_organization_revisions")
    .select(["attributes", "replaced_at"])
    .where("organization_id", "=", m.organizationId)
    .orderBy("replaced_at", "desc")
    .orderBy("id")
    .execute();
  return {
    attributes: organizationAttributes(row),
    history: revisions.map((r) => ({ attributes: r.attributes as OrganizationAttributes, replacedAt: r.replaced_at })),
  };
}
