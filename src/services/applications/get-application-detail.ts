import type { EligibilityResult } from "../../domain/eligibility.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type LoadedApplication, eligibilityOf, loadApplication, loadEligibilityRules } from "./application-record.ts";

export interface ApplicationDetail {
  application: LoadedApplication;
  eligibility: { raw: EligibilityResult; effective: EligibilityResult };
  history: { fromStatus: string | null; toStatus: string; reason: string | null; changedAt: Date }[];
}

/** One application with its eligibility (before and after overrides) and status history, for operators. */
export async function getApplicationDetail(ctx: ServiceContext, actor: Actor | null, applicationId: string): Promise<ApplicationDetail> {
  authorize(actor, "application.read");
  const application = await loadApplication(ctx.db, applicationId);
  if (!application) throw new NotFoundError("application");
  const [rules, history] = await Promise.all([
    loadEligibilityRules(ctx.db, application.roundId),
    ctx.db
      .selectFrom("application_status_history")
      .select(["from_status", "to_status", "reason", "changed_at"])
      .where("application_id", "=", applicationId)
      .orderBy("changed_at")
      .execute(),
  ]);
  return {
    application,
    eligibility: eligibilityOf(application, rules),
    history: history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, reason: h.reason, changedAt: h.changed_at })),
  };
}
