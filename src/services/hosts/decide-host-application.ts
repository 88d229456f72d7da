import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { decisionSchema } from "./host-schemas.ts";

/** Accept, decline or ask for changes, with a reason; every member of the organization is told in Japanese. */
export async function decideHostApplication(ctx: ServiceContext, actor: Actor | null, id: string, raw: unknown): Promise<{ decision: string }> {
  const who = authorize(actor, "hosts.decide");
  const input = parseInput(decisionSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("host_applications")
      .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
      .select([
        "host_applications.status",
        "host_applications.receipt_number",
        "host_applications.round_id",
        "host_organizations.id as org_id",
        "host_organizations.name_ja",
      ])
      .where("host_applications.id", "=", id)
      .executeTakeFirst();
    if (!app || app.status === "draft") throw new NotFoundError("host_application");
    if (app.status !== "submitted") throw new RefusedError("hostScreening.refusals", [{ code: "not_submitted" }]);
    await trx
      .updateTable("host_applications")
      .set({ status: input.decision, decision_reason: input.reason, decided_by: who.userId, decided_at: ctx.clock(), updated_at: ctx.clock() })
      .where("id", "=", id)
      .execute();
    await writeAudit(trx, who, {
      action: "host_application.decide",
      entityType: "host_application",
      entityId: id,
      before: { status: app.status },
      after: { status: input.decision, reason: input.reason },
    });
    const members = await trx
      .selectFrom("host_memberships")
      .innerJoin("user", "user.id", "host_memberships.user_id")
      .select(["user.email"])
      .where("host_memberships.organization_id", "=", app.org_id)
      .execute();
    await ctx.mailer.queueAll(
      members.map((m) => ({
        to: m.email,
        template: "hostDecision",
        locale: "ja",
        params: {
          organization: app.name_ja,
          receipt: app.receipt_number ?? "",
          decision: input.decision,
          reason: input.reason,
          url: `${ctx.publicUrl}/ja/host/rounds/${app.round_id}`,
        },
      })),
      trx,
    );
  });
  return { decision: input.decision };
}
