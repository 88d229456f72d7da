import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { surveySchema, writeSurveyResponse } from "./internship-records.ts";
import { placementAndSide } from "./side-of.ts";

/**
 * The end-of-internship evaluation survey, answered by the intern about their
 * placement or by the host about one of its interns: one response each per
 * placement, editable until the survey closes. Answers are stored under the
 * question codes the yearly report reads; an answer that is not one of the
 * question's codes is refused field by field.
 */
export async function answerSurvey(ctx: ServiceContext, actor: Actor | null, raw: { placementId?: unknown; [k: string]: unknown }): Promise<void> {
  const { who, placement, side } = await placementAndSide(ctx.db, actor, raw.placementId);
  const answers = parseInput(surveySchema(side), raw) as Record<string, string | null>;
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const { closed } = await writeSurveyResponse(trx, {
      roundId: placement.roundId,
      placementId: placement.id,
      audience: side,
      userId: who.userId,
      answers,
      now,
    });
    if (closed) throw new RefusedError(side === "intern" ? "internship.refusals" : "internshipStaff.refusals", [{ code: "survey_closed", at: closed }]);
    await writeAudit(trx, who, { action: "survey.answer", entityType: "placement", entityId: placement.id, after: { side } });
  });
}
