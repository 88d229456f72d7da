import { describe, expect, it } from "vitest";
import { MATCHING_MODES, isMatchingMode, modeLock, outsideShortlist, prefilledShortlist, suggestedShortlistSize } from "#src/domain/matching/shortlist.ts";

describe("office-shortlist mode rules (ADR 0037)", () => {
  it("knows the two modes", () => {
    expect(MATCHING_MODES).toEqual(["open_ranking", "office_shortlist"]);
    expect(isMatchingMode("office_shortlist")).toBe(true);
    expect(isMatchingMode("lottery")).toBe(false);
    expect(isMatchingMode(undefined)).toBe(false);
  });

  it("locks the mode once a rank list is saved or the round is past matching", () => {
    expect(modeLock({ phase: "selection", rankListsSaved: 0 })).toBeNull();
    expect(modeLock({ phase: "matching", rankListsSaved: 0 })).toBeNull();
    expect(modeLock({ phase: "matching", rankListsSaved: 2 })).toEqual({ code: "mode_locked", rankLists: 2 });
    expect(modeLock({ phase: "internship", rankListsSaved: 0 })).toEqual({ code: "mode_phase_over", phase: "internship" });
  });

  it("ticks three candidates per place, at least five, from the top of the suggestion unless a shortlist is saved", () => {
    expect(suggestedShortlistSize(1)).toBe(5);
    expect(suggestedShortlistSize(2)).toBe(6);
    expect(suggestedShortlistSize(0)).toBe(5);
    const ranked = ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({ id }));
    expect(prefilledShortlist(ranked, [], 1)).toEqual(["a", "b", "c", "d", "e"]);
    expect(prefilledShortlist(ranked, [], 2)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(prefilledShortlist(ranked, ["g", "b"], 1)).toEqual(["g", "b"]);
  });

  it("names the entries outside the shortlist", () => {
    expect(outsideShortlist(["a", "x", "b", "y"], ["a", "b"])).toEqual(["x", "y"]);
    expect(outsideShortlist(["a"], ["a", "b"])).toEqual([]);
  });
});
