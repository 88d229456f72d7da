/**
 * The case editing form as content: every section of both languages, up to
 * three quotes each, the intern's name and nationality, and each image's
 * alternative text and whether it shows the intern. Lengths are checked per
 * field (errors keyed by the form's field names); text is kept as typed,
 * cleaned of control characters (src/domain/cases/content.ts).
 */
import { z } from "zod";
import {
  ALT_LIMIT,
  CASE_LANGUAGES,
  CASE_SECTIONS,
  CASE_THEMES,
  type CaseContent,
  type CaseVersion,
  INTERN_NAME_LIMIT,
  MAX_QUOTES,
  QUOTE_BY_LIMIT,
  QUOTE_LIMIT,
  SECTION_LIMITS,
  cleanText,
} from "../../domain/cases/content.ts";
import { type FieldError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";

const text = z.string().optional().default("");
const headSchema = z.object({
  theme: z.enum(CASE_THEMES, { error: "errors.chooseOne" }),
  internName: text,
  internNationality: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim().toUpperCase() : ""))
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), { error: "errors.chooseCountry" }),
});

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** New content from the posted form, on top of the current content (images are added and removed elsewhere). */
export function contentFromForm(raw: unknown, current: CaseContent): CaseContent {
  const form = obj(raw);
  const head = parseInput(headSchema, form);
  const errors: Record<string, FieldError[]> = {};
  const limit = (name: string, value: string, max: number) => {
    if ([...value].length > max) errors[name] = [{ key: "errors.tooLong", params: { max } }];
    return value;
  };
  const versions = {} as Record<(typeof CASE_LANGUAGES)[number], CaseVersion>;
  for (const lang of CASE_LANGUAGES) {
    const v = obj(form[lang]);
    const version = { quotes: [] } as unknown as CaseVersion;
    for (const s of CASE_SECTIONS) version[s] = limit(`${lang}.${s}`, cleanText(str(v[s])), SECTION_LIMITS[s]);
    const quotes = obj(v.quotes);
    for (let i = 1; i <= MAX_QUOTES; i++) {
      const q = obj(quotes[String(i)]);
      const quote = limit(`${lang}.quotes.${i}.text`, cleanText(str(q.text)), QUOTE_LIMIT);
      const by = limit(`${lang}.quotes.${i}.by`, cleanText(str(q.by)), QUOTE_BY_LIMIT);
      if (quote === "" && by !== "") errors[`${lang}.quotes.${i}.text`] = [{ key: "casesStaff.errors.quoteWithoutText" }];
      if (quote !== "") version.quotes.push({ text: quote, by });
    }
    versions[lang] = version;
  }
  const images = obj(form.images);
  const imageRefs = current.images.map((img) => {
    const posted = obj(images[img.id]);
    if (!("alt" in posted)) return img;
    const alt = obj(posted.alt);
    return {
      id: img.id,
      alt: {
        ja: limit(`images.${img.id}.alt.ja`, cleanText(str(alt.ja)), ALT_LIMIT),
        en: limit(`images.${img.id}.alt.en`, cleanText(str(alt.en)), ALT_LIMIT),
      },
      showsIntern: str(posted.showsIntern) === "yes",
    };
  });
  const internName = limit("internName", cleanText(head.internName), INTERN_NAME_LIMIT);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    theme: head.theme,
    internName,
    internNationality: head.internNationality || null,
    ja: versions.ja,
    en: versions.en,
    images: imageRefs,
  };
}
