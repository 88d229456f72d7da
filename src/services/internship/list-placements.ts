import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PlacementRow, placementQuery, toPlacementRow } from "./placement-access.ts";
import { personName } from "../../domain/person-name.ts";

export interface RoundPlacements {
  round: { id: string; nameJa: string; nameEn: string; phase: string };
  placements: (PlacementRow & { reports: number; finalReports: number; surveys: number })[];
  /** accepted offers that have no placement yet (the operator's form) */
  openOffers: { offerId: string; internName: string; organizationNameJa: string; organizationNameEn: string | null; positionTitle: string; mode: string }[];
}

/** The operator's placements of a round, by cohort and intern name, and the accepted offers still to place. */
export async function listPlacements(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<RoundPlacements> {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en", "phase"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const rows = (await placementQuery(ctx.db).where("placements.round_id", "=", roundId).execute()).map(toPlacementRow);
  const ids = rows.map((r) => r.id);
  const count = async (table: "daily_reports" | "reports" | "survey_responses") => {
    if (ids.length === 0) return new Map<string, number>();
    const q = ctx.db
      .selectFrom(table)
      .select(["placement_id", ctx.db.fn.countAll<string>().as("n")])
      .where("placement_id", "in", ids)
      .groupBy("placement_id");
    const out = await q.execute();
    return new Map(out.map((o) => [o.placement_id!, Number(o.n)]));
  };
  const [reports, finals, surveys] = await Promise.all([count("daily_reports"), count("reports"), count("survey_responses")]);
  const placements = rows
    .map((r) => ({ ...r, reports: reports.get(r.id) ?? 0, finalReports: finals.get(r.id) ?? 0, surveys: surveys.get(r.id) ?? 0 }))
    .sort((a, b) => (a.cohort ?? "").localeCompare(b.cohort ?? "") || a.internName.localeCompare(b.internName));
  const offers = await ctx.db
    .selectFrom("offers")
    .innerJoin("applications", "applications.id", "offers.application_id")
    .innerJoin("positions", "positions.id", "offers.position_id")
    .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .leftJoin("placements", "placements.offer_id", "offers.id")
    .select([
      "offers.id",
      "applications.family_name",
      "applications.given_name",
      "applications.nationality",
      "host_organizations.name_ja",
      "host_organizations.name_en",
      "positions.title",
      "positions.mode",
    ])
    .where("applications.round_id", "=", roundId)
    .where("offers.status", "=", "accepted")
    .where("applications.status", "=", "matched")
    .where("placements.id", "is", null)
    .orderBy("applications.family_name")
    .execute();
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase },
    placements,
    openOffers: offers.map((o) => ({
      offerId: o.id,
      internName: personName({ familyName: o.family_name, givenName: o.given_name, nationality: o.nationality }) ?? "",
      organizationNameJa: o.name_ja,
      organizationNameEn: o.name_en,
      positionTitle: o.title,
      mode: o.mode,
    })),
  };
}
