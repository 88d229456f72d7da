import { type EligibilityResult, type Unmet, blockingUnmet } from "../../domain/eligibility.ts";
import { type NextStep, nextStepFor } from "../../domain/next-steps.ts";
import { takesApplications } from "../../domain/round-phases.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import type { Step } from "./application-steps.ts";
import { type LoadedApplication, completedSteps, eligibilityOf, loadApplication, loadEligibilityRules } from "./application-record.ts";
import { type OpenRound, getOpenRound } from "./get-open-round.ts";

export interface MyApplication {
  round: OpenRound | null;
  application: LoadedApplication | null;
  eligibility: { raw: EligibilityResult; effective: EligibilityResult } | null;
  completed: Step[];
  /** Unmet rules the applicant cannot change (age, nationality, past participation), after overrides: they are told at once and not offered Submit. */
  blocking: Unmet[];
  /** What comes next for a submitted application, and by when (the round's deadlines). */
  next: NextStep | null;
  /** Editable: a draft in a round that still takes applications, before its close. */
  editable: boolean;
}

/** The signed-in applicant's application (in the open round, or their latest one) with its eligibility. */
export async function getMyApplication(ctx: ServiceContext, actor: Actor | null): Promise<MyApplication> {
  const who = authorize(actor, "application.manage");
  const round = await getOpenRound(ctx);
  const row = await ctx.db
    .selectFrom("applications")
    .select(["id", "round_id"])
    .where("applicant_user_id", "=", who.userId)
    .orderBy((eb) =>
      eb
        .case()
        .when("round_id", "=", round?.id ?? "")
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  const application = row ? await loadApplication(ctx.db, row.id) : null;
  if (!application)
    return {
      round,
      application: null,
      eligibility: null,
      completed: [],
      blocking: [],
      next: null,
      editable: Boolean(round && takesApplications(round, ctx.clock())),
    };
  const [rules, deadlines] = await Promise.all([
    loadEligibilityRules(ctx.db, application.roundId),
    ctx.db.selectFrom("round_deadlines").select(["kind", "due_at"]).where("round_id", "=", application.roundId).execute(),
  ]);
  const sameRound = round?.id === application.roundId;
  const eligibility = eligibilityOf(application, rules);
  return {
    round,
    application,
    eligibility,
    completed: completedSteps(application),
    blocking: blockingUnmet(eligibility.effective.unmet),
    next: nextStepFor(application.status, Object.fromEntries(deadlines.map((d) => [d.kind, d.due_at]))),
    editable: application.status === "draft" && sameRound && takesApplications(round!, ctx.clock()),
  };
}
