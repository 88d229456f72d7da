import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicationReceiptNumber, hostApplicationReceiptNumber } from "#src/domain/receipt-number.ts";

describe("receipt numbers", () => {
  it("are the program's prefix, the fiscal year in two digits and the sequence value", () => {
    expect(applicationReceiptNumber(2027, "100001")).toBe("JIP27-100001");
    expect(hostApplicationReceiptNumber(2027, 1001)).toBe("JIPH27-1001");
    expect(applicationReceiptNumber(2105, 7)).toBe("JIP05-7");
    expect(hostApplicationReceiptNumber(2100, 12)).toBe("JIPH00-12");
  });

  it("refuse a value that is not a sequence value or a year", () => {
    for (const bad of ["", "0", "-3", "12a", "01"]) expect(() => applicationReceiptNumber(2027, bad), bad).toThrow();
    expect(() => hostApplicationReceiptNumber(2027.5, 1)).toThrow();
  });

  it("never give two sequence values the same number, and tell applicants' and hosts' apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2016, max: 2100 }), fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (year, a, b) => {
        fc.pre(a !== b);
        expect(applicationReceiptNumber(year, a)).not.toBe(applicationReceiptNumber(year, b));
        expect(applicationReceiptNumber(year, a)).not.toBe(hostApplicationReceiptNumber(year, a));
        expect(applicationReceiptNumber(year, a)).toMatch(/^JIP\d{2}-[1-9]\d*$/);
      }),
    );
  });
});
