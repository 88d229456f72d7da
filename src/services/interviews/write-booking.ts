/**
 * What booking, moving or cancelling an interview writes, once the rules (src/domain/interviews/booking.ts) have
 * allowed it on locked rows: the interview at the slot's time (a new row, or the applicant's existing one for the
 * stage, with a higher calendar SEQUENCE) or cancelled, and the e-mail with its calendar file (a CANCEL for a
 * cancellation), in the caller's transaction. Used by the selection's interviews and the hosts' interviews in matching.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../db/schema.ts";
import { nextIcsSequence } from "../../domain/interviews/index.ts";
import type { ServiceContext } from "../context.ts";
import { type SlotForMail, applicantOf, bookingMail } from "./interview-mail.ts";

export interface Booking {
  slot: Selectable<Database["interview_slots"]>;
  /** The applicant's interview for this stage (and position), if any: it is moved rather than a new one made. */
  existing: { id: string; icsSequence: number } | null;
  /** Whether the applicant held a scheduled place (a move) or not (a booking). */
  moving: boolean;
  applicationId: string;
  roundId: string;
  stage: string;
  positionId?: string;
  /** The calendar entry's stage (its UID): one per applicant and stage, or per applicant and position. */
  icsStage: string;
  /** The page the e-mail links to (the selection's interview page unless given). */
  pageUrl?: (locale: string) => string;
}

export async function writeBooking(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  b: Booking,
): Promise<{ kind: "booked" | "moved"; interviewId: string; sequence: number }> {
  const kind = b.moving ? "moved" : "booked";
  const sequence = b.existing ? nextIcsSequence(b.existing.icsSequence) : 0;
  const values = {
    slot_id: b.slot.id,
    starts_at: b.slot.starts_at,
    ends_at: b.slot.ends_at,
    meeting_url: b.slot.meeting_url,
    status: "scheduled",
    ics_sequence: sequence,
    booked_at: ctx.clock(),
    // a moved interview is reminded of again, at its new time (ADR 0033)
    reminder_sent_at: null,
  };
  let interviewId: string;
  if (b.existing) {
    interviewId = b.existing.id;
    await trx.updateTable("interviews").set(values).where("id", "=", b.existing.id).execute();
  } else {
    interviewId = crypto.randomUUID();
    await trx
      .insertInto("interviews")
      .values({
        id: interviewId,
        application_id: b.applicationId,
        round_id: b.roundId,
        stage: b.stage,
        ...(b.positionId ? { position_id: b.positionId } : {}),
        ...values,
      })
      .execute();
  }
  const person = await applicantOf(trx, b.applicationId);
  if (person) {
    const slot = { startsAt: b.slot.starts_at, endsAt: b.slot.ends_at, place: b.slot.place, meetingUrl: b.slot.meeting_url, stage: b.icsStage };
    await ctx.mailer.queue(bookingMail(ctx, person, slot, sequence, kind, b.pageUrl?.(person.locale)), trx);
  }
  return { kind, interviewId, sequence };
}

/** Cancels a scheduled interview: a higher SEQUENCE, and the cancellation e-mail when the interview had a time. */
export async function writeCancellation(
  ctx: ServiceContext,
  trx: Kysely<Database>,
  c: { interviewId: string; icsSequence: number; applicationId: string; slot: SlotForMail | null; pageUrl?: (locale: string) => string },
): Promise<{ sequence: number }> {
  const sequence = nextIcsSequence(c.icsSequence);
  await trx.updateTable("interviews").set({ status: "cancelled", ics_sequence: sequence }).where("id", "=", c.interviewId).execute();
  const person = await applicantOf(trx, c.applicationId);
  if (person && c.slot) await ctx.mailer.queue(bookingMail(ctx, person, c.slot, sequence, "cancelled", c.pageUrl?.(person.locale)), trx);
  return { sequence };
}
