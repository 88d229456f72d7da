import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROGRAM_TIME_ZONE, instantToTokyoLocal, isValidTimeZone, tokyoLocalToInstant } from "#src/domain/time.ts";

describe("tokyoLocalToInstant", () => {
  it("is UTC+9", () => {
    expect(tokyoLocalToInstant("2027-05-31T23:59")?.toISOString()).toBe("2027-05-31T14:59:00.000Z");
    expect(tokyoLocalToInstant("2027-06-01T09:00")?.toISOString()).toBe("2027-06-01T00:00:00.000Z");
  });

  it("crosses day, month and year boundaries backwards into UTC", () => {
    expect(tokyoLocalToInstant("2027-01-01T00:00")?.toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(tokyoLocalToInstant("2027-03-01T08:59")?.toISOString()).toBe("2027-02-28T23:59:00.000Z");
    expect(tokyoLocalToInstant("2028-03-01T00:30")?.toISOString()).toBe("2028-02-29T15:30:00.000Z");
  });

  it("has no daylight saving time: the offset is the same in January and July", () => {
    expect(tokyoLocalToInstant("2027-01-15T12:00")?.getUTCHours()).toBe(3);
    expect(tokyoLocalToInstant("2027-07-15T12:00")?.getUTCHours()).toBe(3);
  });

  it("accepts the first and last minute of a day, and leap days", () => {
    expect(tokyoLocalToInstant("2027-12-31T23:59")).not.toBeNull();
    expect(tokyoLocalToInstant("2027-12-31T00:00")).not.toBeNull();
    expect(tokyoLocalToInstant("2028-02-29T10:00")).not.toBeNull();
    expect(tokyoLocalToInstant("2000-02-29T10:00")).not.toBeNull();
  });

  it.each([
    "2027-02-30T10:00",
    "2027-02-29T10:00", // 2027 is not a leap year
    "1900-02-29T10:00", // divisible by 100, not by 400
    "2027-04-31T10:00",
    "2027-13-01T10:00",
    "2027-00-10T10:00",
    "2027-01-00T10:00",
    "2027-01-32T10:00",
    "2027-01-01T24:00",
    "2027-01-01T23:60",
    "2027-01-01T25:00",
    "2027-01-01T99:99",
  ])("refuses the impossible date-time %s", (local) => {
    expect(tokyoLocalToInstant(local)).toBeNull();
  });

  it.each([
    "",
    "2027-05-31",
    "2027-05-31 23:59",
    "2027-05-31T23:59:00",
    "2027-05-31T23:59Z",
    "2027-05-31T23:59+09:00",
    "2027-5-31T23:59",
    "27-05-31T23:59",
    "2027-05-31T9:00",
    " 2027-05-31T23:59",
    "2027-05-31T23:59 ",
    "2027/05/31T23:59",
    "２０２７-05-31T23:59",
    "not a date",
  ])("refuses the malformed input %j", (local) => {
    expect(tokyoLocalToInstant(local)).toBeNull();
  });
});

describe("instantToTokyoLocal", () => {
  it("shows an instant as Tokyo wall-clock time, minutes precision", () => {
    expect(instantToTokyoLocal(new Date("2027-05-31T14:59:00Z"))).toBe("2027-05-31T23:59");
    expect(instantToTokyoLocal(new Date("2026-12-31T15:00:00Z"))).toBe("2027-01-01T00:00");
    expect(instantToTokyoLocal(new Date("2026-12-31T14:59:59.999Z"))).toBe("2026-12-31T23:59");
  });

  it("drops seconds (truncates, does not round)", () => {
    expect(instantToTokyoLocal(new Date("2027-05-31T14:59:59.999Z"))).toBe("2027-05-31T23:59");
  });
});

describe("round trip", () => {
  it("local → instant → local is the identity for every valid minute", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        const local = instantToTokyoLocal(minute);
        expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        const back = tokyoLocalToInstant(local);
        expect(back?.getTime()).toBe(minute.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with Intl's Asia/Tokyo time zone", () => {
    const fmt = new Intl.DateTimeFormat("en-CA", {
      timeZone: PROGRAM_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    fc.assert(
      fc.property(fc.date({ min: new Date("1960-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (d) => {
        const parts = Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
        expect(instantToTokyoLocal(d)).toBe(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("isValidTimeZone", () => {
  it.each(["Asia/Tokyo", "Asia/Ho_Chi_Minh", "UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"])("accepts %s", (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });
  it.each(["Mars/Olympus", "Asia/Nowhere", "Tokyo", "not a zone"])("refuses %s", (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});
