/**
 * Who may touch which placement (issue 16), shared by the internship use
 * cases: the intern (the applicant of the placement's application), a host
 * member of the organization that offered the position, any operator.
 * Someone else's placement looks like none (404) to an intern; a host member
 * of another organization is refused (403).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { instantToTokyoLocal } from "../../domain/time.ts";
import { authorize } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { findMembership } from "../hosts/membership.ts";
import { personName } from "../../domain/person-name.ts";

export interface PlacementRow {
  id: string;
  roundId: string;
  applicationId: string;
  applicantUserId: string | null;
  organizationId: string;
  positionId: string;
  positionTitle: string;
  cohort: string | null;
  mode: "in_person" | "online";
  startsOn: string;
  endsOn: string;
  /** the last day when the placement ended early (ADR 0035), else null */
  terminatedOn: string | null;
  status: string;
  internName: string;
  nationality: string | null;
  organizationNameJa: string;
  organizationNameEn: string | null;
  supervisorUserId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function placementQuery(db: Kysely<Database>) {
  return db
    .selectFrom("placements")
    .innerJoin("applications", "applications.id", "placements.application_id")
    .innerJoin("positions", "positions.id", "placements.position_id")
    .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
    .innerJoin("host_organizations", "host_organizations.id", "host_applications.organization_id")
    .select([
      "placements.id",
      "placements.round_id",
      "placements.application_id",
      "applications.applicant_user_id",
      "host_organizations.id as organization_id",
      "positions.id as position_id",
      "positions.title as position_title",
      "placements.cohort",
      "placements.mode",
      "placements.starts_on",
      "placements.ends_on",
      "placements.terminated_on",
      "placements.status",
      "applications.family_name",
      "applications.given_name",
      "applications.nationality",
      "host_organizations.name_ja",
      "host_organizations.name_en",
      "placements.supervisor_user_id",
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof placementQuery>["executeTakeFirstOrThrow"]>>;

export function toPlacementRow(r: Raw): PlacementRow {
  return {
    id: r.id,
    roundId: r.round_id,
    applicationId: r.application_id,
    applicantUserId: r.applicant_user_id,
    organizationId: r.organization_id,
    positionId: r.position_id,
    positionTitle: r.position_title,
    cohort: r.cohort,
    mode: r.mode as PlacementRow["mode"],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    terminatedOn: r.terminated_on,
    status: r.status,
    internName: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
    nationality: r.nationality,
    organizationNameJa: r.name_ja,
    organizationNameEn: r.name_en,
    supervisorUserId: r.supervisor_user_id,
  };
}

/** The placement by id, or NotFoundError. */
export async function findPlacement(db: Kysely<Database>, id: string): Promise<PlacementRow> {
  if (!UUID.test(id)) throw new NotFoundError("placement");
  const r = await placementQuery(db).where("placements.id", "=", id).executeTakeFirst();
  if (!r) throw new NotFoundError("placement");
  return toPlacementRow(r);
}

/** The signed-in intern's current placement (the latest one not replaced), or null. */
export async function myPlacement(db: Kysely<Database>, actor: Actor | null): Promise<{ who: Actor; placement: PlacementRow | null }> {
  const who = authorize(actor, "internship.participate");
  const r = await placementQuery(db)
    .where("applications.applicant_user_id", "=", who.userId)
    .where("placements.status", "!=", "replaced")
    .orderBy("placements.created_at", "desc")
    .executeTakeFirst();
  return { who, placement: r ? toPlacementRow(r) : null };
}

/** The intern's own placement by id; someone else's is a 404. */
export async function internPlacement(db: Kysely<Database>, actor: Actor | null, id: string): Promise<{ who: Actor; placement: PlacementRow }> {
  const who = authorize(actor, "internship.participate");
  const placement = await findPlacement(db, id);
  if (placement.applicantUserId !== who.userId) throw new NotFoundError("placement");
  return { who, placement };
}

/** A host member of the placement's organization; a member of another organization gets 403. */
export async function hostPlacement(db: Kysely<Database>, actor: Actor | null, id: string): Promise<{ who: Actor; placement: PlacementRow }> {
  const who = authorize(actor, "internship.supervise");
  const placement = await findPlacement(db, id);
  const m = await findMembership(db, who.userId);
  if (!m || m.organizationId !== placement.organizationId) throw new ForbiddenError("internship.supervise");
  return { who, placement };
}

/** Today's date in Asia/Tokyo (attendance and daily reports are kept in Japan time). */
export function tokyoToday(now: Date): string {
  return instantToTokyoLocal(now).slice(0, 10);
}

/** Records an application status change in its history (the contract between phases). */
export async function changeApplicationStatus(
  trx: Kysely<Database>,
  who: Actor,
  applicationId: string,
  from: string,
  to: string,
  now: Date,
  reason: string | null = null,
): Promise<void> {
  await trx.updateTable("applications").set({ status: to, updated_at: now }).where("id", "=", applicationId).execute();
  await trx
    .insertInto("application_status_history")
    .values({ application_id: applicationId, from_status: from, to_status: to, reason, changed_by: who.userId, changed_at: now })
    .execute();
}
