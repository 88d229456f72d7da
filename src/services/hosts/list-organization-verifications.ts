import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";

export interface PendingOrganization {
  id: string;
  corporateNumber: string | null;
  nameJa: string;
  nameEn: string | null;
  postalCode: string | null;
  addressJa: string | null;
  registeredBy: string | null;
  createdAt: Date;
}

export interface OpenClaim {
  id: string;
  organizationId: string;
  corporateNumber: string | null;
  organizationNameJa: string;
  organizationStatus: string;
  claimantName: string;
  claimantEmail: string;
  createdAt: Date;
}

/** What the operator has to check (ADR 0029): organizations waiting for verification, and open claims on registered numbers. */
export async function listOrganizationVerifications(
  ctx: ServiceContext,
  actor: Actor | null,
): Promise<{ pending: PendingOrganization[]; claims: OpenClaim[] }> {
  authorize(actor, "hosts.decide");
  const pending = await ctx.db
    .selectFrom("host_organizations as o")
    .select((eb) => [
      "o.id",
      "o.corporate_number",
      "o.name_ja",
      "o.name_en",
      "o.postal_code",
      "o.address_ja",
      "o.created_at",
      eb
        .selectFrom("host_memberships as m")
        .innerJoin("user as u", "u.id", "m.user_id")
        .select("u.email")
        .whereRef("m.organization_id", "=", "o.id")
        .where("m.org_role", "=", "admin")
        .orderBy("m.created_at")
        .limit(1)
        .as("admin_email"),
    ])
    .where("o.verification_status", "=", "pending")
    .orderBy("o.created_at")
    .limit(500)
    .execute();
  const claims = await ctx.db
    .selectFrom("host_organization_claims as c")
    .innerJoin("host_organizations as o", "o.id", "c.organization_id")
    .innerJoin("user as u", "u.id", "c.user_id")
    .select(["c.id", "c.organization_id", "c.created_at", "o.corporate_number", "o.name_ja", "o.verification_status", "u.name", "u.email"])
    .where("c.resolved_at", "is", null)
    .orderBy("c.created_at")
    .limit(500)
    .execute();
  return {
    pending: pending.map((o) => ({
      id: o.id,
      corporateNumber: o.corporate_number,
      nameJa: o.name_ja,
      nameEn: o.name_en,
      postalCode: o.postal_code,
      addressJa: o.address_ja,
      registeredBy: o.admin_email ?? null,
      createdAt: o.created_at,
    })),
    claims: claims.map((c) => ({
      id: c.id,
      organizationId: c.organization_id,
      corporateNumber: c.corporate_number,
      organizationNameJa: c.name_ja,
      organizationStatus: c.verification_status,
      claimantName: c.name,
      claimantEmail: c.email,
      createdAt: c.created_at,
    })),
  };
}
