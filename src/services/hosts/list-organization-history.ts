/**
 * An organization's history for the operator (issue 19 item 8): each edit kept since migration 0017
 * (host_organization_revisions holds the attributes as they were before it), newest first, with the
 * attributes it changed, their value before and after, who made it and when.
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { organizationAttributes, type OrganizationAttributes } from "./organization-attributes.ts";

export interface OrganizationChange {
  field: keyof OrganizationAttributes;
  from: unknown;
  to: unknown;
}

export interface OrganizationEdit {
  at: Date;
  by: string | null;
  changes: OrganizationChange[];
}

function changesBetween(before: OrganizationAttributes, after: OrganizationAttributes): OrganizationChange[] {
  const out: OrganizationChange[] = [];
  for (const field of Object.keys(after) as (keyof OrganizationAttributes)[]) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
      out.push({ field, from: before[field] ?? null, to: after[field] ?? null });
  }
  return out;
}

export async function listOrganizationHistory(ctx: ServiceContext, actor: Actor | null, organizationId: string): Promise<OrganizationEdit[]> {
  authorize(actor, "hosts.read");
  const org = await ctx.db.selectFrom("host_organizations").selectAll().where("id", "=", organizationId).executeTakeFirst();
  if (!org) return [];
  const revisions = await ctx.db
    .selectFrom("host_organization_revisions as r")
    .leftJoin("user as u", "u.id", "r.replaced_by")
    .select(["r.attributes", "r.replaced_at", "u.name"])
    .where("r.organization_id", "=", organizationId)
    .orderBy("r.replaced_at", "asc")
    .execute();
  const states = revisions.map((r) => (typeof r.attributes === "string" ? JSON.parse(r.attributes) : r.attributes) as OrganizationAttributes);
  states.push(organizationAttributes(org));
  const edits = revisions.map((r, i) => ({ at: r.replaced_at, by: r.name, changes: changesBetween(states[i]!, states[i + 1]!) }));
  return edits.reverse();
}
