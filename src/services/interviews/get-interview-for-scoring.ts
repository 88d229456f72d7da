/** The interviewer's scoring page (issue 14): the interview, its attendance, scores per criterion and comment. */
import { INTERVIEW_CRITERIA } from "../../domain/interviews/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { interviewForInterviewer } from "./interview-access.ts";
import { personName } from "../../domain/person-name.ts";

export async function getInterviewForScoring(ctx: ServiceContext, actor: Actor | null, interviewId: string) {
  const who = authorize(actor, "interview.score");
  const row = await interviewForInterviewer(ctx.db, who, interviewId);
  const scores = await ctx.db.selectFrom("interview_scores").select(["criterion", "score"]).where("interview_id", "=", row.id).execute();
  return {
    id: row.id,
    stage: row.stage,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    comment: row.comment ?? "",
    receiptNumber: row.receipt_number,
    name: personName({ familyName: row.family_name, givenName: row.given_name, nationality: row.nationality }) ?? "",
    nationality: row.nationality,
    criteria: INTERVIEW_CRITERIA.map((c) => ({ criterion: c, score: scores.find((s) => s.criterion === c)?.score ?? null })),
  };
}
