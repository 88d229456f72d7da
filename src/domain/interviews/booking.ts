/**
 * Booking rules for interview slots, as pure checks. Each returns every
 * refusal that applies (empty = allowed), as codes with parameters for a
 * localized message. The use case runs the check inside its transaction on
 * locked rows, so `bookedCount` and the applicant's current booking are
 * exact; the database's own constraint stays the last word on capacity.
 *
 * Times: "in the past" means the slot has started (startsAt ≤ now). The cutoff
 * is a round setting: no booking, moving or cancelling later than
 * `cutoffMinutesBefore` minutes before the slot starts, and none at all from
 * `closesAt` on (if set).
 */

export interface BookableSlot {
  readonly id: string;
  readonly roundId: string;
  /** e.g. "first", "second", "host" */
  readonly stage: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly capacity: number;
  /** current bookings of the slot (not counting cancelled ones) */
  readonly bookedCount: number;
  readonly cancelled: boolean;
}

/** The applicant's invitation to a stage of a round (null = not invited). */
export interface StageInvitation {
  readonly roundId: string;
  readonly stage: string;
}

/** The applicant's current booking for the same round and stage, if any. */
export interface CurrentBooking {
  readonly slotId: string;
  readonly startsAt: Date;
}

export interface BookingPolicy {
  /** minutes before a slot's start after which it can no longer be booked, moved from or cancelled (0 = until it starts) */
  readonly cutoffMinutesBefore: number;
  /** no self-service change at all from this instant on */
  readonly closesAt?: Date | null;
}

export type BookingRefusal =
  | { readonly code: "not_invited"; readonly stage: string }
  | { readonly code: "slot_cancelled"; readonly slotId: string }
  | { readonly code: "slot_in_past"; readonly slotId: string; readonly startsAt: Date }
  | { readonly code: "slot_full"; readonly slotId: string; readonly capacity: number }
  /** too close to the slot's start: changes ended at `cutoffAt` */
  | { readonly code: "cutoff_passed"; readonly slotId: string; readonly cutoffAt: Date }
  | { readonly code: "booking_closed"; readonly closesAt: Date }
  /** a booking for this stage exists already: reschedule instead */
  | { readonly code: "already_booked"; readonly slotId: string }
  | { readonly code: "not_booked" }
  | { readonly code: "same_slot"; readonly slotId: string };

export interface BookingCheck {
  readonly now: Date;
  readonly slot: BookableSlot;
  readonly invitation: StageInvitation | null;
  readonly current: CurrentBooking | null;
  readonly policy: BookingPolicy;
}

export function cutoffAt(startsAt: Date, policy: BookingPolicy): Date {
  return new Date(startsAt.getTime() - policy.cutoffMinutesBefore * 60_000);
}

function closed(now: Date, policy: BookingPolicy): BookingRefusal[] {
  return policy.closesAt && now.getTime() >= policy.closesAt.getTime() ? [{ code: "booking_closed", closesAt: policy.closesAt }] : [];
}

/** Timing of a slot the applicant wants to leave (move from or cancel). */
function leaving(now: Date, slotId: string, startsAt: Date, policy: BookingPolicy): BookingRefusal[] {
  if (startsAt.getTime() <= now.getTime()) return [{ code: "slot_in_past", slotId, startsAt }];
  const cut = cutoffAt(startsAt, policy);
  return now.getTime() > cut.getTime() ? [{ code: "cutoff_passed", slotId, cutoffAt: cut }] : [];
}

/** Everything about the target slot itself: invitation, state, time, room. */
function target(c: BookingCheck): BookingRefusal[] {
  const out: BookingRefusal[] = [];
  const { slot, invitation, now, policy } = c;
  if (!invitation || invitation.roundId !== slot.roundId || invitation.stage !== slot.stage) out.push({ code: "not_invited", stage: slot.stage });
  if (slot.cancelled) out.push({ code: "slot_cancelled", slotId: slot.id });
  out.push(...leaving(now, slot.id, slot.startsAt, policy));
  if (slot.bookedCount >= slot.capacity) out.push({ code: "slot_full", slotId: slot.id, capacity: slot.capacity });
  return out;
}

/** A first booking for the stage. */
export function checkBooking(c: BookingCheck): BookingRefusal[] {
  const out = [...closed(c.now, c.policy), ...target(c)];
  if (c.current) out.push({ code: "already_booked", slotId: c.current.slotId });
  return out;
}

/** Moving the current booking to `slot` (one step: the old place is freed only if the new one is taken). */
export function checkReschedule(c: BookingCheck): BookingRefusal[] {
  if (!c.current) return [{ code: "not_booked" }];
  if (c.current.slotId === c.slot.id) return [{ code: "same_slot", slotId: c.slot.id }];
  return [...closed(c.now, c.policy), ...leaving(c.now, c.current.slotId, c.current.startsAt, c.policy), ...target(c)];
}

export function checkCancellation(c: { readonly now: Date; readonly current: CurrentBooking | null; readonly policy: BookingPolicy }): BookingRefusal[] {
  if (!c.current) return [{ code: "not_booked" }];
  return [...closed(c.now, c.policy), ...leaving(c.now, c.current.slotId, c.current.startsAt, c.policy)];
}
