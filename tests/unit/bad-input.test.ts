/** Bad input at the shared depths (issue 11 item 4): calendar dates, cookies, what the database can hold, form text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cookieValue } from "#app/lib/cookies.server.ts";
import { unstorable } from "#src/db/connect.ts";
import { CALENDAR_YEARS, isCalendarDate } from "#src/domain/time.ts";
import { MAX_PAGE, pageRequestFrom } from "#src/services/paging.ts";
import { ValidationError } from "#src/services/errors.ts";
import { parseInput } from "#src/services/validation.ts";
import { z } from "zod";

describe("isCalendarDate", () => {
  it("refuses days that do not exist and years PostgreSQL cannot hold", () => {
    for (const bad of [
      "0000-00-00",
      "2027-13-45",
      "2027-02-29",
      "2027-04-31",
      "2027-00-10",
      "2027-01-00",
      "0000-01-01",
      "1899-12-31",
      "2201-01-01",
      "2027-1-1",
      "2027-01-01T00:00",
      " 2027-01-01",
      "２０２７-01-01",
      "",
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
    for (const good of ["2028-02-29", "2027-12-31", "1900-01-01", "2200-12-31", "2000-02-29"]) expect(isCalendarDate(good), good).toBe(true);
  });

  it("accepts exactly the days a calendar has, in range (property)", () => {
    const min = Date.UTC(CALENDAR_YEARS.min, 0, 1);
    const max = Date.UTC(CALENDAR_YEARS.max, 11, 31);
    fc.assert(fc.property(fc.integer({ min, max }), (t) => isCalendarDate(new Date(t).toISOString().slice(0, 10))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
        return isCalendarDate(text) === (exists && y >= CALENDAR_YEARS.min && y <= CALENDAR_YEARS.max);
      }),
    );
  });
});

describe("cookieValue", () => {
  const req = (cookie: string) => new Request("http://x/", { headers: { cookie } });
  it("reads a cookie, and a malformed one as absent instead of failing the page", () => {
    expect(cookieValue(req("a=1; tz=Asia%2FTokyo"), "tz")).toBe("Asia/Tokyo");
    expect(cookieValue(req("tz=%E0%A4%A"), "tz")).toBeNull();
    expect(cookieValue(req("tz=%00"), "tz")).toBeNull();
    expect(cookieValue(req("xtz=1"), "tz")).toBeNull();
    expect(cookieValue(new Request("http://x/"), "tz")).toBeNull();
  });
});

describe("the database guard's check", () => {
  it("finds a NUL in text, in JSON values at any depth, and an Invalid Date", () => {
    expect(unstorable("a\u0000b")).toBe("nul");
    expect(unstorable({ ja: ["x", { y: "\u0000" }] })).toBe("nul");
    expect(unstorable(new Date(Number.NaN))).toBe("invalidDate");
    for (const ok of ["text", 12, null, new Date(0), { a: [1, "b"] }, Buffer.from([0, 1, 2])]) expect(unstorable(ok)).toBeNull();
  });
});

describe("parseInput", () => {
  it("refuses a NUL in any field, by name, before the schema runs", () => {
    const schema = z.object({ name: z.string(), titles: z.object({ ja: z.string() }) });
    let err: unknown;
    try {
      parseInput(schema, { name: "a\u0000", titles: { ja: "\u0000" } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ name: [{ key: "errors.invalidCharacters" }], "titles.ja": [{ key: "errors.invalidCharacters" }] });
  });
});

describe("pageRequestFrom", () => {
  it("reads a page number whose offset the database cannot hold as the largest page", () => {
    expect(pageRequestFrom(new URLSearchParams("page=99999999999999999999")).page).toBe(MAX_PAGE);
    expect(pageRequestFrom(new URLSearchParams("page=%00")).page).toBe(1);
  });
});

describe("the error log", () => {
  it("names the page of a link that carries a token, never the token", async () => {
    const { redactedPath } = await import("#app/entry.server.tsx");
    expect(redactedPath("/en/staff-invitation/AbC123_-x")).toBe("/en/staff-invitation/[token]");
    expect(redactedPath("/ja/host/invitation/tok")).toBe("/ja/host/invitation/[token]");
    expect(redactedPath("/vi/sessions/cancel/tok")).toBe("/vi/sessions/cancel/[token]");
    expect(redactedPath("/api/auth/reset-password/tok")).toBe("/api/auth/reset-password/[token]");
    expect(redactedPath("/en/sessions/123")).toBe("/en/sessions/123");
  });
});
