import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, percentOf, publishedPercent } from "#src/domain/report/index.ts";
import { referenceTenths } from "../../../bench/report/reference.ts";

describe("percentages: one decimal, half up, exact", () => {
  it("rounds exact halves up and everything else to the nearest tenth", () => {
    const cases: [number, number, string][] = [
      [1, 8, "12.5"], // exact, no rounding
      [1, 16, "6.3"], // 6.25 → half up
      [3, 16, "18.8"], // 18.75 → half up
      [1, 32, "3.1"], // 3.125 → 3.1 (below half of a tenth)
      [1, 2000, "0.1"], // 0.05 → half up
      [1, 2001, "0.0"], // 0.04997…
      [2, 3, "66.7"],
      [1, 3, "33.3"],
      [29, 103, "28.2"], // FY2016's "Others": 28.155… (the paper prints 28.1, see published.test.ts)
      [0, 5, "0.0"],
      [7, 7, "100.0"],
      [24, 71, "33.8"],
      [47, 196, "24.0"],
    ];
    for (const [part, whole, text] of cases) expect(formatPercent(percentOf(part, whole)!), `${part}/${whole}`).toBe(text);
  });

  it("has no floating-point drift: 0.5-tenth cases where part·1000/whole is a half in binary and decimal alike", () => {
    // 0.15 % and 1.005-like values are where Math.round(x * 10) / 10 on floats goes wrong
    expect(formatPercent(percentOf(3, 2000)!)).toBe("0.2"); // 0.15 → 0.2
    expect(formatPercent(percentOf(201, 20000)!)).toBe("1.0"); // 1.005 → 1.0 (not half: one decimal only)
    expect(formatPercent(percentOf(2010, 20000)!)).toBe("10.1"); // 10.05 → 10.1
    expect(formatPercent(percentOf(1, 40)!)).toBe("2.5");
  });

  it("equals a BigInt reference on any counts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }).chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole))),
        ([part, whole]) => {
          expect(percentOf(part, whole)!.tenths).toBe(referenceTenths(part, whole));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is null when nobody answered and refuses impossible counts", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(() => percentOf(3, 2)).toThrow(RangeError);
    expect(() => percentOf(-1, 2)).toThrow(RangeError);
    expect(() => percentOf(1.5, 2)).toThrow(RangeError);
  });

  it("keeps published percentages as printed", () => {
    expect(formatPercent(publishedPercent(85, 0))).toBe("85");
    expect(formatPercent(publishedPercent(24, 1))).toBe("24.0");
    expect(formatPercent(publishedPercent(31.1, 1))).toBe("31.1");
    expect(() => publishedPercent(31.1, 0)).toThrow(RangeError);
    expect(() => publishedPercent(31.15, 1)).toThrow(RangeError);
  });

  it("groups thousands", () => {
    expect(formatCount(9367)).toBe("9,367");
    expect(formatCount(130000)).toBe("130,000");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});
