import { z } from "zod";
import { validateRubric } from "../../domain/screening/index.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type FieldError, RefusedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { type RubricCriterionText, loadRound, loadRubric, loadSettings } from "./screening-record.ts";

/** Most criteria a rubric holds (the form shows the current ones plus empty rows up to this). */
export const MAX_RUBRIC_CRITERIA = 8;

const text = (max: number) => z.string().trim().max(max).catch("");
const row = z.object({
  id: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z0-9_-]*$/)
    .catch(""),
  weight: z.string().trim().default(""),
  labelJa: text(200),
  labelEn: text(200),
  descriptorJa: text(1000),
  descriptorEn: text(1000),
});
const schema = z.object({
  scaleMin: z.string().trim().default(""),
  scaleMax: z.string().trim().default(""),
  scaleStep: z.string().trim().default(""),
  c: z.record(z.string().regex(/^[0-9]+$/), row).default({}),
});

const num = (s: string) => (s === "" ? Number.NaN : Number(s));

/** Whether any reviewer of the round has saved or submitted a score: the rubric is locked from then on. */
export async function scoringStarted(ctx: ServiceContext, roundId: string): Promise<boolean> {
  const started = await ctx.db
    .selectFrom("review_assignments")
    .innerJoin("applications", "applications.id", "review_assignments.application_id")
    .select("review_assignments.id")
    .where("applications.round_id", "=", roundId)
    .where((eb) => eb.or([eb("review_assignments.draft_saved_at", "is not", null), eb("review_assignments.completed_at", "is not", null)]))
    .limit(1)
    .executeTakeFirst();
  return started !== undefined;
}

/**
 * The operator edits the round's rubric: criteria (weight, label and
 * descriptor in Japanese and English; rows left empty are dropped) and the
 * scale. A round starts from the default rubric; an edit writes the round's
 * own. Refused, with the reason, once any reviewer has saved a score (the
 * scores would no longer match their rubric) or after screening closed.
 * Audited with the rubric before and after.
 */
export async function saveRoundRubric(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ criteria: number }> {
  const who = authorize(actor, "screening.manage");
  const input = parseInput(schema, raw);
  await loadRound(ctx.db, roundId);
  const errors: Record<string, FieldError[]> = {};
  const criteria: RubricCriterionText[] = [];
  const rows = Object.entries(input.c).sort(([a], [b]) => Number(a) - Number(b));
  const used = new Set<string>();
  for (const [i, r] of rows) {
    if (!r.weight && !r.labelJa && !r.labelEn && !r.descriptorJa && !r.descriptorEn) continue;
    const weight = num(r.weight);
    if (!Number.isFinite(weight) || weight <= 0 || weight > 100) errors[`c.${i}.weight`] = [{ key: "screeningOps.rubric.errors.weight" }];
    if (!r.labelJa) errors[`c.${i}.labelJa`] = [{ key: "errors.required" }];
    if (!r.labelEn) errors[`c.${i}.labelEn`] = [{ key: "errors.required" }];
    let id = r.id || `criterion-${i}`;
    while (used.has(id)) id = `${id}-${i}`;
    used.add(id);
    criteria.push({ id, weight, label: { ja: r.labelJa, en: r.labelEn }, descriptor: { ja: r.descriptorJa, en: r.descriptorEn } });
  }
  if (criteria.length > MAX_RUBRIC_CRITERIA) errors.c = [{ key: "screeningOps.rubric.errors.tooMany", params: { max: MAX_RUBRIC_CRITERIA } }];
  const scale = { min: num(input.scaleMin), max: num(input.scaleMax), step: num(input.scaleStep) };
  const problems = validateRubric({ criteria: criteria.map((c) => ({ id: c.id, weight: Number.isFinite(c.weight) ? c.weight : 1 })), scale });
  if (problems.some((p) => p.code === "BAD_SCALE")) errors.scaleMax = [{ key: "screeningOps.rubric.errors.scale" }];
  if (criteria.length === 0) errors.c = [{ key: "screeningOps.rubric.errors.none" }];
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom("rounds").select("id").where("id", "=", roundId).forUpdate().execute();
    if ((await loadSettings(trx, roundId)).closedAt) throw new RefusedError("screeningOps.refusals", [{ code: "closed" }]);
    if (await scoringStarted({ ...ctx, db: trx }, roundId)) throw new RefusedError("screeningOps.refusals", [{ code: "rubricLocked" }]);
    const before = await loadRubric(trx, roundId);
    await trx
      .insertInto("rubrics")
      .values({
        id: crypto.randomUUID(),
        round_id: roundId,
        criteria: JSON.stringify(criteria),
        scale_min: scale.min,
        scale_max: scale.max,
        scale_step: scale.step,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.column("round_id").doUpdateSet({ criteria: JSON.stringify(criteria), scale_min: scale.min, scale_max: scale.max, scale_step: scale.step }),
      )
      .execute();
    await writeAudit(trx, who, {
      action: "screening.rubric",
      entityType: "round",
      entityId: roundId,
      before: { criteria: before.criteria, scale: before.scale },
      after: { criteria, scale },
    });
    return { criteria: criteria.length };
  });
}
