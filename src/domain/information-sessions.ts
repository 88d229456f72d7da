/**
 * Information sessions: how they are held, who they are for, and the rules of
 * registering for one — when registration closes, the waiting list, and who
 * hears of a cancellation. Pure: the use cases in src/services/sessions/
 * gather the counts and apply these rules inside their transaction.
 */
import { deadlinePassed } from "./round-phases.ts";

export const SESSION_MODES = ["online", "in_person"] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_AUDIENCES = ["applicants", "hosts", "both"] as const;
export type SessionAudience = (typeof SESSION_AUDIENCES)[number];

export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Registration (and moving up from the waiting list) closes when the session starts: the program's one deadline boundary. */
export function registrationOpen(session: { startsAt: Date; cancelled: boolean }, now: Date): boolean {
  return !session.cancelled && !deadlinePassed(session.startsAt, now);
}

/**
 * The waiting-list policy, first come first served: a new registration takes
 * a place while one is free and nobody is waiting (no one jumps the queue);
 * otherwise it joins the waiting list.
 */
export function placeForNewRegistration(counts: { registered: number; waiting: number }, capacity: number): "registered" | "waitlisted" {
  return counts.registered < capacity && counts.waiting === 0 ? "registered" : "waitlisted";
}

/**
 * How many people move up from the waiting list now (the earliest registered
 * first): as many as places are free — after a cancellation or a larger
 * capacity — while registration is open; none for a cancelled or started session.
 */
export function placesToFill(session: { capacity: number; startsAt: Date; cancelled: boolean }, registered: number, now: Date): number {
  if (!registrationOpen(session, now)) return 0;
  return Math.max(0, session.capacity - registered);
}

/** Cancelling a session tells everyone who holds a place or waits for one (a cancelled registration hears nothing more). */
export const TOLD_OF_CANCELLATION: readonly RegistrationStatus[] = ["registered", "waitlisted"];
