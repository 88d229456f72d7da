import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, formatDay, formatInstant, formatNumber, formatPeriod, formatTime, regionName } from "#src/i18n/format.ts";
import { FORMAT_TAGS, LOCALES } from "#src/i18n/locales.ts";
import { translator } from "#src/i18n/translator.ts";

const DEADLINE = new Date("2027-05-31T14:59:00Z"); // 23:59 in Tokyo

describe("dates in the reader's language", () => {
  it("formats a calendar date as that day in every language, never as the raw ISO text", () => {
    expect(formatDate("2027-04-01", "ja")).toBe("2027年4月1日");
    expect(formatDate("2027-04-01", "zh")).toBe("2027年4月1日");
    expect(formatDate("2027-04-01", "en")).toBe("April 1, 2027");
    expect(formatDate("2027-04-01", "id")).toBe("1 April 2027");
    for (const locale of LOCALES) expect(formatDate("2027-04-01", locale)).not.toContain("2027-04-01");
  });

  it("Thai pages use the Gregorian calendar, as their forms do (no Buddhist-era 2570)", () => {
    expect(FORMAT_TAGS.th).toBe("th-TH-u-ca-gregory");
    expect(formatDate("2027-04-01", "th")).toBe("1 เมษายน 2027");
    expect(formatInstant(DEADLINE, "th", "Asia/Tokyo")).toContain("2027");
    expect(formatDay(DEADLINE, "th", "Asia/Bangkok")).toContain("2027");
    for (const text of [formatDate("2027-04-01", "th"), formatInstant(DEADLINE, "th", "Asia/Bangkok"), formatPeriod("2027-05-01", "2027-07-31", "th")]) {
      expect(text).not.toMatch(/25[67]\d/);
    }
  });

  it("a calendar date is the same day whatever the zone the instant would fall in", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2049-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-").map(Number);
        expect(formatDate(iso, "ja")).toBe(`${y}年${m}月${day}日`);
      }),
    );
  });

  it("leaves a value that is not a date as it is, and shows an open period with one end", () => {
    expect(formatDate("not a date", "en")).toBe("not a date");
    expect(formatPeriod(null, null, "en")).toBe("—");
    expect(formatPeriod("2027-05-01", null, "en")).toBe("May 1, 2027 –");
    expect(formatPeriod("2027-05-01", "2027-07-31", "ja")).toBe("2027年5月1日～2027年7月31日");
  });

  it("shows an instant in the asked zone with the zone named", () => {
    expect(formatInstant(DEADLINE, "ja", "Asia/Tokyo")).toBe("2027年5月31日 23:59 JST");
    expect(formatInstant(DEADLINE.toISOString(), "ja", "Asia/Bangkok")).toBe("2027年5月31日 21:59 GMT+7");
    expect(formatTime(DEADLINE, "en", "Asia/Tokyo")).toBe("11:59 PM");
    expect(formatTime(DEADLINE, "en", "Asia/Tokyo", true)).toBe("11:59 PM GMT+9");
  });

  it("formats numbers and country names in the language", () => {
    expect(formatNumber(12687, "en")).toBe("12,687");
    expect(formatNumber(12687, "id")).toBe("12.687");
    expect(regionName("VN", "ja")).toBe("ベトナム");
    expect(regionName("not-a-code", "en")).toBe("not-a-code");
  });

  it("the age rule states its reference date formatted, in each language", () => {
    for (const locale of LOCALES) {
      const text = translator(locale)("program.whoAge", { min: 20, max: 40, date: formatDate("2027-04-01", locale) });
      expect(text, locale).not.toContain("2027-04-01");
      expect(text, locale).toContain("2027");
    }
  });
});
