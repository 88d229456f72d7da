/** Integer calendar and yen helpers, and the round's allowance rules. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayNumber,
  dayString,
  daysInMonth,
  floorDiv,
  formatYen,
  fy2019Rules,
  fy2025Rules,
  monthRange,
  mulYen,
  RateBook,
  validateAllowanceRules,
} from "#src/domain/internship/index.ts";

const AT = new Date("2025-03-01T00:00:00Z");

describe("calendar", () => {
  it("day numbers for real dates only; months and leap years", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2024-02-29")).not.toBeNull();
    expect(dayNumber("2025-02-29")).toBeNull();
    expect(dayNumber("2025-7-1")).toBeNull();
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(monthRange("2025-07")).toEqual({ first: dayNumber("2025-07-01"), last: dayNumber("2025-07-31") });
    expect(monthRange("2025-13")).toBeNull();
  });
  it("property: dayString and dayNumber round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (d) => {
        expect(dayNumber(dayString(d))).toBe(d);
      }),
    );
  });
});

describe("yen", () => {
  it("floorDiv is exact on integers, also where floating division rounds up", () => {
    expect(floorDiv(15_000, 31)).toBe(483);
    // 2^53 − 1 over 3: floating division gives a value that rounds; the correction keeps it exact
    expect(floorDiv(9_007_199_254_740_991, 3)).toBe(3_002_399_751_580_330);
    expect(() => floorDiv(1, 0)).toThrow(RangeError);
    expect(() => floorDiv(1.5, 1)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), (a, b) => {
        const q = floorDiv(a, b);
        expect(q * b <= a && (q + 1) * b > a).toBe(true);
      }),
    );
  });
  it("refuses products beyond safe integers; formats with grouping", () => {
    expect(() => mulYen(2 ** 40, 2 ** 20)).toThrow(RangeError);
    expect(formatYen(66_000)).toBe("¥66,000");
    expect(formatYen(-1_234_567)).toBe("−¥1,234,567");
    expect(formatYen(0)).toBe("¥0");
  });
});

describe("allowance rules", () => {
  it("FY2019 and FY2025 defaults", () => {
    expect(fy2019Rules("2019-04-01", AT).rates.map((r) => [r.item, r.amountYen])).toEqual([
      ["intern_allowance_in_person", 4_000],
      ["host_subsidy_in_person", 2_000],
    ]);
    expect(fy2025Rules("2025-04-01", AT).rates.map((r) => [r.item, r.amountYen])).toEqual([
      ["intern_allowance_in_person", 3_000],
      ["intern_allowance_online", 1_000],
    ]);
    expect(validateAllowanceRules(fy2025Rules("2025-04-01", AT))).toEqual([]);
  });

  it("reports bad travel items, online rules and ambiguous rates", () => {
    const base = fy2025Rules("2025-04-01", AT);
    expect(
      validateAllowanceRules({
        ...base,
        onlineDay: { basis: "per_minute_prorated", fullDayMinutes: 0 },
        travelItems: [
          { code: "airfare", basis: "per_placement", payee: "intern", modes: ["in_person"] },
          { code: "airfare", basis: "per_placement", payee: "intern", modes: [] },
          { code: "host_subsidy_online", basis: "per_month", payee: "host", modes: ["online"] },
          { code: "Air Fare", basis: "per_month", payee: "host", modes: ["online"] },
        ],
        rates: [...base.rates, { ...base.rates[0]! }],
      }),
    ).toEqual([
      { code: "invalid_travel_item", item: "airfare", reason: "duplicate" },
      { code: "invalid_travel_item", item: "airfare", reason: "no_modes" },
      { code: "invalid_travel_item", item: "host_subsidy_online", reason: "reserved" },
      { code: "invalid_travel_item", item: "Air Fare", reason: "bad_code" },
      { code: "invalid_online_rule", field: "fullDayMinutes" },
      { code: "ambiguous_rate", rate: 2, item: "intern_allowance_in_person", effectiveFrom: "2025-04-01" },
    ]);
  });

  it("RateBook: the latest effective change known at the instant; the latest recorded among equal dates", () => {
    const book = new RateBook([
      { item: "x", effectiveFrom: "2025-04-01", amountYen: 1, recordedAt: new Date("2025-03-01T00:00:00Z") },
      { item: "x", effectiveFrom: "2025-07-01", amountYen: 2, recordedAt: new Date("2025-06-01T00:00:00Z") },
      { item: "x", effectiveFrom: "2025-07-01", amountYen: 3, recordedAt: new Date("2025-06-15T00:00:00Z") },
    ]);
    const on = (day: string, at: string) => book.rateOn("x", dayNumber(day)!, new Date(at))?.amountYen ?? null;
    expect(on("2025-03-31", "2025-12-01T00:00:00Z")).toBeNull();
    expect(on("2025-06-30", "2025-12-01T00:00:00Z")).toBe(1);
    expect(on("2025-07-01", "2025-12-01T00:00:00Z")).toBe(3);
    expect(on("2025-07-01", "2025-06-10T00:00:00Z")).toBe(2);
    expect(on("2025-07-01", "2025-05-01T00:00:00Z")).toBe(1);
    expect(book.rateOn("y", 0, new Date())).toBeNull();
  });
});
