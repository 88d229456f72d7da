/**
 * The host's outcome page (issue 16 item 5, ADR 0039): a host member of the
 * placement's organization reads and answers one milestone (6 or 12 months
 * after the placement's last day) of a completed placement: did it employ the
 * intern, form a tie with an overseas university, start new overseas
 * business. Answers are taken from the milestone's day until its window
 * closes (`outcomeWindow`), and may be changed meanwhile. Audited.
 */
import { z } from "zod";
import { type OutcomeMilestone, isOutcomeMilestone, outcomeOpen, outcomeWindow } from "../../domain/internship/outcomes.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { type PlacementRow, hostPlacement, tokyoToday } from "./placement-access.ts";

export interface OutcomeAnswers {
  internHired: boolean | null;
  universityTie: boolean | null;
  newOverseasBusiness: boolean | null;
  notes: string | null;
}

export interface HostOutcomeView {
  placement: PlacementRow;
  milestone: OutcomeMilestone;
  dueOn: string;
  closesOn: string;
  today: string;
  open: boolean;
  answers: OutcomeAnswers | null;
  answeredAt: Date | null;
}

async function completedPlacement(ctx: ServiceContext, actor: Actor | null, placementId: string, months: unknown) {
  const { who, placement } = await hostPlacement(ctx.db, actor, placementId);
  if (placement.status !== "completed" || !isOutcomeMilestone(months)) throw new NotFoundError("outcome");
  const milestone = Number(months) as OutcomeMilestone;
  return { who, placement, milestone, window: outcomeWindow(placement.endsOn, milestone), today: tokyoToday(ctx.clock()) };
}

async function readAnswers(ctx: ServiceContext, placementId: string, milestone: OutcomeMilestone) {
  return ctx.db
    .selectFrom("outcome_followups")
    .select(["id", "intern_hired", "university_tie", "new_overseas_business", "notes", "answered_at"])
    .where("placement_id", "=", placementId)
    .where("months_after", "=", milestone)
    .executeTakeFirst();
}

export async function getHostOutcome(ctx: ServiceContext, actor: Actor | null, placementId: string, months: unknown): Promise<HostOutcomeView> {
  const { placement, milestone, window, today } = await completedPlacement(ctx, actor, placementId, months);
  const row = await readAnswers(ctx, placement.id, milestone);
  return {
    placement,
    milestone,
    dueOn: window.dueOn,
    closesOn: window.closesOn,
    today,
    open: outcomeOpen(placement.endsOn, milestone, today),
    answers:
      row?.answered_at != null
        ? { internHired: row.intern_hired, universityTie: row.university_tie, newOverseasBusiness: row.new_overseas_business, notes: row.notes }
        : null,
    answeredAt: row?.answered_at ?? null,
  };
}

const yesNo = z.enum(["yes", "no"], { error: "errors.chooseOne" });
const schema = z.object({
  placementId: requiredText(64),
  months: requiredText(4),
  internHired: yesNo,
  universityTie: yesNo,
  newOverseasBusiness: yesNo,
  notes: optionalText(2000),
});

/** The host answers (or changes its answers to) one milestone while it is open. */
export async function answerOutcome(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const input = parseInput(schema, raw);
  const { who, placement, milestone, window, today } = await completedPlacement(ctx, actor, input.placementId, input.months);
  if (!outcomeOpen(placement.endsOn, milestone, today)) {
    throw new RefusedError("internshipOutcomes.refusals", [
      { code: today < window.dueOn ? "not_yet" : "closed", dueOn: window.dueOn, closesOn: window.closesOn },
    ]);
  }
  const now = ctx.clock();
  const answers = {
    intern_hired: input.internHired === "yes",
    university_tie: input.universityTie === "yes",
    new_overseas_business: input.newOverseasBusiness === "yes",
    notes: input.notes,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("outcome_followups")
      .select(["intern_hired", "university_tie", "new_overseas_business", "answered_at"])
      .where("placement_id", "=", placement.id)
      .where("months_after", "=", milestone)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("outcome_followups")
      .values({
        id: crypto.randomUUID(),
        placement_id: placement.id,
        months_after: milestone,
        due_on: window.dueOn,
        recorded_at: now,
        answered_at: now,
        answered_by: who.userId,
        ...answers,
      })
      .onConflict((oc) => oc.columns(["placement_id", "months_after"]).doUpdateSet({ ...answers, answered_at: now, answered_by: who.userId }))
      .execute();
    await writeAudit(trx, who, {
      action: "outcome.answer",
      entityType: "placement",
      entityId: placement.id,
      before: before?.answered_at
        ? { months: milestone, internHired: before.intern_hired, universityTie: before.university_tie, newOverseasBusiness: before.new_overseas_business }
        : null,
      after: {
        months: milestone,
        internHired: answers.intern_hired,
        universityTie: answers.university_tie,
        newOverseasBusiness: answers.new_overseas_business,
      },
    });
  });
}
