import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { organizationSchema } from "./host-schemas.ts";
import { findMembership } from "./membership.ts";
import { organizationColumns, requireKnownCountries } from "./organization-columns.ts";

export type RegisterResult = { kind: "created"; id: string } | { kind: "exists"; nameJa: string; corporateNumber: string };

/**
 * A host user registers their organization and becomes its admin. The
 * organization is `pending` until an operator has checked it (ADR 0029): a
 * pending organization can be filled in and drafted for, not submitted. When
 * the corporate number is already registered, nothing is created: the page
 * offers a request to join, which the operator also sees (a claim).
 */
export async function registerOrganization(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<RegisterResult> {
  const who = authorize(actor, "organization.manage");
  const input = parseInput(organizationSchema, raw);
  if (await findMembership(ctx.db, who.userId)) throw new RefusedError("hostOrg.refusals", [{ code: "already_member" }]);
  await requireKnownCountries(ctx, input.overseasCountries);
  const existing = await ctx.db.selectFrom("host_organizations").select(["name_ja"]).where("corporate_number", "=", input.corporateNumber).executeTakeFirst();
  if (existing) return { kind: "exists", nameJa: existing.name_ja, corporateNumber: input.corporateNumber };
  const id = crypto.randomUUID();
  const now = ctx.clock();
  const row = { id, corporate_number: input.corporateNumber, ...organizationColumns(input) };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("host_organizations")
        .values({ ...row, verification_status: "pending", created_at: now, updated_at: now })
        .execute();
      await trx.insertInto("host_memberships").values({ organization_id: id, user_id: who.userId, org_role: "admin", created_at: now }).execute();
      await writeAudit(trx, who, { action: "host_organization.register", entityType: "host_organization", entityId: id, after: row });
    });
  } catch (err) {
    // Two registrations of the same number at once: the second one sees the first.
    const again = await ctx.db.selectFrom("host_organizations").select(["name_ja"]).where("corporate_number", "=", input.corporateNumber).executeTakeFirst();
    if (again) return { kind: "exists", nameJa: again.name_ja, corporateNumber: input.corporateNumber };
    throw err;
  }
  return { kind: "created", id };
}
