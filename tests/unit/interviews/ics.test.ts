/** Interview calendar files: REQUEST with UID and SEQUENCE, an update with a higher SEQUENCE, CANCEL. */
import { describe, expect, it } from "vitest";
import { buildInterviewIcs, interviewIcsContentType, interviewIcsUid, nextIcsSequence, type InterviewIcs } from "#src/domain/interviews/index.ts";
import { buildIcs } from "#src/domain/session-ics.ts";

const base: InterviewIcs = {
  uid: interviewIcsUid("app-42", "fy2027", "first"),
  sequence: 0,
  action: "request",
  stamp: new Date("2027-06-01T00:00:00Z"),
  startsAt: new Date("2027-06-10T00:00:00Z"),
  endsAt: new Date("2027-06-10T00:30:00Z"),
  summary: "JIP first interview",
  url: "https://meet.example.org/abc",
  organizer: { email: "office@jip.example", name: "JIP office" },
  attendee: { email: "lan@example.vn", name: "Nguyễn Thị Lan" },
};
const lines = (ics: string) => ics.split("\r\n");
/** Unfolds content lines (RFC 5545 3.1). */
const unfold = (ics: string) => lines(ics.replace(/\r\n /g, ""));

describe("interview ICS", () => {
  it("a booking is METHOD:REQUEST with UID, SEQUENCE 0, ORGANIZER and ATTENDEE", () => {
    const ics = buildInterviewIcs(base);
    const l = unfold(ics);
    expect(l).toContain("METHOD:REQUEST");
    expect(l).toContain("UID:interview-fy2027-first-app-42@jip-platform");
    expect(l).toContain("SEQUENCE:0");
    expect(l).toContain("STATUS:CONFIRMED");
    expect(l).toContain("DTSTART:20270610T000000Z");
    expect(l).toContain('ORGANIZER;CN="JIP office":mailto:office@jip.example');
    expect(l).toContain('ATTENDEE;CN="Nguyễn Thị Lan";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:lan@example.vn');
    expect(interviewIcsContentType("request")).toBe("text/calendar; charset=utf-8; method=REQUEST");
  });

  it("a move keeps the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL, STATUS:CANCELLED, higher again", () => {
    const moved = unfold(
      buildInterviewIcs({ ...base, sequence: nextIcsSequence(0), startsAt: new Date("2027-06-11T01:00:00Z"), endsAt: new Date("2027-06-11T01:30:00Z") }),
    );
    expect(moved).toContain("UID:interview-fy2027-first-app-42@jip-platform");
    expect(moved).toContain("SEQUENCE:1");
    expect(moved).toContain("DTSTART:20270611T010000Z");
    const cancelled = unfold(buildInterviewIcs({ ...base, action: "cancel", sequence: nextIcsSequence(1) }));
    expect(cancelled).toContain("METHOD:CANCEL");
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SEQUENCE:2");
    expect(cancelled).toContain("UID:interview-fy2027-first-app-42@jip-platform");
    expect(interviewIcsContentType("cancel")).toBe("text/calendar; charset=utf-8; method=CANCEL");
  });

  it("SEQUENCE: 0 first, then one more than the last sent; never negative or fractional", () => {
    expect(nextIcsSequence(null)).toBe(0);
    expect(nextIcsSequence(4)).toBe(5);
    expect(() => nextIcsSequence(-1)).toThrow(RangeError);
    expect(() => buildInterviewIcs({ ...base, sequence: 1.5 })).toThrow(RangeError);
  });

  it("UIDs are stable per application, round and stage, and different across stages", () => {
    expect(interviewIcsUid("app-42", "fy2027", "first")).toBe(interviewIcsUid("app-42", "fy2027", "first"));
    expect(interviewIcsUid("app-42", "fy2027", "second")).not.toBe(interviewIcsUid("app-42", "fy2027", "first"));
    expect(interviewIcsUid("a b@c", "r", "s")).toBe("interview-r-s-a%20b%40c@jip-platform");
  });

  it("refuses addresses that would break the file, and REQUEST without attendees", () => {
    expect(() => buildInterviewIcs({ ...base, attendee: { email: "x@y.z\r\nX-EVIL:1" } })).toThrow(RangeError);
    expect(() => buildIcs({ uid: "u", stamp: base.stamp, start: base.startsAt, end: base.endsAt, summary: "s", method: "REQUEST" })).toThrow(RangeError);
  });

  it("a name with quotes or line breaks cannot escape its CN parameter", () => {
    const l = unfold(buildInterviewIcs({ ...base, attendee: { email: "a@b.c", name: 'Eve"\r\nX:1' } }));
    expect(l.find((x) => x.startsWith("ATTENDEE"))).toBe('ATTENDEE;CN="Eve  X:1";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:a@b.c');
  });

  it("information sessions keep their behaviour: PUBLISH, or CANCEL when cancelled, and no SEQUENCE", () => {
    const s = { uid: "r1@jip-platform", stamp: base.stamp, start: base.startsAt, end: base.endsAt, summary: "Session" };
    expect(lines(buildIcs(s))).toContain("METHOD:PUBLISH");
    expect(lines(buildIcs({ ...s, status: "CANCELLED" }))).toContain("METHOD:CANCEL");
    expect(buildIcs(s)).not.toContain("SEQUENCE");
  });
});
