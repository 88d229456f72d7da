import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { personName } from "../../domain/person-name.ts";
import { type SharedIncident, incidentRows, toShared } from "./list-shared-incidents.ts";

export interface IncidentView extends SharedIncident {
  confidentialNotes: string | null;
  /** the operator's follow-up actions (ADR 0039), by due date */
  actions: { id: string; description: string; dueOn: string; doneAt: Date | null }[];
}

/** The operator's incidents of a round (open first, newest first), confidential notes included, and the placements to report one for. */
export async function listIncidents(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
): Promise<{ round: { id: string; nameJa: string; nameEn: string }; incidents: IncidentView[]; placements: { id: string; internName: string }[] }> {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const rows = await incidentRows(ctx.db).select("incidents.confidential_notes").where("placements.round_id", "=", roundId).execute();
  const placements = await ctx.db
    .selectFrom("placements")
    .innerJoin("applications", "applications.id", "placements.application_id")
    .select(["placements.id", "applications.family_name", "applications.given_name", "applications.nationality"])
    .where("placements.round_id", "=", roundId)
    .orderBy("applications.family_name")
    .execute();
  const actions =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom("incident_actions")
          .select(["id", "incident_id", "description", "due_on", "done_at"])
          .where(
            "incident_id",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("due_on")
          .orderBy("created_at")
          .execute();
  const name = (r: { family_name: string | null; given_name: string | null; nationality: string | null }) =>
    personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "";
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en },
    incidents: rows.map((r) => ({
      ...toShared(r),
      confidentialNotes: r.confidential_notes,
      actions: actions.filter((a) => a.incident_id === r.id).map((a) => ({ id: a.id, description: a.description, dueOn: a.due_on, doneAt: a.done_at })),
    })),
    placements: placements.map((p) => ({ id: p.id, internName: name(p) })),
  };
}
