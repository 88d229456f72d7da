/**
 * Follow-up actions on an incident (issue 16 item 8, ADR 0039): the operator
 * adds what must be done by when, and marks each done. Operators only: the
 * host's and the intern's pages never show them. Audited.
 */
import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { isoDate, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";

const addSchema = z.object({ incidentId: requiredText(64), action: requiredText(2000), dueOn: isoDate });

/** Adds a follow-up action with its due date to an incident (open or resolved: a resolution may still need follow-up). */
export async function addIncidentAction(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(addSchema, raw);
  const id = crypto.randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom("incidents").select("id").where("id", "=", input.incidentId).executeTakeFirst();
    if (!incident) throw new NotFoundError("incident");
    await trx
      .insertInto("incident_actions")
      .values({ id, incident_id: incident.id, description: input.action, due_on: input.dueOn, created_by: who.userId, created_at: ctx.clock() })
      .execute();
    await writeAudit(trx, who, { action: "incident.action.add", entityType: "incident", entityId: incident.id, after: { id, dueOn: input.dueOn } });
  });
  return { id };
}

const doneSchema = z.object({ actionId: requiredText(64) });

/** Marks a follow-up action done; an action is done once. */
export async function completeIncidentAction(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(doneSchema, raw);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("incident_actions")
      .select(["id", "incident_id", "done_at"])
      .where("id", "=", input.actionId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError("incident_action");
    if (row.done_at) throw new RefusedError("internshipOutcomes.refusals", [{ code: "action_done" }]);
    await trx.updateTable("incident_actions").set({ done_at: ctx.clock(), done_by: who.userId }).where("id", "=", row.id).execute();
    await writeAudit(trx, who, {
      action: "incident.action.done",
      entityType: "incident",
      entityId: row.incident_id,
      before: { id: row.id, done: false },
      after: { id: row.id, done: true },
    });
  });
}
