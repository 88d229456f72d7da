/**
 * The operator's view of a round's interviews (issue 14): the slots with their
 * interviewer and bookings, how many were invited, and the staff who can
 * interview.
 */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { personName } from "../../domain/person-name.ts";
import { panelNamesOf } from "./interview-panel.ts";

export interface OperatorSlot {
  id: string;
  stage: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  interviewer: string;
  place: string | null;
  meetingUrl: string | null;
  cancelled: boolean;
  booked: { interviewId: string; receiptNumber: string | null; name: string; status: string }[];
}

export async function listInterviewSlots(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "interview.manage");
  const round = await ctx.db
    .selectFrom("rounds")
    .select(["id", "name_ja", "name_en", "phase", "interview_cutoff_hours"])
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const slots = await ctx.db
    .selectFrom("interview_slots as s")
    .innerJoin("user as u", "u.id", "s.interviewer_user_id")
    .select(["s.id", "s.stage", "s.starts_at", "s.ends_at", "s.capacity", "s.place", "s.meeting_url", "s.cancelled_at", "u.name as interviewer"])
    .where("s.round_id", "=", roundId)
    // the hosts' interview slots in matching (ADR 0037) are theirs, not the selection's
    .where("s.position_id", "is", null)
    .orderBy("s.starts_at")
    .orderBy("u.name")
    .execute();
  const panels = await panelNamesOf(
    ctx.db,
    slots.map((s) => s.id),
  );
  const bookings = await ctx.db
    .selectFrom("interviews as i")
    .innerJoin("applications as a", "a.id", "i.application_id")
    .select(["i.id", "i.slot_id", "i.status", "a.receipt_number", "a.family_name", "a.given_name", "a.nationality"])
    .where("i.round_id", "=", roundId)
    .where("i.position_id", "is", null)
    .where("i.status", "!=", "cancelled")
    .execute();
  const invited = await ctx.db
    .selectFrom("interview_invitations")
    .select(["stage", (eb) => eb.fn.countAll<string>().as("n")])
    .where("round_id", "=", roundId)
    .groupBy("stage")
    .execute();
  const waiting = await ctx.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("round_id", "=", roundId)
    .where("status", "=", "interview")
    .executeTakeFirstOrThrow();
  const staff = await ctx.db.selectFrom("user").select(["id", "name", "email"]).where("role", "in", ["operator", "reviewer"]).orderBy("name").execute();
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, phase: round.phase, cutoffHours: round.interview_cutoff_hours },
    slots: slots.map((s): OperatorSlot => ({
      id: s.id,
      stage: s.stage,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      capacity: s.capacity,
      interviewer: [s.interviewer, ...(panels.get(s.id) ?? [])].join(", "),
      place: s.place,
      meetingUrl: s.meeting_url,
      cancelled: s.cancelled_at !== null,
      booked: bookings
        .filter((b) => b.slot_id === s.id)
        .map((b) => ({
          interviewId: b.id,
          receiptNumber: b.receipt_number,
          name: personName({ familyName: b.family_name, givenName: b.given_name, nationality: b.nationality }) ?? "",
          status: b.status,
        })),
    })),
    invited: Object.fromEntries(invited.map((r) => [r.stage, Number(r.n)])) as Record<string, number>,
    inInterviewStatus: Number(waiting.n),
    staff: staff.map((s) => ({ id: s.id, label: `${s.name} <${s.email}>` })),
  };
}
