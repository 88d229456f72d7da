import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { OFFER_RESPONSE_DAYS, positionsOfRound, takeSnapshot } from "./matching-record.ts";
import { publicationMails } from "./offer-mail.ts";

/**
 * The operator publishes a run the committee approved (`reviewed`, ADR 0034): every match becomes
 * a pending offer with an answer deadline, the round's matching is published, the stage's other
 * runs are discarded, and unanswered offers of earlier stages past their deadline are withdrawn
 * (their seats were free in this run). Every applicant of the run is e-mailed their offer or that
 * they have none, and every member of a host with offers is asked to confirm them.
 * Refused when the run is not reviewed, failed verification, when its inputs changed since it ran
 * (hash), or when it is not the round's open stage any more.
 */
export async function publishMatchingRun(ctx: ServiceContext, actor: Actor | null, runId: string): Promise<void> {
  const who = authorize(actor, "round.manage");
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new NotFoundError("matching_run");
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const run = await trx.selectFrom("matching_runs").selectAll().where("id", "=", runId).forUpdate().executeTakeFirst();
    if (!run) throw new NotFoundError("matching_run");
    await trx.selectFrom("rounds").select("id").where("id", "=", run.round_id).forUpdate().execute();
    if (run.status === "computed") throw new RefusedError("matchingOffersStaff.refusals", [{ code: "not_reviewed" }]);
    if (run.status !== "reviewed") throw new RefusedError("matchingStaff.refusals", [{ code: "not_computed", status: run.status }]);
    const verification = await trx.selectFrom("matching_verifications").select(["stable", "feasible"]).where("run_id", "=", run.id).executeTakeFirst();
    if (!verification?.stable || !verification.feasible) throw new RefusedError("matchingStaff.refusals", [{ code: "not_verified" }]);
    const current = await takeSnapshot(trx, run.round_id, now);
    if (current.stage !== run.stage) throw new RefusedError("matchingStaff.refusals", [{ code: "stage_published", stage: run.stage }]);
    if (current.hash !== run.input_hash) throw new RefusedError("matchingStaff.refusals", [{ code: "inputs_changed" }]);
    const expired = await trx
      .selectFrom("offers as o")
      .innerJoin("matching_runs as r", "r.id", "o.run_id")
      .select("o.id")
      .where("r.round_id", "=", run.round_id)
      .where("o.status", "=", "pending")
      .where("o.respond_by", "<=", now)
      .execute();
    if (expired.length > 0) {
      await trx
        .updateTable("offers")
        .set({ status: "withdrawn", responded_at: now })
        .where(
          "id",
          "in",
          expired.map((e) => e.id),
        )
        .execute();
    }
    const results = await trx
      .selectFrom("matching_results")
      .select(["application_id", "position_id"])
      .where("run_id", "=", run.id)
      .where("position_id", "is not", null)
      .execute();
    const respondBy = new Date(now.getTime() + OFFER_RESPONSE_DAYS * 24 * 60 * 60 * 1000);
    if (results.length > 0) {
      await trx
        .insertInto("offers")
        .values(
          results.map((r) => ({
            id: crypto.randomUUID(),
            run_id: run.id,
            application_id: r.application_id,
            position_id: r.position_id!,
            status: "pending",
            respond_by: respondBy,
            created_at: now,
          })),
        )
        .execute();
    }
    await trx.updateTable("matching_runs").set({ status: "published", published_at: now }).where("id", "=", run.id).execute();
    await trx
      .updateTable("matching_runs")
      .set({ status: "discarded" })
      .where("round_id", "=", run.round_id)
      .where("stage", "=", run.stage)
      .where("status", "in", ["computed", "reviewed"])
      .execute();
    const applicants = await trx.selectFrom("matching_results").select("application_id").where("run_id", "=", run.id).orderBy("application_id").execute();
    const positionInfo = new Map((await positionsOfRound(trx, run.round_id)).map((p) => [p.id, p]));
    const mails = await publicationMails(trx, ctx, {
      applicationIds: applicants.map((a) => a.application_id),
      offers: results.map((r) => {
        const p = positionInfo.get(r.position_id!)!;
        return {
          applicationId: r.application_id,
          positionId: p.id,
          title: p.title,
          organizationJa: p.organizationJa,
          organizationEn: p.organizationEn,
          organizationId: p.organizationId,
        };
      }),
      respondBy,
      stage: run.stage,
    });
    await ctx.mailer.queueAll(mails, trx);
    await trx.updateTable("rounds").set({ matching_published: true, updated_at: now }).where("id", "=", run.round_id).execute();
    await writeAudit(trx, who, {
      action: "matching.publish",
      entityType: "matching_run",
      entityId: run.id,
      before: { status: run.status },
      after: { status: "published", offers: results.length, expiredOffersWithdrawn: expired.length, emails: mails.length },
    });
  });
}
