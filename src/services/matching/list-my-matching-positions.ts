import type { Actor, ServiceContext } from "../context.ts";
import { requireMembership } from "../hosts/membership.ts";
import { shortlistOf } from "./host-access.ts";

export interface MatchingPositionSummary {
  id: string;
  title: string;
  capacity: number;
  roundNameJa: string;
  roundNameEn: string;
  shortlisted: number;
  ranked: number;
  submitted: boolean;
  pendingOffers: number;
  acceptedOffers: number;
}

/** The caller's organization's positions in rounds in the matching phase or later, with their shortlist, list and offers. */
export async function listMyMatchingPositions(ctx: ServiceContext, actor: Actor | null): Promise<MatchingPositionSummary[]> {
  const m = await requireMembership(ctx.db, actor);
  const positions = await ctx.db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .innerJoin("rounds as r", "r.id", "ha.round_id")
    .select(["p.id", "p.title", "p.capacity", "r.id as round_id", "r.name_ja", "r.name_en"])
    .where("ha.organization_id", "=", m.organizationId)
    .where("ha.status", "=", "accepted")
    .where("r.phase", "in", ["matching", "internship"])
    .orderBy("r.fiscal_year", "desc")
    .orderBy("p.title")
    .execute();
  const out: MatchingPositionSummary[] = [];
  for (const p of positions) {
    const shortlisted = (await shortlistOf(ctx.db, p.round_id, p.id)).length;
    const list = await ctx.db
      .selectFrom("rank_lists as l")
      .leftJoin("rank_list_entries as e", "e.rank_list_id", "l.id")
      .select(["l.submitted_at", (eb) => eb.fn.count<string>("e.rank").as("n")])
      .where("l.side", "=", "position")
      .where("l.position_id", "=", p.id)
      .groupBy("l.submitted_at")
      .executeTakeFirst();
    const offers = await ctx.db
      .selectFrom("offers as o")
      .innerJoin("matching_runs as r", "r.id", "o.run_id")
      .select(["o.status"])
      .where("o.position_id", "=", p.id)
      .where("r.status", "=", "published")
      .execute();
    out.push({
      id: p.id,
      title: p.title,
      capacity: p.capacity,
      roundNameJa: p.name_ja,
      roundNameEn: p.name_en,
      shortlisted,
      ranked: Number(list?.n ?? 0),
      submitted: Boolean(list?.submitted_at),
      pendingOffers: offers.filter((o) => o.status === "pending").length,
      acceptedOffers: offers.filter((o) => o.status === "accepted").length,
    });
  }
  return out;
}
