import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, STAFF_LOCALES, isLocale, isStaffLocale, localeOr, negotiateLocale } from "#src/i18n/locales.ts";

describe("negotiateLocale", () => {
  it("falls back to Japanese without a header", () => {
    expect(DEFAULT_LOCALE).toBe("ja");
    expect(negotiateLocale(null)).toBe("ja");
    expect(negotiateLocale("")).toBe("ja");
  });

  it.each([
    ["en", "en"],
    ["vi", "vi"],
    ["id", "id"],
    ["zh", "zh"],
    ["th", "th"],
    ["ja", "ja"],
  ])("picks a supported language %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it.each([
    ["en-US", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["vi-VN", "vi"],
    ["zh-Hans-CN", "zh"],
    ["zh-TW", "zh"],
    ["th-TH", "th"],
    ["id-ID", "id"],
    ["ja-JP", "ja"],
    ["EN-us", "en"],
    ["VI", "vi"],
  ])("reduces region and script subtags: %s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it.each([
    ["fr-FR,fr;q=0.9", "ja"],
    ["de", "ja"],
    ["*", "ja"],
    ["x-pig-latin", "ja"],
    ["ko-KR, ko;q=0.9", "ja"],
  ])("unsupported languages → ja: %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it.each([
    ["fr;q=1, vi;q=0.8, en;q=0.5", "vi"],
    ["en;q=0.1, th;q=0.9", "th"],
    ["ja;q=0.2, id;q=0.3, en;q=0.25", "id"],
    ["en;q=0.5,vi", "vi"], // missing q means 1
    ["de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8,ja;q=0.7", "zh"],
  ])("orders by q-value: %s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("keeps header order among equal q-values", () => {
    expect(negotiateLocale("vi, en")).toBe("vi");
    expect(negotiateLocale("en, vi")).toBe("en");
    expect(negotiateLocale("th;q=0.5, id;q=0.5")).toBe("th");
  });

  it("tolerates whitespace around list items and parameters", () => {
    expect(negotiateLocale("  fr;q=0.9 ,  vi; q=0.8  ")).toBe("vi");
    expect(negotiateLocale("vi;level=1;q=0.5, fr")).toBe("vi");
  });

  // KNOWN BUG in src/i18n/locales.ts (outside this suite's fix scope): the tag is not trimmed before
  // ";", so "vi ;q=0.8" (optional whitespace allowed by RFC 9110 §12.4.2) is not recognized.
  it("tolerates whitespace between a tag and its parameters", () => {
    expect(negotiateLocale("fr ;q=0.9, vi ; q=0.8")).toBe("vi");
  });

  it("skips entries with unparseable q-values", () => {
    expect(negotiateLocale("vi;q=abc, en;q=0.1")).toBe("en");
  });

  it("prefers any q>0 language over a q=0 one", () => {
    expect(negotiateLocale("en;q=0, vi;q=0.1")).toBe("vi");
  });

  // KNOWN BUG in src/i18n/locales.ts: q=0 means "not acceptable" (RFC 9110 §12.4.2), yet a q=0
  // language is still chosen when nothing better is listed. Turns red once fixed: make it a plain it().
  it("a q=0 language is never picked even when it is the only supported one", () => {
    expect(negotiateLocale("vi;q=0")).toBe("ja");
    expect(negotiateLocale("vi;q=0, fr")).toBe("ja");
  });

  it("ignores empty entries", () => {
    expect(negotiateLocale(",,vi,,")).toBe("vi");
    expect(negotiateLocale(";q=1, th")).toBe("th");
  });

  it("respects the allowed list (staff pages: ja and en only)", () => {
    expect(negotiateLocale("vi, en;q=0.5", STAFF_LOCALES)).toBe("en");
    expect(negotiateLocale("vi", STAFF_LOCALES)).toBe("ja");
    expect(negotiateLocale("th-TH, ja;q=0.1", STAFF_LOCALES)).toBe("ja");
  });
});

describe("isLocale / isStaffLocale", () => {
  it("knows the six platform languages", () => {
    expect(LOCALES).toEqual(["ja", "en", "vi", "id", "zh", "th"]);
    for (const l of LOCALES) expect(isLocale(l)).toBe(true);
    for (const x of ["", "JA", "en-US", "fr", null, undefined, 1, {}]) expect(isLocale(x)).toBe(false);
  });
  it("staff use ja and en", () => {
    expect(LOCALES.filter(isStaffLocale)).toEqual(["ja", "en"]);
  });
});

describe("localeOr", () => {
  it("keeps a supported locale and reads anything else as the default, or the fallback given", () => {
    for (const l of LOCALES) expect(localeOr(l)).toBe(l);
    for (const odd of [null, undefined, "", "fr", "EN", "ja-JP", 7]) expect(localeOr(odd), String(odd)).toBe(DEFAULT_LOCALE);
    expect(localeOr("fr", "en")).toBe("en");
    expect(localeOr("vi", "en")).toBe("vi");
  });
});
