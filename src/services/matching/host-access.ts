/**
 * A host member's access to a position in matching: the position must belong to a host
 * application of the caller's organization (another organization's position is a 404, as
 * every "exists but not yours"). Also the position's shortlist: the round's selected
 * applicants who listed the position in their submitted rank list (open ranking, issue 15).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { requireMembership } from "../hosts/membership.ts";
import { MATCHING_APPLICATION_STATUSES } from "./matching-record.ts";

export interface MyPosition {
  actor: Actor;
  organizationId: string;
  positionId: string;
  roundId: string;
  title: string;
  capacity: number;
}

export async function requireMyPosition(db: Kysely<Database>, actor: Actor | null, positionId: string): Promise<MyPosition> {
  const m = await requireMembership(db, actor);
  if (!/^[0-9a-f-]{36}$/.test(positionId)) throw new NotFoundError("position");
  const p = await db
    .selectFrom("positions as p")
    .innerJoin("host_applications as ha", "ha.id", "p.host_application_id")
    .select(["p.id", "p.title", "p.capacity", "ha.round_id", "ha.organization_id", "ha.status"])
    .where("p.id", "=", positionId)
    .executeTakeFirst();
  if (!p || p.organization_id !== m.organizationId || p.status !== "accepted") throw new NotFoundError("position");
  return { actor: m.actor, organizationId: m.organizationId, positionId: p.id, roundId: p.round_id, title: p.title, capacity: p.capacity };
}

/**
 * Application ids on a position's shortlist: in an office-shortlist round (ADR 0037) the ones the
 * program office recorded; in open ranking the ones who listed the position in a submitted list.
 */
export async function shortlistOf(db: Kysely<Database>, roundId: string, positionId: string): Promise<string[]> {
  const round = await db.selectFrom("rounds").select("matching_mode").where("id", "=", roundId).executeTakeFirst();
  if (round?.matching_mode === "office_shortlist") return officeShortlistOf(db, positionId);
  return listedBy(db, roundId, positionId);
}

/** The round's applicants still in matching who listed a position in their submitted rank list. */
export async function listedBy(db: Kysely<Database>, roundId: string, positionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("rank_list_entries as e")
    .innerJoin("rank_lists as l", "l.id", "e.rank_list_id")
    .innerJoin("applications as a", "a.id", "l.application_id")
    .select("a.id")
    .where("l.round_id", "=", roundId)
    .where("l.side", "=", "applicant")
    .where("l.submitted_at", "is not", null)
    .where("e.position_id", "=", positionId)
    .where("a.status", "in", [...MATCHING_APPLICATION_STATUSES])
    .orderBy("a.receipt_number")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => r.id);
}

/** The program office's recorded shortlist of a position (applications still in matching). */
export async function officeShortlistOf(db: Kysely<Database>, positionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("matching_shortlists as s")
    .innerJoin("applications as a", "a.id", "s.application_id")
    .select("a.id")
    .where("s.position_id", "=", positionId)
    .where("a.status", "in", [...MATCHING_APPLICATION_STATUSES])
    .orderBy("a.receipt_number")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => r.id);
}

/** The positions an application is shortlisted for by the program office (office-shortlist rounds). */
export async function positionsShortlistedFor(db: Kysely<Database>, applicationId: string): Promise<string[]> {
  const rows = await db.selectFrom("matching_shortlists").select("position_id").where("application_id", "=", applicationId).execute();
  return rows.map((r) => r.position_id);
}
