import { CALENDAR_YEARS } from "#src/domain/time.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInMonth, isBlankDate, isRealIsoDate, isoToDateParts, parseDateParts } from "#src/domain/date-parts.ts";

describe("parseDateParts", () => {
  it("turns day, month and year into an ISO date, with or without leading zeros", () => {
    expect(parseDateParts({ day: "14", month: "5", year: "1996" })).toEqual({ ok: true, iso: "1996-05-14" });
    expect(parseDateParts({ day: "01", month: "02", year: "2000" })).toEqual({ ok: true, iso: "2000-02-01" });
    expect(parseDateParts({ day: " 9 ", month: "12", year: "1999" })).toEqual({ ok: true, iso: "1999-12-09" });
  });

  it("reads full-width digits typed with a Japanese input method", () => {
    expect(parseDateParts({ day: "１４", month: "５", year: "１９９６" })).toEqual({ ok: true, iso: "1996-05-14" });
  });

  it("never turns a whole date typed into one box into some other date (14051996 is not 1996-12-05)", () => {
    expect(parseDateParts({ day: "14051996", month: "", year: "" })).toEqual({ ok: false, key: "errors.dateSeparateBoxes", parts: ["day", "month", "year"] });
    expect(parseDateParts({ day: "", month: "", year: "1996-05-14" })).toMatchObject({ ok: false, key: "errors.dateSeparateBoxes" });
    expect(parseDateParts({ day: "14/05/1996", month: "", year: "" })).toMatchObject({ ok: false, key: "errors.dateSeparateBoxes" });
    expect(parseDateParts({ day: "14051996", month: "5", year: "1996" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day"] });
  });

  it("names the missing box", () => {
    expect(parseDateParts({ day: "", month: "", year: "" })).toEqual({ ok: false, key: "errors.required", parts: ["day", "month", "year"] });
    expect(parseDateParts({ day: "", month: "5", year: "1996" })).toEqual({ ok: false, key: "errors.dateMissingDay", parts: ["day"] });
    expect(parseDateParts({ day: "14", month: "", year: "1996" })).toEqual({ ok: false, key: "errors.dateMissingMonth", parts: ["month"] });
    expect(parseDateParts({ day: "14", month: "5", year: "" })).toEqual({ ok: false, key: "errors.dateMissingYear", parts: ["year"] });
    expect(parseDateParts({ day: "14", month: "", year: "" })).toEqual({ ok: false, key: "errors.dateIncomplete", parts: ["month", "year"] });
    expect(parseDateParts({})).toMatchObject({ ok: false, key: "errors.required" });
  });

  it("refuses dates that do not exist, and says which box is wrong", () => {
    expect(parseDateParts({ day: "30", month: "2", year: "1999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day"] });
    expect(parseDateParts({ day: "29", month: "2", year: "1900" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day"] });
    expect(parseDateParts({ day: "29", month: "2", year: "2000" })).toEqual({ ok: true, iso: "2000-02-29" });
    expect(parseDateParts({ day: "31", month: "4", year: "1999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day"] });
    expect(parseDateParts({ day: "12", month: "13", year: "1999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["month"] });
    expect(parseDateParts({ day: "0", month: "0", year: "1999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day", "month"] });
    expect(parseDateParts({ day: "May", month: "5", year: "1999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["day"] });
    expect(parseDateParts({ day: "1", month: "5", year: "96" })).toEqual({ ok: false, key: "errors.dateYearDigits", parts: ["year"] });
    expect(parseDateParts({ day: "1", month: "5", year: "19960" })).toEqual({ ok: false, key: "errors.dateYearDigits", parts: ["year"] });
  });

  it("refuses a year outside the calendar the platform stores (CALENDAR_YEARS)", () => {
    expect(parseDateParts({ day: "1", month: "1", year: "1000" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["year"] });
    expect(parseDateParts({ day: "1", month: "1", year: "9999" })).toEqual({ ok: false, key: "errors.dateNotReal", parts: ["year"] });
  });

  it("round-trips every real date through the three boxes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          fc.pre(d <= daysInMonth(y, m));
          const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          expect(isRealIsoDate(iso)).toBe(true);
          expect(parseDateParts(isoToDateParts(iso))).toEqual({ ok: true, iso });
        },
      ),
    );
  });

  it("only ever returns a real date, and the date of the boxes typed", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 ]{0,3}$/), fc.stringMatching(/^[0-9 ]{0,3}$/), fc.stringMatching(/^[0-9 ]{0,5}$/), (day, month, year) => {
        const r = parseDateParts({ day, month, year });
        if (!r.ok) return;
        expect(isRealIsoDate(r.iso)).toBe(true);
        const back = isoToDateParts(r.iso);
        const typed = (s: string) => Number(s.replace(/\s+/g, ""));
        expect(Number(back.day)).toBe(typed(day));
        expect(Number(back.month)).toBe(typed(month));
        expect(back.year).toBe(year.replace(/\s+/g, ""));
      }),
    );
  });

  it("whatever is typed, a success is a real date", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (day, month, year) => {
        const r = parseDateParts({ day, month, year });
        if (r.ok) expect(isRealIsoDate(r.iso)).toBe(true);
        else expect(r.parts.length).toBeGreaterThan(0);
      }),
    );
  });

  it("agrees with the calendar on the length of every month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const next = new Date(Date.UTC(2000, m, 0));
        next.setUTCFullYear(y, m, 0);
        expect(daysInMonth(y, m)).toBe(next.getUTCDate());
      }),
    );
  });
});

describe("isBlankDate and isoToDateParts", () => {
  it("knows a blank date", () => {
    expect(isBlankDate({ day: " ", month: "", year: "" })).toBe(true);
    expect(isBlankDate({ day: "", month: "", year: "1" })).toBe(false);
  });

  it("splits a saved date and leaves the boxes empty for anything else", () => {
    expect(isoToDateParts("1996-05-14")).toEqual({ day: "14", month: "5", year: "1996" });
    expect(isoToDateParts(null)).toEqual({ day: "", month: "", year: "" });
    expect(isoToDateParts("14.05.1996")).toEqual({ day: "", month: "", year: "" });
  });
});
