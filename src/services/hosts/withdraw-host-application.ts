import { hostApplicationWithdrawable } from "../../domain/host-organization.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { requireMembership } from "./membership.ts";

/**
 * An organization's admin withdraws its host application while it waits for
 * the program office's decision (issue 19 item 8); once decided it stays.
 */
export async function withdrawHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string): Promise<void> {
  const m = await requireMembership(ctx.db, actor, { admin: true });
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("host_applications")
      .select(["id", "status"])
      .where("round_id", "=", roundId)
      .where("organization_id", "=", m.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw new NotFoundError("host_application");
    if (!hostApplicationWithdrawable(app.status)) throw new RefusedError("hostEdit.refusals", [{ code: "not_withdrawable" }]);
    const now = ctx.clock();
    await trx.updateTable("host_applications").set({ status: "withdrawn", withdrawn_at: now, updated_at: now }).where("id", "=", app.id).execute();
    await writeAudit(trx, m.actor, {
      action: "host_application.withdraw",
      entityType: "host_application",
      entityId: app.id,
      before: { status: app.status },
      after: { status: "withdrawn" },
    });
  });
}
