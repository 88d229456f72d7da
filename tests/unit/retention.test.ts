import { describe, expect, it } from "vitest";
import { addMonths, auditIpCutoff, erasureDates, isParticipantStatus } from "#src/domain/retention.ts";

describe("retention schedule", () => {
  it("adds calendar months, the 31st becoming the month's last day", () => {
    expect(addMonths(new Date("2027-01-31T14:59:00Z"), 1).toISOString()).toBe("2027-02-28T14:59:00.000Z");
    expect(addMonths(new Date("2027-05-31T14:59:00Z"), 6).toISOString()).toBe("2027-11-30T14:59:00.000Z");
    expect(addMonths(new Date("2027-03-15T00:00:00Z"), 24).toISOString()).toBe("2029-03-15T00:00:00.000Z");
  });

  it("dates each kind of record from the round's close; registrations on the earlier date; nothing without a close", () => {
    const closesAt = new Date("2027-03-31T14:59:00Z");
    expect(erasureDates({ closesAt, unselectedMonths: 3, participantsMonths: 24 })).toEqual({
      unselected: new Date("2027-06-30T14:59:00Z"),
      participants: new Date("2029-03-31T14:59:00Z"),
      registrations: new Date("2027-06-30T14:59:00Z"),
    });
    expect(erasureDates({ closesAt, unselectedMonths: 30, participantsMonths: 6 }).registrations).toEqual(new Date("2027-09-30T14:59:00Z"));
    expect(erasureDates({ closesAt: null, unselectedMonths: 3, participantsMonths: 24 })).toEqual({
      unselected: null,
      participants: null,
      registrations: null,
    });
  });

  it("participants are those selected onwards", () => {
    expect(["selected", "matched", "placed", "completed"].every(isParticipantStatus)).toBe(true);
    expect(["draft", "submitted", "withdrawn", "rejected", "waitlisted", "interview", "under_review"].some(isParticipantStatus)).toBe(false);
  });

  it("audit IPs are kept 90 days", () => {
    expect(auditIpCutoff(new Date("2027-04-01T00:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
