/**
 * Incidents as a host member or an intern sees them (issue 16 item 8, ADR
 * 0039): what was reported, its category, severity, status and resolution —
 * never the operator's confidential notes (the query does not read them) nor
 * the operator's follow-up actions.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { personName } from "../../domain/person-name.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { requireMembership } from "../hosts/membership.ts";
import { myPlacement, placementQuery, toPlacementRow } from "./placement-access.ts";

export interface SharedIncident {
  id: string;
  placementId: string;
  internName: string;
  category: string;
  severity: string;
  description: string;
  status: string;
  reportedAt: Date;
  reporterRole: string | null;
  resolution: string | null;
  resolvedAt: Date | null;
}

/**
 * Incidents with their intern's name, open first and newest first: what every incident list shows. It does not read
 * the confidential notes; the operator's list adds them.
 */
export function incidentRows(db: Kysely<Database>) {
  return db
    .selectFrom("incidents")
    .innerJoin("placements", "placements.id", "incidents.placement_id")
    .innerJoin("applications", "applications.id", "placements.application_id")
    .leftJoin("user", "user.id", "incidents.reported_by")
    .select([
      "incidents.id",
      "incidents.placement_id",
      "applications.family_name",
      "applications.given_name",
      "applications.nationality",
      "incidents.category",
      "incidents.severity",
      "incidents.description",
      "incidents.status",
      "incidents.reported_at",
      "user.role",
      "incidents.resolution",
      "incidents.resolved_at",
    ])
    .orderBy("incidents.status")
    .orderBy("incidents.reported_at", "desc");
}

/** A host's or an intern's list: at most 500 (the newest of those resolved drop off first). */
function sharedIncidents(db: Kysely<Database>) {
  return incidentRows(db).limit(500);
}

type Raw = Awaited<ReturnType<ReturnType<typeof incidentRows>["execute"]>>[number];

/** An incident row as every side may see it (no confidential notes). */
export function toShared(r: Raw): SharedIncident {
  return {
    id: r.id,
    placementId: r.placement_id,
    internName: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
    category: r.category,
    severity: r.severity,
    description: r.description,
    status: r.status,
    reportedAt: r.reported_at,
    reporterRole: r.role,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
  };
}

/**
 * The host's incidents page: the incidents its members and the program office recorded about its organization's
 * placements (open first, newest first) — not what an intern reported to the program office — and its placements to
 * report one for.
 */
export async function listHostIncidents(ctx: ServiceContext, actor: Actor | null) {
  authorize(actor, "internship.supervise");
  const m = await requireMembership(ctx.db, actor);
  const placements = (
    await placementQuery(ctx.db).where("host_organizations.id", "=", m.organizationId).where("placements.status", "!=", "replaced").execute()
  ).map(toPlacementRow);
  const ids = placements.map((p) => p.id);
  // What an intern reported goes to the program office only (their page says so): it may be about the host itself.
  const incidents =
    ids.length === 0
      ? []
      : (await sharedIncidents(ctx.db).where("incidents.placement_id", "in", ids).where("user.role", "in", ["host", "operator"]).execute()).map(toShared);
  return {
    incidents,
    placements: placements.sort((a, b) => a.internName.localeCompare(b.internName)).map((p) => ({ id: p.id, internName: p.internName })),
  };
}

/** The intern's incidents page: the incidents they reported themselves about their current placement. */
export async function listMyIncidents(ctx: ServiceContext, actor: Actor | null) {
  const { who, placement } = await myPlacement(ctx.db, actor);
  if (!placement) return { placement: null, incidents: [] };
  const incidents = (
    await sharedIncidents(ctx.db).where("incidents.placement_id", "=", placement.id).where("incidents.reported_by", "=", who.userId).execute()
  ).map(toShared);
  return { placement: { id: placement.id, status: placement.status }, incidents };
}
