import type { ApplicantExplanation } from "../../domain/matching/index.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { type PositionRow, positionsOfRound } from "./matching-record.ts";

export interface MyMatchingResult {
  status: string;
  published: boolean;
  /** the latest published run that included the applicant: their result and why */
  result: { stage: number; positionId: string | null; explanation: ApplicantExplanation } | null;
  offers: { id: string; positionId: string; status: string; applicantResponse: string | null; hostResponse: string | null; respondBy: Date | null }[];
  positions: Record<string, PositionRow>;
}

/**
 * The applicant's published result: their offers to answer, and the explanation of the latest
 * published run they took part in — only positions (never another person) are named.
 */
export async function getMyMatchingResult(ctx: ServiceContext, actor: Actor | null): Promise<MyMatchingResult | null> {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  if (!mine) return null;
  const latest = await ctx.db
    .selectFrom("matching_results as m")
    .innerJoin("matching_runs as r", "r.id", "m.run_id")
    .select(["r.stage", "m.position_id", "m.explanation"])
    .where("m.application_id", "=", mine.applicationId)
    .where("r.status", "=", "published")
    .orderBy("r.stage", "desc")
    .executeTakeFirst();
  const offers = await ctx.db
    .selectFrom("offers as o")
    .innerJoin("matching_runs as r", "r.id", "o.run_id")
    .select(["o.id", "o.position_id", "o.status", "o.applicant_response", "o.host_response", "o.respond_by"])
    .where("o.application_id", "=", mine.applicationId)
    .where("r.status", "=", "published")
    .orderBy("o.created_at", "desc")
    .execute();
  const positions = await positionsOfRound(ctx.db, mine.roundId);
  return {
    status: mine.status,
    published: latest !== undefined,
    result: latest ? { stage: latest.stage, positionId: latest.position_id, explanation: latest.explanation as unknown as ApplicantExplanation } : null,
    offers: offers.map((o) => ({
      id: o.id,
      positionId: o.position_id,
      status: o.status,
      applicantResponse: o.applicant_response,
      hostResponse: o.host_response,
      respondBy: o.respond_by,
    })),
    positions: Object.fromEntries(positions.map((p) => [p.id, p])),
  };
}
