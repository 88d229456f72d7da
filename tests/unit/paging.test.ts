import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageOf, pageRequestFrom } from "#src/services/paging.ts";

const req = (query: string, defaultSize?: number) => pageRequestFrom(new URLSearchParams(query), defaultSize);

describe("pageRequestFrom", () => {
  it("defaults to page 1 of the default size", () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(req("")).toEqual({ page: 1, size: 50 });
    expect(req("", 20)).toEqual({ page: 1, size: 20 });
  });

  it("reads page and size", () => {
    expect(req("page=3&size=25")).toEqual({ page: 3, size: 25 });
    expect(req("page=1&size=1")).toEqual({ page: 1, size: 1 });
  });

  it("caps the size at the maximum", () => {
    expect(MAX_PAGE_SIZE).toBe(200);
    expect(req("size=200")).toEqual({ page: 1, size: 200 });
    expect(req("size=201")).toEqual({ page: 1, size: 200 });
    expect(req("size=99999999999")).toEqual({ page: 1, size: 200 });
  });

  it.each(["0", "-1", "abc", "", "NaN", "Infinity", "-0"])("falls back for page=%j", (value) => {
    expect(req(`page=${value}`).page).toBe(1);
  });

  it.each(["0", "-5", "x", "", "Infinity"])("falls back to the default size for size=%j", (value) => {
    expect(req(`size=${value}`, 30).size).toBe(30);
  });

  it("reads leading integers leniently, like parseInt", () => {
    expect(req("page=2.9&size=10.5")).toEqual({ page: 2, size: 10 });
    expect(req("page=4abc&size=7px")).toEqual({ page: 4, size: 7 });
    expect(req("page=%20%205")).toEqual({ page: 5, size: 50 });
  });

  it("uses the first value of a repeated parameter", () => {
    expect(req("page=2&page=9")).toEqual({ page: 2, size: 50 });
  });

  it("always yields a usable offset", () => {
    for (const q of ["page=1e3", "page=9007199254740993", "size=1e2"]) {
      const r = req(q);
      expect(Number.isInteger(r.page) && Number.isInteger(r.size)).toBe(true);
      expect(Number.isFinite((r.page - 1) * r.size)).toBe(true);
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.size).toBeGreaterThanOrEqual(1);
      expect(r.size).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    }
  });
});

describe("pageOf", () => {
  it("counts pages, at least one", () => {
    expect(pageOf([], 0, { page: 1, size: 50 })).toEqual({ items: [], total: 0, page: 1, size: 50, pages: 1 });
    expect(pageOf([1], 1, { page: 1, size: 50 }).pages).toBe(1);
    expect(pageOf([], 50, { page: 1, size: 50 }).pages).toBe(1);
    expect(pageOf([], 51, { page: 2, size: 50 }).pages).toBe(2);
    expect(pageOf([], 100, { page: 1, size: 1 }).pages).toBe(100);
  });
});
