/**
 * Full-text search of the case library in Japanese and English, the same on
 * PGlite and PostgreSQL with no extension (ADR 0024). Japanese has no spaces
 * between words, so a Japanese run of text is indexed as its character
 * bigrams (海外展開 → 海外 外展 展開), the way CJK search engines index it;
 * English (and any other alphabet) as words with a light plural folding.
 * Text is folded first: NFKC (full-width letters and digits, half-width
 * katakana), lower case, hiragana as katakana (りんご finds リンゴ).
 *
 * A query matches a case when the case holds every token of every term
 * (`search_tokens @> query tokens`, GIN-indexed) and every Japanese run of
 * the query appears as written in the folded text (`search_text like`), so
 * 海外展開 does not match a text that merely has 海外 … 外展 … 展開 apart, and
 * a one-character query (茶) is still found.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005\u3006\u30f5\u30f6]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Folds text for searching: NFKC, lower case, hiragana → katakana, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

/** A word's search form: possessive and plural endings folded (cases → case, companies → company). */
export function stemWord(word: string): string {
  let w = word.replace(/['’]s$/, "");
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && /(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  return w;
}

interface Run {
  kind: "cjk" | "word";
  text: string;
}

/** Splits folded text into Japanese runs and words; everything else separates them. */
function runs(folded: string): Run[] {
  const out: Run[] = [];
  let current: Run | null = null;
  for (const ch of folded) {
    const kind = CJK.test(ch) ? "cjk" : WORD.test(ch) || ch === "'" || ch === "’" ? "word" : null;
    if (kind === null || (current && current.kind !== kind)) {
      if (current) out.push(current);
      current = null;
    }
    if (kind === null) continue;
    if (!current) current = { kind, text: "" };
    current.text += ch;
  }
  if (current) out.push(current);
  return out.map((r) => (r.kind === "word" ? { ...r, text: r.text.replace(/^['’]+|['’]+$/g, "") } : r)).filter((r) => r.text !== "");
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return [chars[0]!];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The distinct tokens a document is indexed by (bigrams of Japanese runs, one-character runs as themselves, stemmed words). */
export function documentTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const r of runs(foldForSearch(text))) {
    if (r.kind === "cjk") for (const b of bigrams(r.text)) tokens.add(b);
    else tokens.add(stemWord(r.text));
  }
  return [...tokens].sort();
}

export interface SearchQuery {
  /** Every one must be among the document's tokens. */
  tokens: string[];
  /** Every one must occur in the folded document text (Japanese runs, as typed). */
  phrases: string[];
}

export const MAX_QUERY_LENGTH = 100;

/** What a visitor typed, as the tokens and phrases a document must hold; null when nothing searchable was typed. */
export function parseSearchQuery(raw: string): SearchQuery | null {
  const folded = foldForSearch(raw.slice(0, MAX_QUERY_LENGTH));
  const tokens = new Set<string>();
  const phrases = new Set<string>();
  for (const r of runs(folded)) {
    if (r.kind === "cjk") {
      phrases.add(r.text);
      if ([...r.text].length >= 2) for (const b of bigrams(r.text)) tokens.add(b);
    } else {
      tokens.add(stemWord(r.text));
    }
  }
  if (tokens.size === 0 && phrases.size === 0) return null;
  return { tokens: [...tokens].sort().slice(0, 40), phrases: [...phrases].slice(0, 10) };
}

/** Whether a document matches a query: the same rule the database applies (for tests and the benchmark's check). */
export function matchesQuery(text: string, query: SearchQuery): boolean {
  const tokens = new Set(documentTokens(text));
  const folded = foldForSearch(text);
  return query.tokens.every((t) => tokens.has(t)) && query.phrases.every((p) => folded.includes(p));
}

/** A LIKE pattern that matches `phrase` anywhere, with LIKE's wildcards escaped (escape character "\"). */
export function likeContains(phrase: string): string {
  return `%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
