/**
 * Host interviews in matching (ADR 0037) reuse the selection's interview slots and bookings: a
 * slot of stage `host` carries its position, a booking (an `interviews` row) carries the same
 * position. One booking per applicant and position; the calendar file's UID is per applicant and
 * position (stage `host-<position>`), so a move updates the same event.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export const HOST_STAGE = "host";

/** The calendar stage of a host interview: one UID per applicant and position. */
export function hostIcsStage(positionId: string): string {
  return `${HOST_STAGE}-${positionId}`;
}

export interface MatchingInterview {
  id: string;
  slotId: string | null;
  status: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  meetingUrl: string | null;
  icsSequence: number;
}

/** The applicant's host interview for a position (any status but cancelled), or null. */
export async function matchingInterviewOf(db: Kysely<Database>, applicationId: string, positionId: string): Promise<MatchingInterview | null> {
  const row = await db
    .selectFrom("interviews as i")
    .leftJoin("interview_slots as s", "s.id", "i.slot_id")
    .select(["i.id", "i.slot_id", "i.status", "i.starts_at", "i.ends_at", "s.place", "i.meeting_url", "i.ics_sequence"])
    .where("i.application_id", "=", applicationId)
    .where("i.position_id", "=", positionId)
    .where("i.status", "!=", "cancelled")
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        slotId: row.slot_id,
        status: row.status,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        place: row.place,
        meetingUrl: row.meeting_url,
        icsSequence: row.ics_sequence,
      }
    : null;
}

export interface HostSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  meetingUrl: string | null;
  capacity: number;
  booked: number;
  cancelled: boolean;
}

/** A position's host interview slots, earliest first, with how many are booked. */
export async function hostSlotsOf(db: Kysely<Database>, positionId: string): Promise<HostSlot[]> {
  const rows = await db
    .selectFrom("interview_slots as s")
    .select([
      "s.id",
      "s.starts_at",
      "s.ends_at",
      "s.place",
      "s.meeting_url",
      "s.capacity",
      "s.cancelled_at",
      (eb) =>
        eb
          .selectFrom("interviews as i")
          .select((e) => e.fn.countAll<string>().as("n"))
          .whereRef("i.slot_id", "=", "s.id")
          .where("i.status", "in", ["scheduled", "done"])
          .as("booked"),
    ])
    .where("s.position_id", "=", positionId)
    .where("s.stage", "=", HOST_STAGE)
    .orderBy("s.starts_at")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    meetingUrl: r.meeting_url,
    capacity: r.capacity,
    booked: Number(r.booked ?? 0),
    cancelled: r.cancelled_at !== null,
  }));
}
