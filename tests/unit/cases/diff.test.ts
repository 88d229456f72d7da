import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyContent } from "#src/domain/cases/content.ts";
import { changedFields, diffContent, diffText, diffTokens, diffUnits } from "#src/domain/cases/diff.ts";

const join = (segs: { op: string; text: string }[], keep: string) =>
  segs
    .filter((s) => s.op === "equal" || s.op === keep)
    .map((s) => s.text)
    .join("");

describe("text diff", () => {
  it("cuts Japanese by character and English by word", () => {
    expect(diffUnits("海外展開 in Vietnam.")).toEqual(["海", "外", "展", "開", " ", "in", " ", "Vietnam", "."]);
  });

  it("shows a changed word in English", () => {
    expect(diffText("The intern analysed the market.", "The intern studied the market.")).toEqual([
      { op: "equal", text: "The intern " },
      { op: "delete", text: "analysed" },
      { op: "insert", text: "studied" },
      { op: "equal", text: " the market." },
    ]);
  });

  it("shows inserted Japanese characters", () => {
    expect(diffText("市場調査を行った。", "ベトナム市場の調査を行った。")).toEqual([
      { op: "insert", text: "ベトナム" },
      { op: "equal", text: "市場" },
      { op: "insert", text: "の" },
      { op: "equal", text: "調査を行った。" },
    ]);
  });

  it("gives up past the edit limit and shows the field replaced whole", () => {
    expect(diffTokens(["a", "b", "c"], ["x", "y", "z"], 2)).toBeNull();
    expect(diffText("", "new")).toEqual([{ op: "insert", text: "new" }]);
  });

  it("property: the segments rebuild both texts, and the edit script is never longer than replacing everything", () => {
    const unit = fc.constantFrom("a", "b", "c", " ", "海", "外", "word", ".");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.array(unit, { maxLength: 30 }), (x, y) => {
        const a = x.join("");
        const b = y.join("");
        const segs = diffText(a, b);
        expect(join(segs, "delete")).toBe(a);
        expect(join(segs, "insert")).toBe(b);
        const units = diffTokens(diffUnits(a), diffUnits(b));
        const edits = (units ?? []).filter((s) => s.op !== "equal").reduce((n, s) => n + diffUnits(s.text).length, 0);
        expect(edits).toBeLessThanOrEqual(diffUnits(a).length + diffUnits(b).length);
      }),
    );
  });
});

describe("content diff", () => {
  it("lists the fields that changed, in page order", () => {
    const a = emptyContent("overseas_expansion");
    const b = { ...a, theme: "cross_cultural" as const, en: { ...a.en, title: "A title" }, ja: { ...a.ja, quotes: [{ text: "良かった", by: "社長" }] } };
    expect(changedFields(a, b)).toEqual(["theme", "ja.quotes.1.text", "ja.quotes.1.by", "en.title"]);
    const changes = diffContent(a, b);
    expect(changes[0]).toEqual({ field: "theme", before: "overseas_expansion", after: "cross_cultural", segments: expect.any(Array) });
    expect(diffContent(a, a)).toEqual([]);
  });
});
