import { z } from "zod";
import { WITHDRAWABLE_STATUSES } from "../../domain/application-status.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError } from "../errors.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({ reason: z.string().trim().min(3, { error: "errors.reasonRequired" }).max(1000, { error: "errors.tooLong" }) });

/** The applicant withdraws their application, with a reason; recorded in the status history and the audit log. */
export async function withdrawApplication(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "application.manage");
  const { reason } = parseInput(schema, raw);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("applications")
      .select(["id", "status"])
      .where("applicant_user_id", "=", who.userId)
      .where("status", "in", [...WITHDRAWABLE_STATUSES])
      .orderBy("created_at", "desc")
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw new RefusedError("refusal", [{ code: "not_withdrawable" }]);
    await trx.updateTable("applications").set({ status: "withdrawn", withdrawn_reason: reason, updated_at: now }).where("id", "=", app.id).execute();
    await trx
      .insertInto("application_status_history")
      .values({ application_id: app.id, from_status: app.status, to_status: "withdrawn", reason, changed_by: who.userId, changed_at: now })
      .execute();
    await writeAudit(trx, who, {
      action: "application.withdraw",
      entityType: "application",
      entityId: app.id,
      before: { status: app.status },
      after: { status: "withdrawn" },
    });
  });
}
