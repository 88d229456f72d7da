/**
 * The operator records the selection committee's approval of a computed run (issue 15, ADR 0034):
 * the date the committee approved it and its reference (minutes number). The run becomes
 * `reviewed`; only a reviewed run can be published. Refused when the run failed verification or
 * is not computed (already reviewed, published or discarded), or when its stage was published.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { isoDate, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({ approvedOn: isoDate, reference: requiredText(200) });

export async function approveMatchingRun(ctx: ServiceContext, actor: Actor | null, input: { runId: string; form: unknown }): Promise<void> {
  const who = authorize(actor, "round.manage");
  if (!/^[0-9a-f-]{36}$/.test(input.runId)) throw new NotFoundError("matching_run");
  const form = parseInput(schema, input.form);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom("matching_runs")
      .select(["id", "round_id", "stage", "status"])
      .where("id", "=", input.runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw new NotFoundError("matching_run");
    if (run.status !== "computed") throw new RefusedError("matchingOffersStaff.refusals", [{ code: "not_computed", status: run.status }]);
    const verification = await trx.selectFrom("matching_verifications").select(["stable", "feasible"]).where("run_id", "=", run.id).executeTakeFirst();
    if (!verification?.stable || !verification.feasible) throw new RefusedError("matchingOffersStaff.refusals", [{ code: "not_verified" }]);
    const published = await trx
      .selectFrom("matching_runs")
      .select("id")
      .where("round_id", "=", run.round_id)
      .where("stage", "=", run.stage)
      .where("status", "=", "published")
      .executeTakeFirst();
    if (published) throw new RefusedError("matchingOffersStaff.refusals", [{ code: "stage_published", stage: run.stage }]);
    await trx
      .updateTable("matching_runs")
      .set({ status: "reviewed", reviewed_at: now, reviewed_by: who.userId, committee_approved_on: form.approvedOn, committee_reference: form.reference })
      .where("id", "=", run.id)
      .execute();
    await writeAudit(trx, who, {
      action: "matching.committee_approval",
      entityType: "matching_run",
      entityId: run.id,
      before: { status: run.status },
      after: { status: "reviewed", approvedOn: form.approvedOn, reference: form.reference },
    });
  });
}
