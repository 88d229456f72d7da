import { z } from "zod";
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "../../domain/internship/survey.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { authorize } from "../authorize.ts";
import { findPlacement, hostPlacement, myPlacement } from "./placement-access.ts";
import { NotFoundError } from "../errors.ts";

const schema = z.object({
  placementId: requiredText(64),
  category: z.enum(INCIDENT_CATEGORIES, { error: "errors.chooseOne" }),
  severity: z.enum(INCIDENT_SEVERITIES, { error: "errors.chooseOne" }),
  description: requiredText(4000),
  confidentialNotes: optionalText(4000),
});

/** The intern reports about their own current placement (no id in their form). */
async function internsPlacement(ctx: ServiceContext, actor: Actor | null) {
  const { who, placement } = await myPlacement(ctx.db, actor);
  if (!placement) throw new NotFoundError("placement");
  return { who, placement };
}

/**
 * An incident during a placement (health, safety, conduct, work, housing),
 * reported by the operator, by a host member of the placement's company, or
 * by the intern (their own current placement; ADR 0039), with its severity.
 * Confidential notes are kept for operators only: a host or an intern
 * cannot write them (they are dropped) and never reads them.
 */
export async function reportIncident(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const host = actor?.role === "host";
  const intern = actor?.role === "applicant";
  const input = parseInput(schema, intern ? { ...(raw as object), placementId: "own" } : raw);
  const { who, placement } = host
    ? await hostPlacement(ctx.db, actor, input.placementId)
    : intern
      ? await internsPlacement(ctx, actor)
      : { who: authorize(actor, "placement.manage"), placement: await findPlacement(ctx.db, input.placementId) };
  const id = crypto.randomUUID();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("incidents")
      .values({
        id,
        placement_id: placement.id,
        category: input.category,
        severity: input.severity,
        description: input.description,
        confidential_notes: host || intern ? null : input.confidentialNotes,
        reported_by: who.userId,
        reported_at: now,
      })
      .execute();
    await writeAudit(trx, who, {
      action: "incident.report",
      entityType: "incident",
      entityId: id,
      after: { placementId: placement.id, category: input.category, severity: input.severity },
    });
  });
  return { id };
}
