/**
 * A case study's text: the same sections in Japanese and English, edited
 * side by side; images with alternative text in both languages; the intern
 * as they may be named. Text is kept as typed (plain text, never markup that
 * runs): control characters are dropped and line ends made "\n", and pages
 * print it as text. Pure rules: what a language needs before it can be
 * published, whether the intern is named, what stops a publication.
 */
export const CASE_THEMES = ["overseas_expansion", "new_business", "cross_cultural"] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];

export const CASE_LANGUAGES = ["ja", "en"] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

/** The sections of each language version, in page order; the last four are the story the guidance asks for. */
export const CASE_SECTIONS = ["title", "summary", "company", "challenge", "internWork", "results"] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** The most characters each section takes (summary: what a shared link shows). */
export const SECTION_LIMITS: Record<CaseSection, number> = {
  title: 120,
  summary: 300,
  company: 4000,
  challenge: 4000,
  internWork: 6000,
  results: 4000,
};
export const QUOTE_LIMIT = 600;
export const QUOTE_BY_LIMIT = 120;
export const MAX_QUOTES = 3;
export const MAX_IMAGES = 6;
export const ALT_LIMIT = 250;
export const INTERN_NAME_LIMIT = 120;

export interface CaseQuote {
  text: string;
  by: string;
}

export type CaseVersion = Record<CaseSection, string> & { quotes: CaseQuote[] };

export interface CaseImageRef {
  id: string;
  alt: Record<CaseLanguage, string>;
  /** The photo shows the intern (publishing it needs their consent to be shown). */
  showsIntern: boolean;
}

export interface CaseContent {
  theme: CaseTheme;
  /** The intern as the case may name them (only with their consent); empty: anonymous. */
  internName: string;
  /** ISO 3166 alpha-2, given by the host when no placement is linked (the placement's record wins at publication). */
  internNationality: string | null;
  ja: CaseVersion;
  en: CaseVersion;
  images: CaseImageRef[];
}

export function isCaseTheme(v: unknown): v is CaseTheme {
  return typeof v === "string" && (CASE_THEMES as readonly string[]).includes(v);
}

export function isCaseLanguage(v: unknown): v is CaseLanguage {
  return typeof v === "string" && (CASE_LANGUAGES as readonly string[]).includes(v);
}

export function emptyVersion(): CaseVersion {
  return { title: "", summary: "", company: "", challenge: "", internWork: "", results: "", quotes: [] };
}

export function emptyContent(theme: CaseTheme): CaseContent {
  return { theme, internName: "", internNationality: null, ja: emptyVersion(), en: emptyVersion(), images: [] };
}

/**
 * Text as it is stored: line ends made "\n", control characters (other than
 * tab and line feed) and stray surrogates dropped, trailing space trimmed.
 * Markup is kept as the characters typed; it is printed, never interpreted.
 */
export function cleanText(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, "\n")
      // Control characters other than tab and line feed (C0, DEL), zero-width space, line/paragraph separators.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\u2028\u2029]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
      .replace(/[ \t]+$/gm, "")
      .trim()
  );
}

/** Reads stored content leniently (older revisions may lack newer fields). */
export function readContent(stored: unknown): CaseContent {
  const c = (stored ?? {}) as Partial<CaseContent>;
  const version = (v: Partial<CaseVersion> | undefined): CaseVersion => ({
    ...emptyVersion(),
    ...Object.fromEntries(CASE_SECTIONS.map((s) => [s, typeof v?.[s] === "string" ? v[s] : ""])),
    quotes: Array.isArray(v?.quotes) ? v.quotes.filter((q) => q && typeof q.text === "string").map((q) => ({ text: q.text, by: q.by ?? "" })) : [],
  });
  return {
    theme: isCaseTheme(c.theme) ? c.theme : "overseas_expansion",
    internName: typeof c.internName === "string" ? c.internName : "",
    internNationality: typeof c.internNationality === "string" ? c.internNationality : null,
    ja: version(c.ja),
    en: version(c.en),
    images: Array.isArray(c.images)
      ? c.images.map((i) => ({ id: i.id, alt: { ja: i.alt?.ja ?? "", en: i.alt?.en ?? "" }, showsIntern: Boolean(i.showsIntern) }))
      : [],
  };
}

/** What a language version still lacks before it can be published: its empty sections and images without alternative text. */
export function missingFor(content: CaseContent, lang: CaseLanguage): string[] {
  const v = content[lang];
  const missing: string[] = CASE_SECTIONS.filter((s) => v[s].trim() === "");
  content.images.forEach((img, i) => {
    if (img.alt[lang].trim() === "") missing.push(`imageAlt${i + 1}`);
  });
  return missing;
}

export function isComplete(content: CaseContent, lang: CaseLanguage): boolean {
  return missingFor(content, lang).length === 0;
}

/** The languages whose version has any text at all. */
export function startedLanguages(content: CaseContent): CaseLanguage[] {
  return CASE_LANGUAGES.filter((l) => CASE_SECTIONS.some((s) => content[l][s].trim() !== "") || content[l].quotes.length > 0);
}

/** All of a version's words, in page order (for search and for spotting a name). */
export function versionText(v: CaseVersion): string {
  return [...CASE_SECTIONS.map((s) => v[s]), ...v.quotes.flatMap((q) => [q.text, q.by])].join("\n");
}

function fold(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

/**
 * Whether the published text would name the intern: the case gives a name to
 * show, or the text of a published language (or an image's alternative text)
 * contains the intern's name as the program knows it (family or given name of
 * at least two characters, from the linked placement's application).
 */
export function namesIntern(content: CaseContent, languages: readonly CaseLanguage[], knownNames: readonly string[]): boolean {
  if (content.internName.trim() !== "") return true;
  const text = fold(languages.map((l) => [versionText(content[l]), ...content.images.map((i) => i.alt[l])].join("\n")).join("\n"));
  return knownNames
    .map((n) => fold(n).trim())
    .filter((n) => [...n].length >= 2)
    .some((n) => text.includes(n));
}

export interface Consent {
  named: boolean;
  shown: boolean;
}

export type PublishRefusal =
  | { code: "no_language" }
  | { code: "language_incomplete"; language: CaseLanguage; missing: string[] }
  | { code: "named_without_consent" }
  | { code: "shown_without_consent"; images: number };

/** Why publishing these languages would be wrong (empty: it may be published). */
export function publishRefusals(content: CaseContent, languages: readonly CaseLanguage[], consent: Consent, knownNames: readonly string[]): PublishRefusal[] {
  const out: PublishRefusal[] = [];
  if (languages.length === 0) out.push({ code: "no_language" });
  for (const lang of languages) {
    const missing = missingFor(content, lang);
    if (missing.length > 0) out.push({ code: "language_incomplete", language: lang, missing });
  }
  if (!consent.named && namesIntern(content, languages, knownNames)) out.push({ code: "named_without_consent" });
  const shown = content.images.filter((i) => i.showsIntern).length;
  if (!consent.shown && shown > 0) out.push({ code: "shown_without_consent", images: shown });
  return out;
}
