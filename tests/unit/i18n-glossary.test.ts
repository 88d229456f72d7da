/**
 * The program's terms are said one way per language (src/i18n/glossary.json):
 * no catalogue uses a known wrong variant, the keys that name a term use it,
 * and every e-mail is signed by the program office as the glossary says.
 */
import { describe, expect, it } from "vitest";
import glossary from "#src/i18n/glossary.json" with { type: "json" };
import { LOCALES, type Locale } from "#src/i18n/locales.ts";
import { CATALOGUES } from "#src/i18n/translator.ts";

interface Rendering {
  term: string;
  also?: string[];
  signature?: string;
  wrong: string[];
  note?: string;
}
type Term = { note: string; keys?: string[] } & Record<Locale, Rendering>;
const TERMS = glossary.terms as unknown as Record<string, Term>;

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const LATIN = /\p{Script=Latin}/u;

/**
 * Where a phrase occurs, ignoring case. A phrase that starts or ends with a
 * Latin letter matches whole words only, plural -s/-es included.
 */
function occurrences(text: string, phrase: string): [number, number][] {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before = LATIN.test(phrase[0]!) ? "(?<![\\p{L}\\p{M}])" : "";
  const after = LATIN.test(phrase.at(-1)!) ? "(?:e?s)?(?![\\p{L}\\p{M}])" : "";
  return [...text.matchAll(new RegExp(`${before}${escaped}${after}`, "giu"))].map((m) => [m.index, m.index + m[0].length]);
}

/** The wrong variants a text uses: occurrences not inside an occurrence of the right term or an accepted form. */
function wrongVariantsIn(text: string, r: Rendering): string[] {
  const right = [r.term, ...(r.also ?? [])].flatMap((p) => occurrences(text, p));
  return r.wrong.filter((w) => occurrences(text, w).some(([s, e]) => !right.some(([a, b]) => a <= s && e <= b)));
}

function uses(text: string, r: Rendering): boolean {
  return [r.term, ...(r.also ?? [])].some((p) => occurrences(text, p).length > 0);
}

describe("the glossary", () => {
  it("gives every term a usage note and one rendering in each of the six languages", () => {
    expect(Object.keys(TERMS).length).toBeGreaterThanOrEqual(20);
    for (const [id, term] of Object.entries(TERMS)) {
      expect(term.note.length, id).toBeGreaterThan(20);
      for (const locale of LOCALES) {
        expect(term[locale]?.term, `${id} ${locale}`).toBeTruthy();
        expect(Array.isArray(term[locale].wrong), `${id} ${locale}`).toBe(true);
      }
    }
  });

  it("is consistent with itself: no rendering counts as its own wrong variant", () => {
    for (const [id, term] of Object.entries(TERMS)) {
      for (const locale of LOCALES) {
        const r = term[locale];
        for (const form of [r.term, ...(r.also ?? []), r.signature ?? ""]) expect(wrongVariantsIn(form, r), `${id} ${locale}: ${form}`).toEqual([]);
      }
    }
  });

  it("catches a wrong variant, and only outside the right term", () => {
    const office = TERMS.programOffice!;
    expect(wrongVariantsIn("日本インターンシッププログラム事務局", TERMS.program!.ja)).toEqual(["日本インターンシッププログラム"]);
    expect(wrongVariantsIn("Pesan dari Kantor Program", office.id)).toEqual(["kantor program"]);
    expect(wrongVariantsIn("请联系项目事务局。", office.zh)).toEqual(["事务局"]);
    // 中小企業 inside 中堅・中小企業 is right; alone it is not.
    expect(wrongVariantsIn("日本の中堅・中小企業で", TERMS.hostScope!.ja)).toEqual([]);
    expect(wrongVariantsIn("日本の中小企業で", TERMS.hostScope!.ja)).toEqual(["中小企業"]);
    // Whole words (and their plural) only for Latin script: "SMEs" is an "SME", "smell" is not.
    expect(wrongVariantsIn("SMEs in Japan", TERMS.hostScope!.en)).toEqual(["SME"]);
    expect(wrongVariantsIn("a smell", TERMS.hostScope!.en)).toEqual([]);
  });
});

for (const locale of LOCALES) {
  describe(`${locale} catalogue`, () => {
    const messages = leaves(CATALOGUES[locale]);

    it("uses no known wrong variant of a glossary term", () => {
      const found: string[] = [];
      for (const [key, text] of messages) {
        for (const [id, term] of Object.entries(TERMS)) {
          for (const w of wrongVariantsIn(text, term[locale])) found.push(`${key}: "${w}" → "${term[locale].term}" (${id})`);
        }
      }
      expect(found).toEqual([]);
    });

    it("names each term the glossary's way in the keys listed for it", () => {
      const missing: string[] = [];
      for (const [id, term] of Object.entries(TERMS)) {
        for (const key of term.keys ?? []) {
          const text = messages.get(key);
          if (text !== undefined && !uses(text, term[locale])) missing.push(`${key}: "${text}" lacks "${term[locale].term}" (${id})`);
        }
      }
      expect(missing).toEqual([]);
    });

    it("signs every e-mail as the program office", () => {
      const signature = TERMS.programOffice![locale].signature!;
      const bodies = [...messages].filter(([key]) => /^mail\.[^.]+\.body$/.test(key));
      if (locale === "ja" || locale === "en") expect(bodies.length).toBeGreaterThan(5);
      for (const [key, body] of bodies) expect(body.endsWith(`\n\n${signature}`), `${key} ends "${body.slice(-40)}"`).toBe(true);
    });
  });
}

it("every key a glossary term lists exists in Japanese and English", () => {
  for (const [id, term] of Object.entries(TERMS)) {
    for (const key of term.keys ?? []) {
      expect(leaves(CATALOGUES.ja).has(key), `${id}: ${key}`).toBe(true);
      expect(leaves(CATALOGUES.en).has(key), `${id}: ${key}`).toBe(true);
    }
  }
});
