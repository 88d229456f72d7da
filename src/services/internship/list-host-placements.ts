import type { Actor, ServiceContext } from "../context.ts";
import { requireMembership } from "../hosts/membership.ts";
import { authorize } from "../authorize.ts";
import { type PlacementRow, placementQuery, toPlacementRow } from "./placement-access.ts";

/** The interns placed at the host member's organization (every round), newest first, with their reports awaiting confirmation. */
export async function listHostPlacements(ctx: ServiceContext, actor: Actor | null): Promise<(PlacementRow & { unconfirmedReports: number })[]> {
  authorize(actor, "internship.supervise");
  const m = await requireMembership(ctx.db, actor);
  const rows = (await placementQuery(ctx.db).where("host_organizations.id", "=", m.organizationId).orderBy("placements.starts_on", "desc").execute()).map(
    toPlacementRow,
  );
  if (rows.length === 0) return [];
  const counts = await ctx.db
    .selectFrom("daily_reports")
    .select(["placement_id", ctx.db.fn.countAll<string>().as("n")])
    .where(
      "placement_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("confirmed_at", "is", null)
    .groupBy("placement_id")
    .execute();
  const by = new Map(counts.map((c) => [c.placement_id, Number(c.n)]));
  return rows.map((r) => ({ ...r, unconfirmedReports: by.get(r.id) ?? 0 }));
}
