import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { organizationEditSchema } from "./host-schemas.ts";
import { requireMembership } from "./membership.ts";
import { organizationAttributes } from "./organization-attributes.ts";
import { unknownCountries } from "./register-organization.ts";

/**
 * An organization's admin corrects or updates its details (issue 19 item 8).
 * The corporate number stays: another number is another organization. The
 * attributes as they were are kept in host_organization_revisions; host
 * applications already submitted keep their own snapshot.
 */
export async function updateOrganization(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  const input = parseInput(organizationEditSchema, raw);
  const unknown = await unknownCountries(ctx, input.overseasCountries);
  if (unknown.length) throw new ValidationError({ overseasCountries: [{ key: "hostCountries.errors.unknown", params: { codes: unknown.join(", ") } }] });
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("host_organizations").selectAll().where("id", "=", m.organizationId).forUpdate().executeTakeFirst();
    if (!current) throw new NotFoundError("host_organization");
    const before = organizationAttributes(current);
    const change = {
      legal_form: input.legalForm,
      kind: input.kind,
      name_ja: input.nameJa,
      name_en: input.nameEn,
      postal_code: input.postalCode,
      prefecture_code: input.prefectureCode,
      address_ja: input.addressJa,
      jsic_division: input.jsicDivision,
      employees: input.employees,
      capital_yen: input.capitalYen,
      overseas_status: input.overseasStatus,
      overseas_countries: input.overseasCountries,
      work_languages: input.workLanguages,
      website: input.website,
    };
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
