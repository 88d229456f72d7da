import type { HostExplanation } from "../../domain/matching/index.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type CandidateProfile, candidateProfiles } from "./candidate-profile.ts";
import { requireMyPosition, shortlistOf } from "./host-access.ts";
import { type HostSlot, hostSlotsOf } from "./matching-interview-record.ts";
import { type MatchingRound, findRound, readRankList } from "./matching-record.ts";

export interface PositionOffer {
  id: string;
  code: string;
  status: string;
  applicantResponse: string | null;
  hostResponse: string | null;
  respondBy: Date | null;
  stage: number;
}

export interface PositionRankList {
  position: { id: string; title: string; capacity: number };
  round: MatchingRound;
  open: boolean;
  shortlist: CandidateProfile[];
  ranks: Record<string, number>;
  submittedAt: Date | null;
  offers: PositionOffer[];
  /** the latest published run's explanation for this position, its ranked candidates by code */
  explanation: { stage: number; explanation: HostExplanation; codes: Record<string, string> } | null;
  /** region code → its names, for the explanation's cap sentences */
  regions: Record<string, { nameJa: string; nameEn: string }>;
  /** office-shortlist mode (ADR 0037): the host's interview slots, who booked each (by code), whether it may offer more */
  interviews: { slots: (HostSlot & { codes: string[] })[]; canOffer: boolean } | null;
}

/** The host's shortlist for one of its positions (limited profiles), its rank list, and after publication its offers and why. */
export async function getPositionRankList(ctx: ServiceContext, actor: Actor | null, positionId: string): Promise<PositionRankList> {
  const mine = await requireMyPosition(ctx.db, actor, positionId);
  const round = await findRound(ctx.db, mine.roundId);
  const ids = await shortlistOf(ctx.db, round.id, mine.positionId);
  const list = await readRankList(ctx.db, round.id, { positionId: mine.positionId });
  const shortlist = await candidateProfiles(
    ctx.db,
    [...new Set([...list.ranked, ...ids])].filter((id) => ids.includes(id)),
  );
  const now = ctx.clock();
  const open = round.phase === "matching" && (!round.matchingClose || now < round.matchingClose);
  const offers = await ctx.db
    .selectFrom("offers as o")
    .innerJoin("matching_runs as r", "r.id", "o.run_id")
    .innerJoin("applications as a", "a.id", "o.application_id")
    .select(["o.id", "a.receipt_number", "a.id as application_id", "o.status", "o.applicant_response", "o.host_response", "o.respond_by", "r.stage"])
    .where("o.position_id", "=", mine.positionId)
    .where("r.status", "=", "published")
    .orderBy("r.stage")
    .orderBy("a.receipt_number")
    .execute();
  const run = await ctx.db
    .selectFrom("matching_runs")
    .select(["stage", "host_explanations"])
    .where("round_id", "=", round.id)
    .where("status", "=", "published")
    .orderBy("stage", "desc")
    .executeTakeFirst();
  const hostExplanation = (run?.host_explanations as Record<string, HostExplanation> | undefined)?.[mine.positionId];
  let explanation: PositionRankList["explanation"] = null;
  if (run && hostExplanation) {
    const named = hostExplanation.higherRankedNotAdmitted.map((r) => r.applicant);
    const rows = named.length ? await ctx.db.selectFrom("applications").select(["id", "receipt_number"]).where("id", "in", named).execute() : [];
    explanation = { stage: run.stage, explanation: hostExplanation, codes: Object.fromEntries(rows.map((r) => [r.id, r.receipt_number ?? r.id.slice(0, 8)])) };
  }
  let interviews: PositionRankList["interviews"] = null;
  if (round.matchingMode === "office_shortlist") {
    const slots = await hostSlotsOf(ctx.db, mine.positionId);
    const booked = await ctx.db
      .selectFrom("interviews as i")
      .innerJoin("applications as a", "a.id", "i.application_id")
      .select(["i.slot_id", "a.receipt_number", "a.id"])
      .where("i.position_id", "=", mine.positionId)
      .where("i.status", "in", ["scheduled", "done", "no_show"])
      .execute();
    interviews = {
      slots: slots.map((sl) => ({ ...sl, codes: booked.filter((b) => b.slot_id === sl.id).map((b) => b.receipt_number ?? b.id.slice(0, 8)) })),
      canOffer: open,
    };
  }
  const regions = await ctx.db.selectFrom("regions").select(["code", "name_ja", "name_en"]).execute();
  return {
    regions: Object.fromEntries(regions.map((r) => [r.code, { nameJa: r.name_ja, nameEn: r.name_en }])),
    position: { id: mine.positionId, title: mine.title, capacity: mine.capacity },
    round,
    open,
    shortlist,
    ranks: Object.fromEntries(list.ranked.map((id, i) => [id, i + 1])),
    submittedAt: list.submittedAt,
    offers: offers.map((o) => ({
      id: o.id,
      code: o.receipt_number ?? o.application_id.slice(0, 8),
      status: o.status,
      applicantResponse: o.applicant_response,
      hostResponse: o.host_response,
      respondBy: o.respond_by,
      stage: o.stage,
    })),
    explanation,
    interviews,
  };
}
