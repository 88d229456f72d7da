/** One host application in full for staff: organization, support plan (the supervisor named only to operators), positions, decision. */
import { roleGrants } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PositionView, type SupportPlan, loadPositions, supportPlanOf } from "./host-application-record.ts";
import { type HostApplicationRow, rows } from "./host-application-rows.ts";

export interface HostApplicationReview {
  row: HostApplicationRow;
  roundNameJa: string;
  roundNameEn: string;
  organization: {
    legalForm: string;
    nameEn: string | null;
    addressJa: string | null;
    postalCode: string | null;
    capitalYen: number | null;
    overseasCountries: string[];
    workLanguages: string[];
    website: string | null;
  };
  plan: SupportPlan;
  decisionReason: string | null;
  decidedAt: Date | null;
  positions: PositionView[];
}

export async function getHostApplicationReview(ctx: ServiceContext, actor: Actor | null, id: string): Promise<HostApplicationReview> {
  const who = authorize(actor, "hosts.read");
  const [row] = await rows(ctx.db, { id }, null);
  if (!row) throw new NotFoundError("host_application");
  const app = await ctx.db
    .selectFrom("host_applications")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .innerJoin("rounds", "rounds.id", "host_applications.round_id")
    .selectAll("host_applications")
    .select([
      "host_organizations.legal_form",
      "host_organizations.address_ja",
      "host_organizations.postal_code",
      "host_organizations.capital_yen",
      "host_organizations.overseas_countries",
      "host_organizations.work_languages",
      "host_organizations.website",
      "rounds.name_ja as round_name_ja",
      "rounds.name_en as round_name_en",
    ])
    .where("host_applications.id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    row,
    roundNameJa: app.round_name_ja,
    roundNameEn: app.round_name_en,
    organization: {
      legalForm: app.legal_form,
      nameEn: row.nameEn,
      addressJa: app.address_ja,
      postalCode: app.postal_code,
      capitalYen: app.capital_yen === null ? null : Number(app.capital_yen),
      overseasCountries: app.overseas_countries,
      workLanguages: app.work_languages,
      website: app.website,
    },
    // The supervisor is a person: named to operators, not to the ministry (issue 11 item 8).
    plan: roleGrants(who.role, "people.read") ? supportPlanOf(app) : { ...supportPlanOf(app), supervisorName: null },
    decisionReason: app.decision_reason,
    decidedAt: app.decided_at,
    positions: await loadPositions(ctx.db, id),
  };
}
