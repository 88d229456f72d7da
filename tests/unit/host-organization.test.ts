import { describe, expect, it } from "vitest";
import prefectures from "#src/db/reference/prefectures.json" with { type: "json" };
import { hostApplicationEditable, looksLikeHtml, sizeClassOf } from "#src/domain/host-organization.ts";
import { PREFECTURE_CODES, isPrefectureCode, regionOf } from "#src/domain/regions.ts";

describe("size class from the number of employees", () => {
  it.each([
    [0, "le9"],
    [9, "le9"],
    [10, "10to99"],
    [99, "10to99"],
    [100, "100to499"],
    [499, "100to499"],
    [500, "500to1000"],
    [1000, "500to1000"],
    [1001, "gt1000"],
    [250_000, "gt1000"],
  ] as const)("%i employees → %s", (n, cls) => {
    expect(sizeClassOf(n)).toBe(cls);
  });

  it("refuses counts that are not whole numbers ≥ 0", () => {
    expect(() => sizeClassOf(-1)).toThrow();
    expect(() => sizeClassOf(9.5)).toThrow();
    expect(() => sizeClassOf(Number.NaN)).toThrow();
  });
});

describe("region of a prefecture", () => {
  it.each([
    ["01", "hokkaido"],
    ["02", "tohoku"],
    ["07", "tohoku"],
    ["08", "kanto"],
    ["13", "kanto"],
    ["14", "kanto"],
    ["15", "chubu"],
    ["23", "chubu"],
    ["24", "kinki"],
    ["30", "kinki"],
    ["31", "chugoku"],
    ["35", "chugoku"],
    ["36", "shikoku"],
    ["39", "shikoku"],
    ["40", "kyushu_okinawa"],
    ["47", "kyushu_okinawa"],
  ] as const)("%s → %s", (code, region) => {
    expect(regionOf(code)).toBe(region);
  });

  it("agrees with the reference table for all 47 prefectures", () => {
    expect(PREFECTURE_CODES).toHaveLength(47);
    for (const p of prefectures.prefectures) expect(regionOf(p.code), p.code).toBe(p.region);
  });

  it("refuses codes outside Japan's prefectures", () => {
    for (const bad of ["00", "48", "99", "1", "013", "ab", ""]) {
      expect(isPrefectureCode(bad), bad).toBe(false);
      expect(() => regionOf(bad)).toThrow();
    }
  });
});

describe("host application editing window", () => {
  const close = new Date("2027-05-31T14:59:00Z");
  const round = { phase: "recruitment", hostApplicationClose: close };
  it("is editable until the deadline, which closes it at its own instant (deadlinePassed), then read-only", () => {
    expect(hostApplicationEditable("draft", round, new Date("2027-05-31T14:58:59.999Z"))).toBe(true);
    expect(hostApplicationEditable("draft", round, new Date("2027-05-31T14:59:00Z"))).toBe(false);
    expect(hostApplicationEditable("draft", round, new Date("2027-05-31T14:59:00.001Z"))).toBe(false);
    expect(hostApplicationEditable("accepted", round, new Date("2027-01-01T00:00:00Z"))).toBe(false);
    expect(hostApplicationEditable("draft", { ...round, hostApplicationClose: null }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
    expect(hostApplicationEditable("submitted", round, new Date("2027-05-31T14:58:00Z"))).toBe(true);
    expect(hostApplicationEditable("changes_requested", round, new Date("2027-06-30T00:00:00Z"))).toBe(true);
  });
  it("is read-only outside the phases that take host applications, whatever the deadline", () => {
    const early = new Date("2027-01-01T00:00:00Z");
    expect(hostApplicationEditable("draft", { ...round, phase: "information_sessions" }, early)).toBe(true);
    for (const phase of ["draft", "screening", "selection", "closed"]) {
      expect(hostApplicationEditable("draft", { ...round, phase }, early), phase).toBe(false);
      expect(hostApplicationEditable("changes_requested", { ...round, phase }, early), phase).toBe(false);
    }
  });
});

describe("markup in text", () => {
  it("finds tags but not ordinary comparisons", () => {
    expect(looksLikeHtml("<script>alert(1)</script>")).toBe(true);
    expect(looksLikeHtml("<b>bold</b>")).toBe(true);
    expect(looksLikeHtml("capacity < 3 and > 1")).toBe(false);
    expect(looksLikeHtml("営業部 <海外>")).toBe(false);
  });
});
