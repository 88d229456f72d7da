import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { organizationEditSchema } from "./host-schemas.ts";
import { requireMembership } from "./membership.ts";
import { organizationAttributes } from "./organization-attributes.ts";
import { organizationColumns, requireKnownCountries } from "./organization-columns.ts";

/**
 * An organization's admin corrects or updates its details (issue 19 item 8).
 * The corporate number stays: another number is another organization. The
 * attributes as they were are kept in host_organization_revisions; host
 * applications already submitted keep their own snapshot.
 */
export async function updateOrganization(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(organizationEditSchema, raw);
  await requireKnownCountries(ctx, input.overseasCountries);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("host_organizations").selectAll().where("id", "=", m.organizationId).forUpdate().executeTakeFirst();
    if (!current) throw new NotFoundError("host_organization");
    const before = organizationAttributes(current);
    const change = organizationColumns(input);
    const updated = await trx
      .updateTable("host_organizations")
      .set({ ...change, updated_at: now })
      .where("id", "=", m.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = organizationAttributes(updated);
    await trx
      .insertInto("host_organization_revisions")
      .values({ id: crypto.randomUUID(), organization_id: m.organizationId, attributes: JSON.stringify(before), replaced_by: m.actor.userId, replaced_at: now })
      .execute();
    await writeAudit(trx, m.actor, { action: "host_organization.update", entityType: "host_organization", entityId: m.organizationId, before, after });
  });
}
