/**
 * Calendar files for interview bookings (iTIP, RFC 5546), written by the one
 * ICS writer in ../session-ics.ts.
 *
 * - One UID per applicant and stage (`interviewIcsUid`): it stays the same
 *   when the booking moves, so the applicant's calendar updates the event.
 * - SEQUENCE starts at 0 for the first booking; every later file for the same
 *   UID (a move, a change of link or place, a cancellation) carries a higher
 *   SEQUENCE. The use case stores the last SEQUENCE sent and asks
 *   `nextIcsSequence` for the next one.
 * - A booking or a move: METHOD:REQUEST, STATUS:CONFIRMED. A cancellation:
 *   METHOD:CANCEL, STATUS:CANCELLED, same UID, higher SEQUENCE.
 */
import { buildIcs, type IcsPerson } from "../session-ics.ts";

/** A UID that is the same for every file about one applicant's interview at one stage. */
export function interviewIcsUid(applicationId: string, roundId: string, stage: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, (ch) => `%${ch.codePointAt(0)!.toString(16).toUpperCase()}`);
  return `interview-${safe(roundId)}-${safe(stage)}-${safe(applicationId)}@jip-platform`;
}

/** The SEQUENCE of the next file for a UID: 0 when none was sent, else one more than the last. */
export function nextIcsSequence(lastSent: number | null): number {
  if (lastSent === null) return 0;
  if (!Number.isSafeInteger(lastSent) || lastSent < 0) throw new RangeError(`last SEQUENCE must be a non-negative integer, got ${lastSent}`);
  return lastSent + 1;
}

export interface InterviewIcs {
  readonly uid: string;
  readonly sequence: number;
  /** "request" for a booking or any change to it; "cancel" when the booking is cancelled */
  readonly action: "request" | "cancel";
  /** when the file is produced (DTSTAMP) */
  readonly stamp: Date;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly summary: string;
  readonly description?: string;
  /** a place, or the online link as text */
  readonly location?: string;
  /** the online meeting link */
  readonly url?: string;
  /** the program office's sending address */
  readonly organizer: IcsPerson;
  /** the applicant */
  readonly attendee: IcsPerson;
}

export function buildInterviewIcs(x: InterviewIcs): string {
  return buildIcs({
    uid: x.uid,
    sequence: x.sequence,
    method: x.action === "cancel" ? "CANCEL" : "REQUEST",
    status: x.action === "cancel" ? "CANCELLED" : "CONFIRMED",
    stamp: x.stamp,
    start: x.startsAt,
    end: x.endsAt,
    summary: x.summary,
    ...(x.description !== undefined ? { description: x.description } : {}),
    ...(x.location !== undefined ? { location: x.location } : {}),
    ...(x.url !== undefined ? { url: x.url } : {}),
    organizer: x.organizer,
    attendees: [x.attendee],
  });
}

/** The Content-Type for the e-mail attachment (the method parameter must match the file's METHOD). */
export function interviewIcsContentType(action: "request" | "cancel"): string {
  return `text/calendar; charset=utf-8; method=${action === "cancel" ? "CANCEL" : "REQUEST"}`;
}
