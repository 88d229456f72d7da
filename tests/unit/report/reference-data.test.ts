import { describe, expect, it } from "vitest";
import { indexReportConfig } from "#src/domain/report/index.ts";
import { defaultReportConfig } from "#src/report/data.ts";
import countries from "#src/db/reference/countries.json" with { type: "json" };
import dacList from "#src/db/reference/dac-list.json" with { type: "json" };

describe("the report's shipped groupings", () => {
  const index = indexReportConfig(defaultReportConfig());

  it("puts every country in exactly one world region (Antarctica in none)", () => {
    const codes = countries.countries.map((c) => c.code);
    expect(codes.filter((c) => !index.worldRegionOf.has(c))).toEqual(["AQ"]);
    expect([...index.worldRegionOf.keys()].filter((c) => !codes.includes(c))).toEqual([]);
  });

  it("covers every country of every DAC list version", () => {
    for (const v of dacList.versions)
      expect(
        v.entries.map((e) => e.country).filter((c) => !index.worldRegionOf.has(c)),
        v.version,
      ).toEqual([]);
  });

  it("places the program's usual nationalities where the report expects them", () => {
    const expected: Record<string, string> = {
      VN: "southeast_asia",
      CN: "east_asia",
      IN: "south_asia",
      UZ: "central_asia",
      TR: "west_asia",
      EG: "africa",
      UA: "europe",
      MX: "central_america_caribbean",
      BR: "south_america",
      FJ: "oceania",
      US: "north_america",
      XK: "europe",
      TW: "east_asia",
    };
    for (const [c, r] of Object.entries(expected)) expect(index.worldRegionOf.get(c), c).toBe(r);
  });

  it("groups industries as the published report does by default: service = R, wholesale and retail = I, manufacturing = E, every other division its own row", () => {
    expect(index.industryRows).toEqual([
      "group:service",
      "group:wholesale_retail",
      "group:manufacturing",
      ..."ABCDFGHJKLMNOPQST".split("").map((d) => `jsic:${d}`),
    ]);
    expect(index.industryRowOf.get("R")).toBe("group:service");
    expect(index.industryRowOf.get("I")).toBe("group:wholesale_retail");
    expect(index.industryRowOf.get("E")).toBe("group:manufacturing");
  });
});
