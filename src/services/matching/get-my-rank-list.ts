import type { Actor, ServiceContext } from "../context.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { positionsShortlistedFor } from "./host-access.ts";
import { type MatchingRound, type PositionRow, findRound, positionsOfRound, readRankList } from "./matching-record.ts";

export interface MyRankList {
  round: MatchingRound;
  open: boolean;
  positions: PositionRow[];
  /** position id → the applicant's rank of it (1 = first choice) */
  ranks: Record<string, number>;
  submittedAt: Date | null;
  updatedAt: Date | null;
}

/** The applicant's rank list of the round's positions (null when they have no selected application). */
export async function getMyRankList(ctx: ServiceContext, actor: Actor | null): Promise<MyRankList | null> {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  if (!mine) return null;
  const round = await findRound(ctx.db, mine.roundId);
  let positions = await positionsOfRound(ctx.db, round.id);
  // office-shortlist mode (ADR 0037): the applicant sees and ranks only the positions they are shortlisted for
  if (round.matchingMode === "office_shortlist") {
    const shortlisted = new Set(await positionsShortlistedFor(ctx.db, mine.applicationId));
    positions = positions.filter((p) => shortlisted.has(p.id));
  }
  const list = await readRankList(ctx.db, round.id, { applicationId: mine.applicationId });
  const ranks = Object.fromEntries(list.ranked.map((id, i) => [id, i + 1]));
  const now = ctx.clock();
  const open = round.phase === "matching" && (!round.matchingClose || now < round.matchingClose) && mine.status === "selected";
  return { round, open, positions, ranks, submittedAt: list.submittedAt, updatedAt: list.updatedAt };
}
