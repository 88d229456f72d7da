import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { organizationSchema } from "./host-schemas.ts";
import { findMembership } from "./membership.ts";

export type RegisterResult = { kind: "created"; id: string } | { kind: "exists"; nameJa: string; corporateNumber: string };

/** Unknown ISO codes in a country list, checked against the reference table. */
export async function unknownCountries(ctx: ServiceContext, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await ctx.db.selectFrom("countries").select("code").where("code", "in", codes).execute();
  const set = new Set(known.map((k) => k.code));
  return codes.filter((c) => !set.has(c));
}

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
  const unknown = await unknownCountries(ctx, input.overseasCountries);
  if (unknown.length) throw new ValidationError({ overseasCountries: [{ key: "hostCountries.errors.unknown", params: { codes: unknown.join(", ") } }] });
  const existing = await ctx.db.selectFrom("host_organizations").select(["name_ja"]).where("corporate_number", "=", input.corporateNumber).executeTakeFirst();
  if (existing) return { kind: "exists", nameJa: existing.name_ja, corporateNumber: input.corporateNumber };
  const id = crypto.randomUUID();
  const now = ctx.clock();
  const row = {
    id,
    corporate_number: input.corporateNumber,
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
