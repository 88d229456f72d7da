import { z } from "zod";
import { deadlinePassed } from "../../domain/round-phases.ts";
import { RECOMMENDATIONS } from "../../domain/screening/recommendation.ts";
import { type CriterionScore, type ScoreProblem, validateScores } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type FieldError, NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { optionalText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { loadRubric, loadSettings, ownAssignment, refuseForeignAssignment, screeningDeadline } from "./screening-record.ts";

const schema = z.object({
  intent: z.enum(["draft", "submit"]).default("draft"),
  score: z.record(z.string(), z.string()).default({}),
  comment: z.record(z.string(), optionalText(2000)).default({}),
  recommendation: z.union([z.enum(RECOMMENDATIONS), z.literal("")]).default(""),
  overallComment: optionalText(4000),
});

function problemError(p: ScoreProblem): FieldError {
  switch (p.code) {
    case "OUT_OF_SCALE":
      return { key: "screening.errors.outOfScale", params: { min: p.min, max: p.max } };
    case "OFF_STEP":
      return { key: "screening.errors.offStep", params: { step: p.step } };
    case "MISSING_CRITERION":
      return { key: "errors.required" };
    default:
      return { key: "errors.invalid" };
  }
}

/**
 * A reviewer saves the scores of an application assigned to them: a score
 * and comment per rubric criterion and an overall recommendation, as a draft
 * (any subset, each valid) or submitted (all criteria and a recommendation;
 * once submitted, every later save must be complete too).
 * Editable, submitted or not, until the screening deadline or until the
 * operator closes screening; submitting again updates the one record.
 * Another reviewer's assignment: forbidden (403), audited.
 */
export async function saveReviewScores(
  ctx: ServiceContext,
  actor: Actor | null,
  assignmentId: string,
  raw: unknown,
): Promise<{ state: "draft" | "submitted" }> {
  const who = authorize(actor, "review.score");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  if (!(await ownAssignment(ctx.db, assignmentId, who.userId))) {
    return refuseForeignAssignment(ctx.db, who, assignmentId);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("review_assignments").select("id").where("id", "=", assignmentId).forUpdate().execute();
    const a = await ownAssignment(trx, assignmentId, who.userId);
    // released meanwhile (a conflict declared in another tab)
    if (!a) throw new NotFoundError("review_assignment");
    const [rubric, settings, deadline] = await Promise.all([loadRubric(trx, a.round_id), loadSettings(trx, a.round_id), screeningDeadline(trx, a.round_id)]);
    if (settings.closedAt) throw new RefusedError("screening.refusals", [{ code: "closed" }]);
    if (deadline && deadlinePassed(deadline, now)) throw new RefusedError("screening.refusals", [{ code: "deadlinePassed", at: deadline }]);
    const scores: CriterionScore[] = Object.entries(input.score)
      .filter(([, v]) => v.trim() !== "")
      .map(([criterion, v]) => ({ criterion, score: /^-?[0-9]+(\.[0-9]+)?$/.test(v.trim()) ? Number(v.trim()) : Number.NaN }));
    // a submitted record stays complete: saving it again is submitting it again
    const submit = input.intent === "submit" || a.completed_at !== null;
    const problems = validateScores(rubric, scores, { complete: submit });
    const fieldErrors: Record<string, FieldError[]> = {};
    const formErrors: FieldError[] = [];
    for (const p of problems) {
      if (p.code === "UNKNOWN_CRITERION") formErrors.push({ key: "screening.errors.unknownCriterion" });
      else (fieldErrors[`score.${p.criterion}`] ??= []).push(problemError(p));
    }
    for (const c of Object.keys(input.comment)) if (!rubric.criteria.some((r) => r.id === c)) formErrors.push({ key: "screening.errors.unknownCriterion" });
    if (submit && input.recommendation === "") fieldErrors.recommendation = [{ key: "errors.chooseOne" }];
    if (Object.keys(fieldErrors).length > 0 || formErrors.length > 0) throw new ValidationError(fieldErrors, formErrors.slice(0, 1));
    await trx.deleteFrom("review_scores").where("assignment_id", "=", a.id).execute();
    const rows = rubric.criteria
      .map((c) => ({ c, s: scores.find((s) => s.criterion === c.id) }))
      .filter((x) => x.s !== undefined)
      .map(({ c, s }) => ({ assignment_id: a.id, criterion: c.id, score: s!.score, comment: input.comment[c.id] ?? null }));
    if (rows.length > 0) await trx.insertInto("review_scores").values(rows).execute();
    await trx
      .updateTable("review_assignments")
      .set({
        recommendation: input.recommendation === "" ? null : input.recommendation,
        overall_comment: input.overallComment,
        draft_saved_at: now,
        completed_at: submit ? (a.completed_at ?? now) : null,
      })
      .where("id", "=", a.id)
      .execute();
    const state = submit ? ("submitted" as const) : ("draft" as const);
    await writeAudit(trx, who, {
      action: submit ? "screening.submit_scores" : "screening.save_draft",
      entityType: "review_assignment",
      entityId: a.id,
      after: {
        application: a.application_id,
        scores: rows.map((r) => ({ criterion: r.criterion, score: r.score })),
        recommendation: input.recommendation || null,
      },
    });
    return { state };
  });
}
