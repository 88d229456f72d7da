/** The caller's host organization: every host use case starts here (ownership check). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type OrgRole, orgRoleManagesMembers } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";

export interface Membership {
  actor: Actor;
  organizationId: string;
  orgRole: OrgRole;
}

export async function findMembership(db: Kysely<Database>, userId: string): Promise<{ organizationId: string; orgRole: OrgRole } | null> {
  const m = await db
    .selectFrom("host_memberships")
    .select(["organization_id", "org_role"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .executeTakeFirst();
  return m ? { organizationId: m.organization_id, orgRole: m.org_role as OrgRole } : null;
}

/** A host member of an organization (NotFoundError when they have none); `admin` also requires the admin role. */
export async function requireMembership(db: Kysely<Database>, actor: Actor | null, opts: { admin?: boolean } = {}): Promise<Membership> {
  const who = authorize(actor, "organization.manage");
  const m = await findMembership(db, who.userId);
  if (!m) throw new NotFoundError("host_organization");
  if (opts.admin && !orgRoleManagesMembers(m.orgRole)) throw new ForbiddenError("organization.members");
  return { actor: who, ...m };
}
