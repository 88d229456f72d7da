/** Booking rules for interview slots: every refusal with its code. */
import { describe, expect, it } from "vitest";
import { checkBooking, checkCancellation, checkReschedule, type BookableSlot, type BookingCheck } from "#src/domain/interviews/index.ts";

const NOW = new Date("2027-06-01T00:00:00Z");
const slot = (over: Partial<BookableSlot> = {}): BookableSlot => ({
  id: "slot-1",
  roundId: "fy2027",
  stage: "first",
  startsAt: new Date("2027-06-10T00:00:00Z"),
  endsAt: new Date("2027-06-10T00:30:00Z"),
  capacity: 1,
  bookedCount: 0,
  cancelled: false,
  ...over,
});
const check = (over: Partial<BookingCheck> = {}): BookingCheck => ({
  now: NOW,
  slot: slot(),
  invitation: { roundId: "fy2027", stage: "first" },
  current: null,
  policy: { cutoffMinutesBefore: 24 * 60 },
  ...over,
});
const codes = (r: { code: string }[]) => r.map((x) => x.code);

describe("checkBooking", () => {
  it("allows an invited applicant to book a free future slot before the cutoff", () => {
    expect(checkBooking(check())).toEqual([]);
  });
  it("refuses a full slot, with its capacity", () => {
    expect(checkBooking(check({ slot: slot({ bookedCount: 1 }) }))).toEqual([{ code: "slot_full", slotId: "slot-1", capacity: 1 }]);
    expect(checkBooking(check({ slot: slot({ capacity: 3, bookedCount: 2 }) }))).toEqual([]);
  });
  it("refuses a past slot (started is past) and one within the cutoff, saying when changes ended", () => {
    expect(codes(checkBooking(check({ now: new Date("2027-06-10T00:00:00Z") })))).toEqual(["slot_in_past"]);
    expect(checkBooking(check({ now: new Date("2027-06-09T00:00:01Z") }))).toEqual([
      { code: "cutoff_passed", slotId: "slot-1", cutoffAt: new Date("2027-06-09T00:00:00Z") },
    ]);
    expect(checkBooking(check({ now: new Date("2027-06-09T00:00:00Z") }))).toEqual([]);
  });
  it("refuses without an invitation to this round and stage", () => {
    expect(codes(checkBooking(check({ invitation: null })))).toEqual(["not_invited"]);
    expect(codes(checkBooking(check({ invitation: { roundId: "fy2027", stage: "second" } })))).toEqual(["not_invited"]);
    expect(codes(checkBooking(check({ invitation: { roundId: "fy2026", stage: "first" } })))).toEqual(["not_invited"]);
  });
  it("refuses a second booking for the stage (reschedule instead), a cancelled slot, and after booking closes", () => {
    expect(checkBooking(check({ current: { slotId: "slot-0", startsAt: new Date("2027-06-11T00:00:00Z") } }))).toEqual([
      { code: "already_booked", slotId: "slot-0" },
    ]);
    expect(codes(checkBooking(check({ slot: slot({ cancelled: true }) })))).toEqual(["slot_cancelled"]);
    expect(codes(checkBooking(check({ policy: { cutoffMinutesBefore: 0, closesAt: NOW } })))).toEqual(["booking_closed"]);
  });
  it("reports every reason at once", () => {
    expect(codes(checkBooking(check({ invitation: null, slot: slot({ bookedCount: 1, cancelled: true, startsAt: NOW }) })))).toEqual([
      "not_invited",
      "slot_cancelled",
      "slot_in_past",
      "slot_full",
    ]);
  });
});

describe("checkReschedule", () => {
  const current = { slotId: "slot-0", startsAt: new Date("2027-06-11T00:00:00Z") };
  it("moves a booking to another free slot", () => {
    expect(checkReschedule(check({ current }))).toEqual([]);
  });
  it("needs a current booking and a different slot", () => {
    expect(checkReschedule(check())).toEqual([{ code: "not_booked" }]);
    expect(checkReschedule(check({ current: { ...current, slotId: "slot-1" } }))).toEqual([{ code: "same_slot", slotId: "slot-1" }]);
  });
  it("refuses to move away from an interview within its cutoff, and into a full slot", () => {
    const soon = { slotId: "slot-0", startsAt: new Date("2027-06-01T12:00:00Z") };
    expect(checkReschedule(check({ current: soon }))).toEqual([{ code: "cutoff_passed", slotId: "slot-0", cutoffAt: new Date("2027-05-31T12:00:00Z") }]);
    expect(codes(checkReschedule(check({ current, slot: slot({ bookedCount: 1 }) })))).toEqual(["slot_full"]);
  });
});

describe("checkCancellation", () => {
  it("cancels until the cutoff, not after, not a past interview, not without a booking", () => {
    const policy = { cutoffMinutesBefore: 60 };
    const current = { slotId: "slot-1", startsAt: new Date("2027-06-01T02:00:00Z") };
    expect(checkCancellation({ now: NOW, current, policy })).toEqual([]);
    expect(codes(checkCancellation({ now: new Date("2027-06-01T01:30:00Z"), current, policy }))).toEqual(["cutoff_passed"]);
    expect(codes(checkCancellation({ now: new Date("2027-06-01T03:00:00Z"), current, policy }))).toEqual(["slot_in_past"]);
    expect(checkCancellation({ now: NOW, current: null, policy })).toEqual([{ code: "not_booked" }]);
  });
});
