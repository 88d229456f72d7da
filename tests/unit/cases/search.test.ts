import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentTokens, foldForSearch, likeContains, matchesQuery, parseSearchQuery, stemWord } from "#src/domain/cases/search.ts";

const TEXT = "さくら精機は、ベトナムへの海外展開を目指して市場調査を行いました。The intern analysed Vietnamese companies' supply chains.";

describe("folding", () => {
  it("makes full-width letters half-width, half-width katakana full-width, hiragana katakana, and lower case", () => {
    expect(foldForSearch("ＡＢＣ１２３")).toBe("abc123");
    expect(foldForSearch("ｶﾀｶﾅ")).toBe("カタカナ");
    expect(foldForSearch("りんご")).toBe("リンゴ");
    expect(foldForSearch("  Overseas\n\tEXPANSION ")).toBe("overseas expansion");
  });

  it("folds plurals and possessives", () => {
    expect(stemWord("cases")).toBe("case");
    expect(stemWord("companies")).toBe("company");
    expect(stemWord("branches")).toBe("branch");
    expect(stemWord("business")).toBe("business");
    expect(stemWord("company's")).toBe("company");
    expect(stemWord("analysis")).toBe("analysis");
  });
});

describe("tokens", () => {
  it("indexes Japanese runs as bigrams and English as words", () => {
    const tokens = documentTokens("海外展開 and Markets");
    expect(tokens).toEqual(expect.arrayContaining(["海外", "外展", "展開", "and", "market"]));
    expect(tokens).not.toContain("海外展開");
  });

  it("keeps a one-character Japanese run as itself", () => {
    expect(documentTokens("茶 の 湯")).toEqual(expect.arrayContaining(["茶", "ノ", "湯"]));
  });
});

describe("queries", () => {
  it("finds a Japanese word inside a sentence without spaces", () => {
    expect(matchesQuery(TEXT, parseSearchQuery("海外展開")!)).toBe(true);
    expect(matchesQuery(TEXT, parseSearchQuery("市場")!)).toBe(true);
    expect(matchesQuery(TEXT, parseSearchQuery("しじょう")!)).toBe(false);
  });

  it("does not match bigrams that are present but apart", () => {
    // 海外 and 展開 are both in the text, but not 外市.
    expect(matchesQuery(TEXT, parseSearchQuery("海外市場")!)).toBe(false);
  });

  it("matches hiragana against katakana and full-width against half-width", () => {
    expect(matchesQuery("ベトナム市場", parseSearchQuery("べとなむ")!)).toBe(true);
    expect(matchesQuery("IT企業", parseSearchQuery("ＩＴ")!)).toBe(true);
  });

  it("needs every term (AND) and folds English plurals", () => {
    expect(matchesQuery(TEXT, parseSearchQuery("supply chain")!)).toBe(true);
    expect(matchesQuery(TEXT, parseSearchQuery("company")!)).toBe(true);
    expect(matchesQuery(TEXT, parseSearchQuery("supply tea")!)).toBe(false);
  });

  it("finds a one-character query by its phrase", () => {
    const q = parseSearchQuery("茶")!;
    expect(q).toEqual({ tokens: [], phrases: ["茶"] });
    expect(matchesQuery("緑茶の輸出", q)).toBe(true);
    expect(matchesQuery("緑の輸出", q)).toBe(false);
  });

  it("ignores punctuation-only input and caps the query length", () => {
    expect(parseSearchQuery("  !!! ")).toBeNull();
    expect(parseSearchQuery("")).toBeNull();
    expect(parseSearchQuery("a".repeat(500))!.tokens[0]!.length).toBeLessThanOrEqual(100);
  });

  it("escapes LIKE wildcards", () => {
    expect(likeContains("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("property: any Japanese substring of a document finds it", () => {
    const kana = fc.constantFrom(..."あいうえおかきくけこ海外展開市場調査事業人材");
    fc.assert(
      fc.property(fc.array(kana, { minLength: 3, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 6 }), (chars, start, len) => {
        const doc = chars.join("");
        const s = start % chars.length;
        const sub = chars.slice(s, s + len).join("");
        expect(matchesQuery(doc, parseSearchQuery(sub)!)).toBe(true);
      }),
    );
  });
});
