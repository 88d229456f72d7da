/**
 * The signed-in applicant's application that takes part in the selection
 * interviews, their invitations and their current bookings (internal helper
 * of the applicant's interview use cases).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { BookingPolicy } from "../../domain/interviews/index.ts";

export async function myInterviewApplication(db: Kysely<Database>, userId: string, lock = false) {
  let q = db
    .selectFrom("applications")
    .select(["id", "round_id", "status"])
    .where("applicant_user_id", "=", userId)
    .where("status", "in", ["interview", "selected", "waitlisted", "rejected"])
    .orderBy("created_at", "desc")
    .limit(1);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function bookingPolicy(db: Kysely<Database>, roundId: string): Promise<BookingPolicy> {
  const round = await db.selectFrom("rounds").select(["interview_cutoff_hours"]).where("id", "=", roundId).executeTakeFirstOrThrow();
  return { cutoffMinutesBefore: round.interview_cutoff_hours * 60 };
}

/** The applicant's interview rows for the selection stages (any status), with their slot. */
export async function myInterviews(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom("interviews as i")
    .leftJoin("interview_slots as s", "s.id", "i.slot_id")
    .select(["i.id", "i.stage", "i.status", "i.slot_id", "i.ics_sequence", "i.starts_at", "i.ends_at", "s.place", "s.meeting_url"])
    .where("i.application_id", "=", applicationId)
    .where("i.position_id", "is", null)
    .execute();
}
