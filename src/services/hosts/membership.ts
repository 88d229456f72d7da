/** The caller's host organization: every host use case starts here (ownership check). */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type OrgRole, leavesNoAdmin, orgRoleManagesMembers } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { ForbiddenError, NotFoundError, RefusedError } from "../errors.ts";

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

/** How many admins an organization has (inside the caller's transaction). */
export async function adminCount(db: Kysely<Database>, organizationId: string): Promise<number> {
  const r = await db
    .selectFrom("host_memberships")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("organization_id", "=", organizationId)
    .where("org_role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * A member of the caller's organization about to be changed or removed (NotFoundError when
 * there is no such member); refused when they are its last admin (leavesNoAdmin).
 */
export async function memberToChange(
  trx: Kysely<Database>,
  organizationId: string,
  userId: string,
  change: { keepsAdmin: boolean },
): Promise<{ orgRole: OrgRole }> {
  const target = await trx
    .selectFrom("host_memberships")
    .select("org_role")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!target) throw new NotFoundError("host_membership");
  if (!change.keepsAdmin && leavesNoAdmin(target.org_role, await adminCount(trx, organizationId))) {
    throw new RefusedError("hostOrg.refusals", [{ code: "last_admin" }]);
  }
  return { orgRole: target.org_role as OrgRole };
}
