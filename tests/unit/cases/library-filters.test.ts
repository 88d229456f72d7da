import { describe, expect, it } from "vitest";
import { displayLanguage, libraryFiltersFrom } from "#src/services/cases/public-cases.ts";

describe("the library's address", () => {
  it("keeps only known filter values; nationality in upper case; the search trimmed and capped", () => {
    expect(libraryFiltersFrom(new URLSearchParams("theme=cross_cultural&industry=E&region=kinki&size=gt1000&nationality=vn&q=%20海外%20"))).toEqual({
      theme: "cross_cultural",
      industry: "E",
      region: "kinki",
      size: "gt1000",
      nationality: "VN",
      q: "海外",
    });
    const odd = libraryFiltersFrom(new URLSearchParams(`theme=x&industry=Z&region=mars&size=huge&nationality=VNM&q=${"a".repeat(300)}`));
    expect(odd).toMatchObject({ theme: undefined, industry: undefined, region: undefined, size: undefined, nationality: undefined });
    expect(odd.q).toHaveLength(100);
  });
});

describe("which language a case is shown in", () => {
  it("the page's own when published in it, else English for the other languages' pages, else the one it has", () => {
    expect(displayLanguage(["ja", "en"], "ja")).toBe("ja");
    expect(displayLanguage(["ja", "en"], "en")).toBe("en");
    expect(displayLanguage(["ja", "en"], "vi")).toBe("en");
    expect(displayLanguage(["ja"], "en")).toBe("ja");
    expect(displayLanguage(["ja"], "th")).toBe("ja");
    expect(displayLanguage(["en"], "ja")).toBe("en");
  });
});
