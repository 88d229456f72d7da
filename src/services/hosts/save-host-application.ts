/** The host saves its agreement, goals and support plan (creating the draft on first save) while it may still be edited. Audited. */
import { parseInput } from "../validation.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { hostApplicationSchema } from "./host-schemas.ts";
import { requireMembership } from "./membership.ts";
import { editableApplication } from "./host-application-record.ts";

export async function saveHostApplication(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ id: string }> {
  const m = await requireMembership(ctx.db, actor);
  const input = parseInput(hostApplicationSchema, raw);
  return ctx.db.transaction().execute(async (trx) => {
    const app = await editableApplication(trx, ctx, m, roundId, true);
    const after = {
      agrees_with_purpose: true,
      goals: input.goals,
      goals_description: input.goalsDescription,
      supervisor_name: input.supervisorName,
      work_guidance: input.workGuidance,
      housing_support: input.housingSupport,
      commuting_support: input.commutingSupport,
      insurance_support: input.insuranceSupport,
      arrival_support: input.arrivalSupport,
    };
    await trx
      .updateTable("host_applications")
      .set({ ...after, updated_at: ctx.clock() })
      .where("id", "=", app.id)
      .execute();
    await writeAudit(trx, m.actor, { action: "host_application.save", entityType: "host_application", entityId: app.id, after });
    return { id: app.id };
  });
}
