/**
 * The interviewer records an interview's outcome (issue 14): held with a
 * score from 1 to 5 on every criterion and a comment, a no-show, or
 * cancelled. Visible to operators and the committee, never to the applicant.
 * Refused once the round's selection results are final.
 */
import { z } from "zod";
import { INTERVIEW_ATTENDANCE, INTERVIEW_CRITERIA, INTERVIEW_SCORE } from "../../domain/interviews/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { optionalText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { interviewForInterviewer } from "./interview-access.ts";

const schema = z.object({
  attendance: z.enum(INTERVIEW_ATTENDANCE, { error: "errors.required" }),
  comment: optionalText(4000),
  scores: z.record(z.string(), z.string().trim()).optional(),
});

export async function recordInterviewResult(ctx: ServiceContext, actor: Actor | null, interviewId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "interview.score");
  const input = parseInput(schema, raw);
  const scores: { criterion: string; score: number }[] = [];
  if (input.attendance === "done") {
    const errors: Record<string, { key: string; params?: Record<string, number> }[]> = {};
    for (const c of INTERVIEW_CRITERIA) {
      const text = input.scores?.[c] ?? "";
      const n = Number(text);
      if (text === "" || !Number.isInteger(n) || n < INTERVIEW_SCORE.min || n > INTERVIEW_SCORE.max)
        errors[`scores.${c}`] = [{ key: "interviewsStaff.errors.score", params: { ...INTERVIEW_SCORE } }];
      else scores.push({ criterion: c, score: n });
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await interviewForInterviewer(trx, who, interviewId, true);
    const round = await trx.selectFrom("rounds").select(["selection_results_final"]).where("id", "=", row.round_id!).executeTakeFirstOrThrow();
    if (round.selection_results_final) throw new RefusedError("interviewsStaff.refusals", [{ code: "results_final" }]);
    if (row.status === "cancelled") throw new RefusedError("interviewsStaff.refusals", [{ code: "booking_cancelled" }]);
    await trx.deleteFrom("interview_scores").where("interview_id", "=", row.id).execute();
    if (scores.length > 0)
      await trx
        .insertInto("interview_scores")
        .values(scores.map((s) => ({ interview_id: row.id, ...s })))
        .execute();
    await trx
      .updateTable("interviews")
      .set({ status: input.attendance, comment: input.comment, scored_by: who.userId, scored_at: ctx.clock() })
      .where("id", "=", row.id)
      .execute();
    await writeAudit(trx, who, {
      action: "interview.result_recorded",
      entityType: "interview",
      entityId: row.id,
      before: { status: row.status },
      after: { status: input.attendance, scores: Object.fromEntries(scores.map((s) => [s.criterion, s.score])) },
    });
  });
}
