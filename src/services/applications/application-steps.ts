/**
 * The application form, step by step: each step's fields and the Zod schema
 * of each field. The same schemas validate the form's posts, the autosave and
 * the submission. Fields are validated one by one so that a step with one bad
 * answer still saves every good one (nothing typed is lost).
 */
import { z } from "zod";
import { isCalendarDate } from "../../domain/time.ts";

export const STEPS = ["personal", "contact", "education", "languages", "motivation", "preferences", "documents", "consents", "review"] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}

export const MOTIVATION_MAX = 2000;
const text = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" });
const requiredText = (max: number) => text(max).min(1, { error: "errors.required" });
const optionalText = (max: number) => text(max).transform((v) => (v === "" ? null : v));
const isoDate = z
  .string()
  .trim()
  .min(1, { error: "errors.required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "errors.date" })
  .refine((v) => isCalendarDate(v) && v >= "1940-01-01" && v <= "2020-12-31", { error: "errors.dateOfBirth" });
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
export const ENGLISH_SELF_LEVELS = ["basic", "conversational", "business", "fluent"] as const;
export const JLPT_LEVELS = ["N1", "N2", "N3", "N4", "N5"] as const;
export const ENGLISH_TESTS = ["toeic_lr", "ielts", "toefl_ibt", "cambridge", "other"] as const;
export const PERIODS = ["A", "B", "C", "D", "E", "online"] as const;
export const REGIONS = ["hokkaido", "tohoku", "kanto", "chubu", "kinki", "chugoku", "shikoku", "kyushu_okinawa"] as const;
export const JSIC = "ABCDEFGHIJKLMNOPQRST".split("");
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
    f("dateOfBirth", "date", isoDate, true),
    f("nationality", "country", country, true),
    f("residenceCountry", "country", country, true),
    f("priorParticipant", "yesno", yesNo, true),
    f("heardAbout", "select", optionalEnum(HEARD_ABOUT), false, { options: HEARD_ABOUT }),
  ],
  contact: [
    f(
      "contactEmail",
      "email",
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: "errors.email" })),
      true,
    ),
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
    f("preferredJsic", "checkboxes", list(JSIC), false, { options: JSIC }),
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

/** Reads one step's raw values from a submitted form (checkbox lists as arrays, checkboxes as booleans). */
export function readStepForm(step: Step, form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of STEP_FIELDS[step]) {
    if (spec.kind === "checkboxes") values[spec.name] = form.getAll(spec.name).map(String);
    else if (spec.kind === "checkbox") values[spec.name] = form.get(spec.name) === "on";
    else values[spec.name] = String(form.get(spec.name) ?? "");
  }
  return values;
}
