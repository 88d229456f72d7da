/** Input schemas of the host journey: organization, members, host application, positions, screening. */
import { z } from "zod";
import { checkCorporateNumber } from "../../domain/corporate-number.ts";
import { isCalendarDate } from "../../domain/time.ts";
import {
  HOST_APPLICATION_STATUSES,
  HOST_DECISIONS,
  HOST_GOALS,
  HOST_KINDS,
  JSIC_DIVISIONS,
  LEGAL_FORMS,
  OVERSEAS_STATUSES,
  SIZE_CLASSES,
  looksLikeHtml,
} from "../../domain/host-organization.ts";
import { POSITION_LANGUAGES, WORK_LANGUAGES } from "../../domain/languages.ts";
import { POSITION_MODES } from "../../domain/host-organization.ts";
import { REGIONS, isPrefectureCode } from "../../domain/regions.ts";
import { email, optionalIsoDate, optionalText, plainDigits, requiredText, stringList, typedWholeNumber } from "../fields.ts";

/** Plain text: trimmed, bounded, no markup. */
const text = (max: number) => requiredText(max, { markup: false });
/** A name, an address or a title: one line (issue 11 item 9). */
const line = (max: number) => requiredText(max, { markup: false, lines: false });

export const corporateNumber = z.string({ error: "errors.required" }).transform((v, ctx) => {
  if (v.trim() === "") {
    ctx.addIssue({ code: "custom", message: "errors.required" });
    return z.NEVER;
  }
  const r = checkCorporateNumber(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: `hostForm.errors.corporateNumber.${r.problem}` });
    return z.NEVER;
  }
  return r.value;
});

export const prefectureCode = z.string({ error: "errors.required" }).refine(isPrefectureCode, { error: "hostForm.errors.prefecture" });

/**
 * ISO country codes ticked in the country list (issue 19 item 8); a single
 * comma-separated string is still read the same way. Checked against the
 * countries table by the use case.
 */
const countryList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [
    ...new Set(
      (v === undefined ? [] : Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(/[\s,、，]+/))
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ])
  .refine((list) => list.every((c) => /^[A-Z]{2}$/.test(c)), { error: "hostCountries.errors.invalid" })
  .refine((list) => list.length <= 250, { error: "errors.tooBig" });

export const organizationSchema = z.object({
  corporateNumber,
  legalForm: z.enum(LEGAL_FORMS, { error: "errors.required" }),
  kind: z.enum(HOST_KINDS, { error: "errors.required" }),
  nameJa: line(200),
  nameEn: line(200),
  postalCode: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/[‐－ー−]/g, "-") : null))
    .refine((v) => v === null || /^[0-9]{3}-?[0-9]{4}$/.test(v), { error: "hostForm.errors.postalCode" }),
  prefectureCode,
  addressJa: line(300),
  jsicDivision: z.enum(JSIC_DIVISIONS, { error: "errors.required" }),
  employees: typedWholeNumber(0, 10_000_000),
  capitalYen: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? plainDigits(v) : ""))
    .refine((v) => v === "" || /^[0-9]+$/.test(v), { error: "errors.wholeNumber" })
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((n) => n === null || n <= 1e15, { error: "errors.tooBig" }),
  overseasStatus: z.enum(OVERSEAS_STATUSES, { error: "errors.required" }),
  overseasCountries: countryList,
  workLanguages: stringList
    .refine((l) => l.every((x) => (WORK_LANGUAGES as readonly string[]).includes(x)), { error: "errors.invalid" })
    .refine((l) => l.length > 0, { error: "hostForm.errors.workLanguages" }),
  website: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || (/^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/.test(v) && v.length <= 500), { error: "hostForm.errors.website" }),
});

/** Editing an organization: every attribute but the corporate number (another number is another organization). */
export const organizationEditSchema = organizationSchema.omit({ corporateNumber: true });

export type OrganizationInput = z.output<typeof organizationSchema>;

export const inviteMemberSchema = z.object({
  email,
  orgRole: z.enum(["admin", "member"], { error: "errors.required" }),
  locale: z.enum(["ja", "en"]).default("ja"),
});

export const hostApplicationSchema = z.object({
  agreesWithPurpose: z.literal("yes", { error: "hostApplication.errors.agree" }),
  goals: stringList
    .refine((l) => l.every((g) => (HOST_GOALS as readonly string[]).includes(g)), { error: "errors.invalid" })
    .refine((l) => l.length > 0, { error: "hostApplication.errors.goals" }),
  goalsDescription: text(4000),
  supervisorName: line(200),
  workGuidance: text(4000),
  housingSupport: text(4000),
  commutingSupport: text(4000),
  insuranceSupport: text(4000),
  arrivalSupport: text(4000),
});

export const positionSchema = z
  .object({
    title: line(200),
    description: text(4000),
    department: optionalText(200, { markup: false, lines: false }),
    prefectureCode,
    capacity: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, { error: "errors.required" })
      .transform(plainDigits)
      .refine((v) => /^-?[0-9]+$/.test(v), { error: "errors.wholeNumber" })
      .transform(Number)
      .refine((n) => n >= 1, { error: "hostApplication.errors.capacity" })
      .refine((n) => n <= 100, { error: "errors.tooBig" }),
    periodStart: optionalIsoDate,
    periodEnd: optionalIsoDate,
    language: z.enum(POSITION_LANGUAGES, { error: "errors.required" }),
    mode: z.enum(POSITION_MODES, { error: "errors.chooseOne" }).optional().default("in_person"),
    fields: z
      .string()
      .optional()
      .transform((v) => [
        ...new Set(
          (v ?? "")
            .split(/[,、，\n]+/)
            .map((f) => f.trim())
            .filter(Boolean),
        ),
      ])
      .refine((l) => l.every((f) => f.length <= 100 && !looksLikeHtml(f)), { error: "hostForm.errors.html" })
      .refine((l) => l.length <= 20, { error: "errors.tooBig" }),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && isCalendarDate(v.periodStart) && isCalendarDate(v.periodEnd) && v.periodEnd < v.periodStart)
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "hostApplication.errors.period" });
  });

export const decisionSchema = z.object({
  decision: z.enum(HOST_DECISIONS, { error: "errors.required" }),
  reason: text(4000),
});

export const hostListFilterSchema = z.object({
  roundId: z.string().optional(),
  region: z.enum(REGIONS).optional().catch(undefined),
  jsic: z.enum(JSIC_DIVISIONS).optional().catch(undefined),
  sizeClass: z.enum(SIZE_CLASSES).optional().catch(undefined),
  overseasStatus: z.enum(OVERSEAS_STATUSES).optional().catch(undefined),
  kind: z.enum(HOST_KINDS).optional().catch(undefined),
  status: z.enum(HOST_APPLICATION_STATUSES).optional().catch(undefined),
});
export type HostListFilter = z.output<typeof hostListFilterSchema>;
