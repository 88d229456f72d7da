/**
 * A host member takes an e-learning module (issue 16 item 2, ADR 0038): its
 * content page, then its check. All answers right records the module as
 * completed for them (once; taking it again keeps the first completion);
 * a wrong or missing answer is a validation error on exactly those questions,
 * so the page says which ones were wrong and keeps the answers given.
 */
import { type TrainingModuleCode, gradeCheck, trainingModule } from "../../domain/internship/training.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { findMembership } from "../hosts/membership.ts";
import { tokyoMinute } from "./training-records.ts";

async function moduleFor(ctx: ServiceContext, actor: Actor | null, code: string) {
  const who = authorize(actor, "internship.supervise");
  if (!(await findMembership(ctx.db, who.userId))) throw new NotFoundError("host_organization");
  const mod = trainingModule(code);
  if (!mod) throw new NotFoundError("training_module");
  return { who, mod };
}

/** The module's page: which module, its questions and options, and whether the member passed it. */
export async function getTrainingModule(ctx: ServiceContext, actor: Actor | null, code: string) {
  const { who, mod } = await moduleFor(ctx, actor, code);
  const done = await ctx.db
    .selectFrom("training_completions")
    .select("completed_at")
    .where("user_id", "=", who.userId)
    .where("module", "=", mod.code)
    .executeTakeFirst();
  return {
    module: { code: mod.code, paragraphs: mod.paragraphs, questions: mod.questions.map((q) => ({ id: q.id, options: [...q.options] })) },
    completedAt: done ? tokyoMinute(done.completed_at).slice(0, 10) : null,
  };
}

export async function completeTrainingModule(
  ctx: ServiceContext,
  actor: Actor | null,
  code: string,
  answers: Record<string, unknown>,
): Promise<{ module: TrainingModuleCode; firstTime: boolean }> {
  const { who, mod } = await moduleFor(ctx, actor, code);
  const result = gradeCheck(mod, answers);
  if (!result.passed) {
    const fieldErrors: Record<string, { key: string }[]> = {};
    for (const q of mod.questions) {
      if (result.unanswered.includes(q.id)) fieldErrors[q.id] = [{ key: "errors.chooseOne" }];
      else if (result.wrong.includes(q.id)) fieldErrors[q.id] = [{ key: "hostTraining.errors.wrongAnswer" }];
    }
    throw new ValidationError(fieldErrors);
  }
  const now = ctx.clock();
  const firstTime = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("training_completions")
      .values({ user_id: who.userId, module: mod.code, completed_at: now })
      .onConflict((oc) => oc.columns(["user_id", "module"]).doNothing())
      .returning("module")
      .executeTakeFirst();
    if (inserted) {
      await writeAudit(trx, who, { action: "training.module.complete", entityType: "user", entityId: who.userId, after: { module: mod.code } });
    }
    return Boolean(inserted);
  });
  return { module: mod.code, firstTime };
}
