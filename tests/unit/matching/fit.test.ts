import { describe, expect, it } from "vitest";
import { type FitCandidate, type FitPosition, fitOf, rankByFit } from "#src/domain/matching/fit.ts";

const position: FitPosition = {
  fields: ["sales", "marketing"],
  regionCode: "kanto",
  jsicDivision: "I",
  requiredJlptLevel: "N3",
  englishRequired: true,
  targetCountries: ["VN", "TH"],
};

const candidate = (over: Partial<FitCandidate> & { code: string }): FitCandidate => ({
  id: over.code,
  nationality: "VN",
  preferredFields: ["sales"],
  preferredRegions: ["kanto"],
  preferredIndustries: ["I"],
  jlptLevel: "N2",
  englishSelfLevel: "business",
  hasEnglishTest: false,
  ...over,
});

describe("fit of an applicant to a position", () => {
  it("meets every criterion the position sets, with their weights", () => {
    const fit = fitOf(position, candidate({ code: "A" }));
    expect(fit.missed).toEqual([]);
    expect(fit.met.sort()).toEqual(["country", "english", "field", "industry", "japanese", "region"]);
    expect(fit).toMatchObject({ score: 12, maxScore: 12 });
  });

  it("misses a Japanese level below the requirement (N4 < N3), English at conversational level, another country", () => {
    const fit = fitOf(position, candidate({ code: "B", jlptLevel: "N4", englishSelfLevel: "conversational", nationality: "ID" }));
    expect(fit.missed.sort()).toEqual(["country", "english", "japanese"]);
    expect(fit).toMatchObject({ score: 4, maxScore: 12 });
    expect(fitOf(position, candidate({ code: "C", jlptLevel: null, englishSelfLevel: null, hasEnglishTest: true })).missed).toEqual(["japanese"]);
  });

  it("does not judge what neither side set", () => {
    const open: FitPosition = { fields: [], regionCode: "kanto", jsicDivision: "I", requiredJlptLevel: null, englishRequired: false, targetCountries: [] };
    const fit = fitOf(open, candidate({ code: "D", preferredRegions: [], preferredIndustries: [] }));
    expect(fit).toEqual({ id: "D", code: "D", score: 0, maxScore: 0, met: [], missed: [] });
  });

  it("ranks best first; ties keep the receipt number order; a missed requirement ranks lower at equal score", () => {
    const ranked = rankByFit(position, [
      candidate({ code: "JIP-3", preferredRegions: ["kinki"] }),
      candidate({ code: "JIP-2", jlptLevel: "N5", preferredFields: [], preferredIndustries: ["E"] }),
      candidate({ code: "JIP-1", preferredRegions: ["kinki"] }),
      candidate({ code: "JIP-4" }),
      // the same score as JIP-2 (6) without missing a requirement: before it despite its receipt number
      candidate({ code: "JIP-9", nationality: "ID", preferredFields: ["it"], preferredRegions: ["kinki"], preferredIndustries: ["E"], jlptLevel: "N1" }),
    ]);
    expect(ranked.map((f) => [f.code, f.score])).toEqual([
      ["JIP-4", 12],
      ["JIP-1", 11],
      ["JIP-3", 11],
      ["JIP-9", 6],
      ["JIP-2", 6],
    ]);
  });
});
