/**
 * The application form, step by step: each step's fields and the Zod schema
 * of each field. The same schemas validate the form's posts, the autosave and
 * the submission. Fields are validated one by one so that a step with one bad
 * answer still saves every good one (nothing typed is lost).
 */
import { z } from "zod";
import { isBlankDate, isRealIsoDate, parseDateParts } from "../../domain/date-parts.ts";
import { email, optionalText, requiredText } from "../fields.ts";
import { JSIC_DIVISIONS } from "../../domain/host-organization.ts";
import { ENGLISH_SELF_LEVELS, ENGLISH_TESTS, JLPT_LEVELS } from "../../domain/languages.ts";
import { REGIONS } from "../../domain/regions.ts";

export const STEPS = ["personal", "contact", "education", "languages", "motivation", "preferences", "documents", "consents", "review"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}

export const MOTIVATION_MAX = 2000;
const DATE_OF_BIRTH_RANGE = { min: "1940-01-01", max: "2020-12-31" } as const;
/**
 * A date of birth as the form sends it, three boxes ({ day, month, year }, joined by
 * parseDateParts: never guessed from one run of digits), or as YYYY-MM-DD (the API,
 * tests, seed data). Saved as YYYY-MM-DD either way.
 */
const dateOfBirth = z.union([z.string(), z.object({ day: z.string(), month: z.string(), year: z.string() })]).transform((raw, ctx) => {
  let iso: string;
  if (typeof raw === "string") {
    iso = raw.trim();
    const key = iso === "" ? "errors.required" : !/^\d{4}-\d{2}-\d{2}$/.test(iso) ? "errors.date" : !isRealIsoDate(iso) ? "errors.dateNotReal" : null;
    if (key) {
      ctx.addIssue({ code: "custom", message: key });
      return z.NEVER;
    }
  } else {
    const parsed = parseDateParts(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.key });
      return z.NEVER;
    }
    iso = parsed.iso;
  }
  if (iso < DATE_OF_BIRTH_RANGE.min || iso > DATE_OF_BIRTH_RANGE.max) {
    ctx.addIssue({ code: "custom", message: "errors.dateOfBirth" });
    return z.NEVER;
  }
  return iso;
});
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, { error: "errors.chooseCountry" });
const yesNo = z.enum(["yes", "no"], { error: "errors.chooseOne" }).transform((v) => v === "yes");
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(""), z.enum(values, { error: "errors.invalid" })]).transform((v) => (v === "" ? null : v));
const list = (values: readonly string[]) =>
  z
    .array(z.string())
    .transform((vs) => [...new Set(vs)])
    .refine((vs) => vs.every((v) => values.includes(v)), { error: "errors.invalid" });

export const DEGREES = ["bachelor", "master", "doctorate", "diploma", "other"] as const;
export const PERIODS = ["A", "B", "C", "D", "E", "online"] as const;
export const HEARD_ABOUT = ["information_session", "university", "friend_or_alumni", "social_media", "web_search", "embassy_or_jetro", "other"] as const;

export interface FieldSpec {
  name: string;
  kind: "text" | "textarea" | "date" | "email" | "tel" | "number" | "select" | "country" | "yesno" | "checkboxes" | "checkbox";
  schema: z.ZodType;
  required: boolean;
  options?: readonly string[];
  max?: number;
}

const f = (name: string, kind: FieldSpec["kind"], schema: z.ZodType, required: boolean, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  schema,
  required,
  ...extra,
});

export const STEP_FIELDS: Record<Step, FieldSpec[]> = {
  personal: [
    f("familyName", "text", requiredText(100), true),
    f("givenName", "text", optionalText(100), false),
    f("dateOfBirth", "date", dateOfBirth, true),
    f("nationality", "country", country, true),
    f("residenceCountry", "country", country, true),
    f("priorParticipant", "yesno", yesNo, true),
    f("heardAbout", "select", optionalEnum(HEARD_ABOUT), false, { options: HEARD_ABOUT }),
  ],
  contact: [
    f("contactEmail", "email", email, true),
    f(
      "phone",
      "tel",
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{6,25}$/, { error: "errors.phone" }),
      true,
    ),
    f("address", "textarea", optionalText(500), false, { max: 500 }),
  ],
  education: [
    f("university", "text", requiredText(200), true),
    f("degree", "select", z.enum(DEGREES, { error: "errors.chooseOne" }), true, { options: DEGREES }),
    f("field", "text", requiredText(200), true),
    f(
      "graduationYear",
      "number",
      z.coerce
        .number({ error: "errors.wholeNumber" })
        .int({ error: "errors.wholeNumber" })
        .min(1960, { error: "errors.year" })
        .max(2035, { error: "errors.year" }),
      true,
    ),
    f("currentlyEnrolled", "checkbox", z.boolean(), false),
    f("employer", "text", optionalText(200), false),
    f("jobTitle", "text", optionalText(200), false),
  ],
  languages: [
    f("jlptLevel", "select", optionalEnum(JLPT_LEVELS), false, { options: JLPT_LEVELS }),
    f("englishTest", "select", optionalEnum(ENGLISH_TESTS), false, { options: ENGLISH_TESTS }),
    f(
      "englishScore",
      "number",
      z
        .union([z.literal(""), z.coerce.number({ error: "errors.number" }).min(0, { error: "errors.number" }).max(1000, { error: "errors.number" })])
        .transform((v) => (v === "" ? null : v)),
      false,
    ),
    f("englishSelfLevel", "select", optionalEnum(ENGLISH_SELF_LEVELS), false, { options: ENGLISH_SELF_LEVELS }),
  ],
  motivation: [
    f("motivationLearn", "textarea", requiredText(MOTIVATION_MAX), true, { max: MOTIVATION_MAX }),
    f("motivationUse", "textarea", requiredText(MOTIVATION_MAX), true, { max: MOTIVATION_MAX }),
  ],
  preferences: [
    f("preferredJsic", "checkboxes", list(JSIC_DIVISIONS), false, { options: JSIC_DIVISIONS }),
    f("preferredRegions", "checkboxes", list(REGIONS), false, { options: REGIONS }),
    f("availablePeriods", "checkboxes", list(PERIODS), false, { options: PERIODS }),
    f("preferredFields", "text", optionalText(300), false),
  ],
  documents: [],
  consents: [
    f("consentPurpose", "checkbox", z.literal(true, { error: "errors.consentRequired" }), true),
    f("consentPrivacy", "checkbox", z.literal(true, { error: "errors.consentRequired" }), true),
  ],
  review: [],
};

/** The fields of a step that post several values (checkbox lists). */
export function multiValuedFields(step: Step): string[] {
  return STEP_FIELDS[step].filter((spec) => spec.kind === "checkboxes").map((spec) => spec.name);
}

/**
 * A date field as the request glue reads it: its three boxes (<name>.day, .month, .year) come
 * nested as an object — "" when all are empty (a blank answer) — or the single YYYY-MM-DD value
 * a client may send instead.
 */
function dateInput(raw: unknown): unknown {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const parts = { day: String(o.day ?? ""), month: String(o.month ?? ""), year: String(o.year ?? "") };
    return isBlankDate(parts) ? "" : parts;
  }
  return typeof raw === "string" ? raw : "";
}

/**
 * One step's raw values from the posted form (as the request glue reads it):
 * every field of the step is present, checkbox lists as arrays, a checkbox as
 * a boolean (absent = unchecked), a date from its boxes, everything else as text.
 */
export function stepInput(step: Step, form: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of STEP_FIELDS[step]) {
    const raw = form[spec.name];
    if (spec.kind === "checkboxes") values[spec.name] = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" && raw ? [raw] : [];
    else if (spec.kind === "checkbox") values[spec.name] = raw === "on";
    else if (spec.kind === "date") values[spec.name] = dateInput(raw);
    else values[spec.name] = typeof raw === "string" ? raw : "";
  }
  return values;
}
