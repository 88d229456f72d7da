import { type SizeClass, sizeClassOf } from "../../domain/host-organization.ts";
import { type Region, regionOf } from "../../domain/regions.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { listHostRounds, type HostRoundSummary } from "./host-application-record.ts";
import { findMembership } from "./membership.ts";

export interface HostHome {
  organization: {
    id: string;
    corporateNumber: string | null;
    legalForm: string;
    kind: string;
    nameJa: string;
    nameEn: string | null;
    postalCode: string | null;
    prefectureCode: string;
    region: Region;
    addressJa: string | null;
    jsicDivision: string;
    employees: number;
    sizeClass: SizeClass;
    capitalYen: number | null;
    overseasStatus: string;
    overseasCountries: string[];
    workLanguages: string[];
    website: string | null;
    /** ADR 0029: pending until an operator has checked it; only a verified organization may submit. */
    verificationStatus: string;
  } | null;
  orgRole: "admin" | "member" | null;
  members: { userId: string; name: string; email: string; orgRole: string }[];
  pendingInvitations: { email: string; orgRole: string; expiresAt: Date }[];
  rounds: (HostRoundSummary & { status: string | null; receiptNumber: string | null })[];
}

/** The host's start page: their organization, its members, and the rounds they can apply for. */
export async function getHostHome(ctx: ServiceContext, actor: Actor | null): Promise<HostHome> {
  const who = authorize(actor, "organization.manage");
  const m = await findMembership(ctx.db, who.userId);
  if (!m) return { organization: null, orgRole: null, members: [], pendingInvitations: [], rounds: [] };
  const org = await ctx.db.selectFrom("host_organizations").selectAll().where("id", "=", m.organizationId).executeTakeFirstOrThrow();
  const [members, invitations, rounds, apps] = await Promise.all([
    ctx.db
      .selectFrom("host_memberships")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.id", "user.name", "user.email", "host_memberships.org_role"])
      .where("host_memberships.organization_id", "=", m.organizationId)
      .orderBy("host_memberships.created_at")
      .execute(),
    ctx.db
      .selectFrom("host_invitations")
      .select(["email", "org_role", "expires_at"])
      .where("organization_id", "=", m.organizationId)
      .where("accepted_at", "is", null)
      .where("expires_at", ">=", ctx.clock())
      .orderBy("created_at")
      .execute(),
    listHostRounds(ctx.db),
    ctx.db.selectFrom("host_applications").select(["round_id", "status", "receipt_number"]).where("organization_id", "=", m.organizationId).execute(),
  ]);
  const byRound = new Map(apps.map((a) => [a.round_id, a]));
  return {
    organization: {
      id: org.id,
      corporateNumber: org.corporate_number,
      legalForm: org.legal_form,
      kind: org.kind,
      nameJa: org.name_ja,
      nameEn: org.name_en,
      postalCode: org.postal_code,
      prefectureCode: org.prefecture_code,
      region: regionOf(org.prefecture_code),
      addressJa: org.address_ja,
      jsicDivision: org.jsic_division,
      employees: org.employees,
      sizeClass: sizeClassOf(org.employees),
      capitalYen: org.capital_yen === null ? null : Number(org.capital_yen),
      overseasStatus: org.overseas_status,
      overseasCountries: org.overseas_countries,
      workLanguages: org.work_languages,
      website: org.website,
      verificationStatus: org.verification_status,
    },
    orgRole: m.orgRole,
    members: members.map((x) => ({ userId: x.id, name: x.name, email: x.email, orgRole: x.org_role })),
    pendingInvitations: invitations.map((i) => ({ email: i.email, orgRole: i.org_role, expiresAt: i.expires_at })),
    rounds: rounds.map((r) => ({ ...r, status: byRound.get(r.id)?.status ?? null, receiptNumber: byRound.get(r.id)?.receipt_number ?? null })),
  };
}
