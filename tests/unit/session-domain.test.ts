/** Information sessions: wall-clock times in the venue's zone, and the hand-written ICS file. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIcs, escapeIcsText, foldIcsLine } from "#src/domain/session-ics.ts";
import { instantToZonedLocal, zonedLocalToInstant } from "#src/domain/time.ts";
import { placeForNewRegistration, placesToFill, registrationOpen } from "#src/domain/information-sessions.ts";

describe("zonedLocalToInstant", () => {
  it("converts a wall-clock time in the venue zone to UTC", () => {
    expect(zonedLocalToInstant("2027-06-10T18:30", "Asia/Ho_Chi_Minh")?.toISOString()).toBe("2027-06-10T11:30:00.000Z");
    expect(zonedLocalToInstant("2027-06-10T09:00", "Asia/Tokyo")?.toISOString()).toBe("2027-06-10T00:00:00.000Z");
    expect(zonedLocalToInstant("2027-06-10T09:00", "Asia/Kolkata")?.toISOString()).toBe("2027-06-10T03:30:00.000Z");
  });
  it("follows daylight saving time", () => {
    expect(zonedLocalToInstant("2027-01-15T10:00", "Europe/Berlin")?.toISOString()).toBe("2027-01-15T09:00:00.000Z");
    expect(zonedLocalToInstant("2027-07-15T10:00", "Europe/Berlin")?.toISOString()).toBe("2027-07-15T08:00:00.000Z");
  });
  it("refuses a time skipped by a DST change, an unreal date, an unknown zone", () => {
    expect(zonedLocalToInstant("2027-03-28T02:30", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToInstant("2027-02-30T10:00", "Asia/Tokyo")).toBeNull();
    expect(zonedLocalToInstant("2027-06-10T10:00", "Mars/Olympus")).toBeNull();
    expect(zonedLocalToInstant("10/06/2027", "Asia/Tokyo")).toBeNull();
  });
  it("round-trips with instantToZonedLocal", () => {
    const at = new Date("2027-06-10T11:30:00Z");
    expect(instantToZonedLocal(at, "Asia/Jakarta")).toBe("2027-06-10T18:30");
    expect(zonedLocalToInstant(instantToZonedLocal(at, "Asia/Jakarta"), "Asia/Jakarta")?.getTime()).toBe(at.getTime());
  });
});

describe("buildIcs", () => {
  const ics = buildIcs({
    uid: "r1@jip-platform",
    stamp: new Date("2027-05-01T00:00:00Z"),
    start: new Date("2027-06-10T11:30:00Z"),
    end: new Date("2027-06-10T13:00:00Z"),
    summary: "JIP; info, session\\Hanoi",
    description: "Line one\nLine two",
    location: "Hall A, Hanoi, Vietnam",
  });
  it("uses CRLF line endings only, UTC times, and the required properties", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines).toContain("DTSTART:20270610T113000Z");
    expect(lines).toContain("DTEND:20270610T130000Z");
    expect(lines).toContain("DTSTAMP:20270501T000000Z");
    expect(lines).toContain("UID:r1@jip-platform");
    expect(lines).toContain("END:VCALENDAR");
  });
  it("escapes text values", () => {
    expect(ics).toContain("SUMMARY:JIP\\; info\\, session\\\\Hanoi");
    expect(ics).toContain("DESCRIPTION:Line one\\nLine two");
    expect(escapeIcsText("a,b;c\\d\r\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });
  it("folds long lines at 75 octets without splitting a character", () => {
    const long = `SUMMARY:${"説明会".repeat(30)}`;
    const folded = foldIcsLine(long);
    for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(""),
    ).toBe(long);
  });
});

describe("the waiting list (src/domain/information-sessions.ts)", () => {
  const startsAt = new Date("2027-06-10T11:30:00Z");
  const before = new Date(startsAt.getTime() - 1);

  it("gives a place while one is free and nobody waits; otherwise the newcomer waits", () => {
    expect(placeForNewRegistration({ registered: 1, waiting: 0 }, 2)).toBe("registered");
    expect(placeForNewRegistration({ registered: 2, waiting: 0 }, 2)).toBe("waitlisted");
    // a place freed while people wait goes to them, not to the newcomer
    expect(placeForNewRegistration({ registered: 1, waiting: 1 }, 2)).toBe("waitlisted");
  });

  it("fills free places until the session starts (the one deadline boundary), never for a cancelled one", () => {
    expect(placesToFill({ capacity: 5, startsAt, cancelled: false }, 3, before)).toBe(2);
    expect(placesToFill({ capacity: 5, startsAt, cancelled: false }, 7, before)).toBe(0);
    expect(placesToFill({ capacity: 5, startsAt, cancelled: false }, 3, startsAt)).toBe(0);
    expect(placesToFill({ capacity: 5, startsAt, cancelled: true }, 3, before)).toBe(0);
    expect(registrationOpen({ startsAt, cancelled: false }, before)).toBe(true);
    expect(registrationOpen({ startsAt, cancelled: false }, startsAt)).toBe(false);
  });

  it("never exceeds the capacity, never leaves a place empty while someone waits, and serves the queue in order", () => {
    type Step = { kind: "register" } | { kind: "cancel"; pick: number } | { kind: "capacity"; to: number };
    const step = fc.oneof(
      fc.constant<Step>({ kind: "register" }),
      fc.nat(50).map<Step>((pick) => ({ kind: "cancel", pick })),
      fc.integer({ min: 1, max: 8 }).map<Step>((to) => ({ kind: "capacity", to })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(step, { maxLength: 60 }), (initial, steps) => {
        let capacity = initial;
        const registered: number[] = [];
        const waiting: number[] = [];
        const promoted: number[] = [];
        let next = 0;
        const promote = () => {
          const n = placesToFill({ capacity, startsAt, cancelled: false }, registered.length, before);
          const moving = waiting.splice(0, n);
          registered.push(...moving);
          promoted.push(...moving);
          if (moving.length > 0) expect(registered.length).toBeLessThanOrEqual(capacity);
        };
        for (const s of steps) {
          if (s.kind === "register") {
            const id = next++;
            const place = placeForNewRegistration({ registered: registered.length, waiting: waiting.length }, capacity);
            (place === "registered" ? registered : waiting).push(id);
            if (place === "registered") expect(registered.length).toBeLessThanOrEqual(capacity);
          } else if (s.kind === "cancel" && registered.length > 0) {
            registered.splice(s.pick % registered.length, 1);
            promote();
          } else if (s.kind === "capacity") {
            capacity = s.to;
            promote();
          }
          // A smaller capacity keeps who already holds a place; otherwise the list is never over capacity.
          if (waiting.length > 0) expect(registered.length).toBeGreaterThanOrEqual(capacity);
          // first come first served: nobody still waiting registered before someone who moved up
          if (promoted.length > 0 && waiting.length > 0) expect(Math.max(...promoted)).toBeLessThan(Math.min(...waiting));
        }
      }),
    );
  });
});
