/**
 * A host member opens one candidate of a position's shortlist (ADR 0037): the limited profile
 * (no name, contact details or date of birth) and, in an office-shortlist round, the host
 * interview booked with them. A candidate not on the position's shortlist is forbidden (403):
 * the host may know the code from elsewhere but may not read the profile.
 */
import type { Actor, ServiceContext } from "../context.ts";
import { ForbiddenError } from "../errors.ts";
import { type CandidateProfile, candidateProfiles } from "./candidate-profile.ts";
import { requireMyPosition, shortlistOf } from "./host-access.ts";
import { type MatchingInterview, matchingInterviewOf } from "./matching-interview-record.ts";
import { type MatchingRound, findRound } from "./matching-record.ts";

export interface ShortlistedCandidate {
  position: { id: string; title: string };
  round: MatchingRound;
  candidate: CandidateProfile;
  interview: MatchingInterview | null;
  /** the host may record that the interview took place (it has started and is still scheduled) */
  canRecordHeld: boolean;
}

export async function getShortlistedCandidate(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { positionId: string; applicationId: string },
): Promise<ShortlistedCandidate> {
  const mine = await requireMyPosition(ctx.db, actor, input.positionId);
  const round = await findRound(ctx.db, mine.roundId);
  const shortlist = await shortlistOf(ctx.db, round.id, mine.positionId);
  if (!shortlist.includes(input.applicationId)) throw new ForbiddenError("matching.candidate.read");
  const [candidate] = await candidateProfiles(ctx.db, [input.applicationId]);
  if (!candidate) throw new ForbiddenError("matching.candidate.read");
  const interview = await matchingInterviewOf(ctx.db, input.applicationId, mine.positionId);
  const now = ctx.clock();
  return {
    position: { id: mine.positionId, title: mine.title },
    round,
    candidate,
    interview,
    canRecordHeld: interview !== null && interview.status === "scheduled" && interview.startsAt.getTime() <= now.getTime(),
  };
}
