/**
 * Affiliation names → comparison keys, for conflict-of-interest checks.
 *
 * `normalizeAffiliation(name)` applies, in order:
 *  1. Unicode NFKC (full-width Latin and digits, half-width katakana, ㈱ → (株)),
 *     then Chinese traditional/simplified variants folded (大學 → 大学, 东 → 東);
 *  2. lower case; Latin diacritics removed (Đại học → dai hoc, Universität →
 *     universitat; đ ø ł æ œ ß without a decomposition mapped by hand);
 *  3. apostrophes removed ("People's" → peoples), "&" and "+" read as "and",
 *     the parenthesized Japanese forms (株) (有) removed, every other
 *     punctuation mark or symbol read as a space;
 *  4. spaces between Japanese, Chinese or Thai characters removed (those
 *     scripts do not separate words), then their institution words and legal
 *     forms replaced (大学 → UNIV, 株式会社 → nothing, มหาวิทยาลัย → UNIV);
 *  5. split into words; runs of single letters joined ("K.K." → kk,
 *     "P.T." → pt); word sequences and words replaced by canonical tokens
 *     (university, univ, universitas, universität, ĐH → UNIV; institute,
 *     inst → INST; technology, tech, teknologi → TECH …) or dropped (legal
 *     forms: co, ltd, inc, corp, PT, Tbk, JSC, công ty, TNHH …; articles and
 *     prepositions: the, of, and, de …);
 *  6. the remaining words sorted and joined by one space (so "University of
 *     Tokyo" and "Tokyo University" give the same key).
 * A name with no word left beyond canonical tokens ("University", "Company
 * Limited") has no key: it never matches anything.
 *
 * `affiliationKeys(name)` returns the key of the whole name plus the keys of
 * the institution it names when it also names a sub-unit: each part between
 * commas, semicolons, slashes or parentheses that names an institution
 * ("Faculty of Law, Kyoto University" → "UNIV kyoto"), the words before a
 * faculty/department/graduate-school word, the words from the first
 * institution word on when the name starts with a sub-unit ("Fakultas Teknik
 * Universitas Indonesia" → "UNIV indonesia"), and the words up to the first
 * university word when a sub-unit follows (京都大学工学部 → "UNIV 京都").
 */
import {
  CJK_VARIANTS,
  INSTITUTION_TOKENS,
  PARENTHESIZED_FORMS,
  PHRASES,
  SCRIPT_SUBSTRINGS,
  SPECIAL_LETTERS,
  SUBUNIT_TOKENS,
  WORDS,
} from "./affiliation-vocabulary.ts";

const WORD_MAP = new Map(Object.entries(WORDS));
/** first word → phrases starting with it, longest first */
const PHRASE_MAP = (() => {
  const m = new Map<string, { words: string[]; replacement: string[] }[]>();
  for (const [phrase, replacement] of PHRASES) {
    const words = phrase.split(" ");
    const list = m.get(words[0]!) ?? [];
    list.push({ words, replacement: replacement === "" ? [] : replacement.split(" ") });
    m.set(words[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

const CJK_OR_THAI = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}ー";
const SPACE_INSIDE_SCRIPT = new RegExp(`(?<=[${CJK_OR_THAI}])\\s+(?=[${CJK_OR_THAI}])`, "gu");
const IS_CJK_OR_THAI = new RegExp(`[${CJK_OR_THAI}]`, "u");
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const SEGMENT_SEPARATORS = /[,;()[\]/|、，:]|\s[-–—]\s/u;
const CANONICAL = /^[A-Z]+$/;
const SINGLE = /^[a-z0-9]$/;

const foldScript = (s: string) =>
  Array.from(s.normalize("NFKC"), (ch) => CJK_VARIANTS[ch] ?? ch)
    .join("")
    .toLowerCase();
/** the word lists go through the same folding as names (NFKC changes e.g. Thai ำ into ํา) */
const SUBSTRINGS = SCRIPT_SUBSTRINGS.map(([from, to]) => [foldScript(from), to] as const);
const PARENTHESIZED = PARENTHESIZED_FORMS.map(foldScript);

/** Steps 1–3 up to (not including) punctuation removal. */
function fold(name: string): string {
  let s = foldScript(name);
  s = Array.from(s, (ch) => SPECIAL_LETTERS[ch] ?? ch).join("");
  s = s.normalize("NFD").replace(LATIN_MARKS, "$1").normalize("NFC");
  s = s.replace(/['’ʼ`´]/g, "").replace(/[&+]/g, " and ");
  for (const form of PARENTHESIZED) s = s.split(form).join(" ");
  return s;
}

/** Steps 3–5 on a folded string: the ordered tokens. */
function tokenize(folded: string): string[] {
  let s = folded.replace(PUNCTUATION, " ").replace(SPACE_INSIDE_SCRIPT, "");
  for (const [from, to] of SUBSTRINGS) if (s.includes(from)) s = s.split(from).join(` ${to} `);
  const raw = s.split(/\s+/).filter((t) => t !== "");
  // join runs of single letters or digits: "k k" → "kk"
  const joined: string[] = [];
  for (let i = 0; i < raw.length;) {
    if (SINGLE.test(raw[i]!) && i + 1 < raw.length && SINGLE.test(raw[i + 1]!)) {
      let j = i;
      let word = "";
      while (j < raw.length && SINGLE.test(raw[j]!)) word += raw[j++];
      joined.push(word);
      i = j;
    } else joined.push(raw[i++]!);
  }
  const out: string[] = [];
  for (let i = 0; i < joined.length;) {
    const t = joined[i]!;
    const phrase = PHRASE_MAP.get(t)?.find((p) => p.words.every((w, k) => joined[i + k] === w));
    if (phrase) {
      out.push(...phrase.replacement);
      i += phrase.words.length;
      continue;
    }
    const mapped = CANONICAL.test(t) ? t : WORD_MAP.get(t);
    if (mapped === undefined) out.push(t);
    else if (mapped !== "") out.push(...mapped.split(" "));
    i++;
  }
  return out;
}

const hasContent = (tokens: readonly string[]) => tokens.some((t) => !CANONICAL.test(t));
const namesInstitution = (tokens: readonly string[]) => tokens.some((t) => INSTITUTION_TOKENS.has(t));

function keyOf(tokens: readonly string[]): string | null {
  return hasContent(tokens) ? [...tokens].sort().join(" ") : null;
}

/** The comparison key of a whole name, or "" when nothing distinctive is left. */
export function normalizeAffiliation(name: string): string {
  return keyOf(tokenize(fold(name))) ?? "";
}

/** The key of the whole name and of the institution it names (see the module comment); distinct, whole name first. */
export function affiliationKeys(name: string): string[] {
  const folded = fold(name);
  const keys: string[] = [];
  const add = (tokens: readonly string[]) => {
    const k = keyOf(tokens);
    if (k !== null && !keys.includes(k)) keys.push(k);
  };
  const whole = tokenize(folded);
  add(whole);
  const parts = [whole];
  const segments = folded.split(SEGMENT_SEPARATORS);
  if (segments.length > 1) {
    for (const seg of segments) {
      const tokens = tokenize(seg);
      if (namesInstitution(tokens)) {
        add(tokens);
        parts.push(tokens);
      }
    }
  }
  for (const tokens of parts) {
    const sub = tokens.findIndex((t) => SUBUNIT_TOKENS.has(t));
    if (sub > 0 && namesInstitution(tokens.slice(0, sub))) add(tokens.slice(0, sub));
    // "คณะ… มหาวิทยาลัย X", "Fakultas … Universitas X": the institution word and what follows it
    if (sub === 0) {
      const inst = tokens.findIndex((t) => INSTITUTION_TOKENS.has(t));
      if (inst > 0) add(tokens.slice(inst));
    }
    const univ = tokens.indexOf("UNIV");
    if (univ > 0 && tokens.slice(univ + 1).some((t) => SUBUNIT_TOKENS.has(t) || INSTITUTION_TOKENS.has(t) || IS_CJK_OR_THAI.test(t))) {
      add(tokens.slice(0, univ + 1));
    }
  }
  return keys;
}
