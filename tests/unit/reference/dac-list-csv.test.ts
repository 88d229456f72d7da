import { describe, expect, it } from "vitest";
import { dacListCsv, diffDacList, isDacVersionName, isEmptyDiff, parseDacListCsv, type DacEntry } from "#src/domain/dac-list-csv.ts";

const known = new Set(["VN", "ID", "CL", "AG", "CK", "XK"]);

describe("parseDacListCsv", () => {
  it("reads columns in any order and case, a BOM, CRLF, quotes and blank lines, and sorts by code", () => {
    const r = parseDacListCsv('\uFEFFGroup,Country,Uncertain\r\nLMIC,"vn",\r\n\r\numic,ID,yes\r\n', known);
    expect(r).toEqual({
      ok: true,
      entries: [
        { country: "ID", group: "UMIC", uncertain: true },
        { country: "VN", group: "LMIC", uncertain: false },
      ],
    });
  });

  it("needs no uncertain column", () => {
    expect(parseDacListCsv("country,group\nXK,UMIC\n", known)).toEqual({ ok: true, entries: [{ country: "XK", group: "UMIC", uncertain: false }] });
  });

  it("refuses an empty file or one with only a header", () => {
    expect(parseDacListCsv("", known)).toEqual({ ok: false, errors: [{ code: "empty" }] });
    expect(parseDacListCsv("country,group\n\n", known)).toEqual({ ok: false, errors: [{ code: "empty" }] });
  });

  it("names the missing header column", () => {
    expect(parseDacListCsv("code,group\nVN,LMIC", known)).toEqual({ ok: false, errors: [{ code: "header", missing: "country" }] });
    expect(parseDacListCsv("country,income\nVN,LMIC", known)).toEqual({ ok: false, errors: [{ code: "header", missing: "group" }] });
  });

  it("reports every bad line with its line number", () => {
    const csv = ["country,group,uncertain", "VN,LMIC,no", "Viet Nam,LMIC,", "FR,UMIC,", "VN,UMIC,", "ID,HIC,", "CL,UMIC,maybe", "AG", 'CK,"UMIC'].join("\n");
    const r = parseDacListCsv(csv, known);
    expect(r).toEqual({
      ok: false,
      errors: [
        { code: "country", line: 3, value: "Viet Nam" },
        { code: "unknownCountry", line: 4, value: "FR" },
        { code: "duplicate", line: 5, value: "VN", firstLine: 2 },
        { code: "group", line: 6, value: "HIC" },
        { code: "uncertain", line: 7, value: "maybe" },
        { code: "columns", line: 8 },
        { code: "columns", line: 9 },
      ],
    });
  });

  it("refuses more rows than any list has", () => {
    const csv = "country,group\n" + "VN,LMIC\n".repeat(401);
    expect(parseDacListCsv(csv, known)).toEqual({ ok: false, errors: [{ code: "tooManyRows", max: 400 }] });
  });

  it("reads back what dacListCsv writes", () => {
    const entries: DacEntry[] = [
      { country: "AG", group: "UMIC", uncertain: true },
      { country: "VN", group: "LDC", uncertain: false },
    ];
    expect(parseDacListCsv(dacListCsv(entries), known)).toEqual({ ok: true, entries });
  });
});

describe("diffDacList", () => {
  const e = (country: string, group: DacEntry["group"], uncertain = false): DacEntry => ({ country, group, uncertain });
  it("lists added, removed and changed countries", () => {
    const d = diffDacList(
      [e("AG", "UMIC"), e("CK", "UMIC"), e("VN", "LDC"), e("ID", "LMIC")],
      [e("AG", "UMIC"), e("VN", "LMIC"), e("ID", "LMIC", true), e("CL", "UMIC")],
    );
    expect(d).toEqual({
      added: [e("CL", "UMIC")],
      removed: [e("CK", "UMIC")],
      changed: [
        { country: "ID", from: e("ID", "LMIC"), to: e("ID", "LMIC", true) },
        { country: "VN", from: e("VN", "LDC"), to: e("VN", "LMIC") },
      ],
      unchanged: 1,
    });
    expect(isEmptyDiff(d)).toBe(false);
    expect(isEmptyDiff(diffDacList([e("AG", "UMIC")], [e("AG", "UMIC")]))).toBe(true);
  });
});

describe("isDacVersionName", () => {
  it("takes a year or a span of years", () => {
    expect(["2021", "2014-2017", "2024-2025"].map(isDacVersionName)).toEqual([true, true, true]);
    expect(["21", "2017-2014", "2014-2014", "2014–2017", "x"].map(isDacVersionName)).toEqual([false, false, false, false, false]);
  });
});
