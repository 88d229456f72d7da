import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({ incidentId: requiredText(64), resolution: requiredText(4000) });

/** The operator resolves an open incident with what was done; a resolved incident stays resolved. */
export async function resolveIncident(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("incidents").select(["id", "status"]).where("id", "=", input.incidentId).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError("incident");
    if (row.status === "resolved") throw new RefusedError("internshipStaff.refusals", [{ code: "incident_resolved" }]);
    await trx
      .updateTable("incidents")
      .set({ status: "resolved", resolution: input.resolution, resolved_by: who.userId, resolved_at: now })
      .where("id", "=", row.id)
      .execute();
    await writeAudit(trx, who, {
      action: "incident.resolve",
      entityType: "incident",
      entityId: row.id,
      before: { status: "open" },
      after: { status: "resolved" },
    });
  });
}
