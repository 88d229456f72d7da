import { describe, expect, it } from "vitest";
import { checkCorporateNumber, corporateNumberCheckDigit } from "#src/domain/corporate-number.ts";

/** Published corporate numbers (see the team's reference note; all pass the check). */
const PUBLISHED = [
  ["国税庁", "7000012050002"],
  ["トヨタ自動車株式会社", "1180301018771"],
  ["国立国会図書館", "1000011000005"],
  ["経済産業省", "4000012090001"],
  ["ソニーグループ株式会社", "5010401067252"],
] as const;

describe("corporate number check digit", () => {
  it.each(PUBLISHED)("%s %s passes", (_name, number) => {
    expect(checkCorporateNumber(number)).toEqual({ ok: true, value: number });
  });

  it("computes the worked example of the National Tax Agency (base 000012050002 → 7)", () => {
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
    expect(corporateNumberCheckDigit("180301018771")).toBe(1);
  });

  it("a sum that is a multiple of 9 gives 9, never 0", () => {
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
    expect(corporateNumberCheckDigit("000000000009")).toBe(9);
  });

  it.each(PUBLISHED)("%s: every other leading digit is refused as a wrong check digit", (_name, number) => {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === number[0]) continue;
      expect(checkCorporateNumber(`${d}${number.slice(1)}`)).toEqual({ ok: false, problem: "checkDigit" });
    }
  });

  it.each(PUBLISHED)("%s: changing any single base digit is caught", (_name, number) => {
    for (let i = 1; i < 13; i++) {
      const digit = Number(number[i]);
      // ±1 changes the weighted sum by 1 or 2, never a multiple of 9 (0↔9 swaps are the scheme's blind spot)
      const other = digit < 5 ? digit + 1 : digit - 1;
      const corrupted = number.slice(0, i) + other + number.slice(i + 1);
      expect(checkCorporateNumber(corrupted).ok, corrupted).toBe(false);
    }
  });

  it("the scheme cannot see 0↔9 substitutions (a known limit of a mod-9 check)", () => {
    expect(checkCorporateNumber("7000012950002").ok).toBe(true);
  });

  it("a swap of two adjacent different digits is caught", () => {
    expect(checkCorporateNumber("1183001018771")).toEqual({ ok: false, problem: "checkDigit" });
  });

  it("the Sony number with the wrong check digit (seen in public code) is refused", () => {
    expect(checkCorporateNumber("7010401067252")).toEqual({ ok: false, problem: "checkDigit" });
  });

  it("says which rule failed: length, digits, check digit", () => {
    expect(checkCorporateNumber("700001205000")).toEqual({ ok: false, problem: "length" });
    expect(checkCorporateNumber("70000120500021")).toEqual({ ok: false, problem: "length" });
    expect(checkCorporateNumber("")).toEqual({ ok: false, problem: "length" });
    expect(checkCorporateNumber("700001205000A")).toEqual({ ok: false, problem: "digits" });
    expect(checkCorporateNumber("T7000012050002")).toEqual({ ok: false, problem: "digits" });
    expect(checkCorporateNumber("8000012050002")).toEqual({ ok: false, problem: "checkDigit" });
  });

  it("ignores spaces and hyphens and reads full-width digits", () => {
    expect(checkCorporateNumber("7-0000-1205-0002")).toEqual({ ok: true, value: "7000012050002" });
    expect(checkCorporateNumber(" 7000 0120 50002 ")).toEqual({ ok: true, value: "7000012050002" });
    expect(checkCorporateNumber("７００００１２０５０００２")).toEqual({ ok: true, value: "7000012050002" });
  });
});
