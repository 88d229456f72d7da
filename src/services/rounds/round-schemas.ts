/** Input schemas for rounds, shared by the operator's form, its action and the CLI. */
import { z } from "zod";
import { DEADLINE_KINDS } from "../../domain/round-phases.ts";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { JLPT_LEVELS } from "../../domain/languages.ts";
import { isoDate, requiredText, stringList, wholeNumber } from "../fields.ts";

const tokyoDateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return undefined;
    const at = tokyoLocalToInstant(v);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "errors.dateTime" });
      return z.NEVER;
    }
    return at;
  });

export const createRoundSchema = z
  .object({
    fiscalYear: wholeNumber(2016, 2100),
    nameJa: requiredText(200),
    nameEn: requiredText(200),
    eligibilityReferenceDate: isoDate,
    dacListVersion: z.string().trim().min(1, { error: "errors.required" }),
    ageMin: wholeNumber(15, 99),
    ageMax: wholeNumber(15, 99),
    internCapacity: wholeNumber(0, 100000),
    deadlines: z.object(
      Object.fromEntries(DEADLINE_KINDS.map((k) => [k, tokyoDateTime.optional()])) as Record<
        (typeof DEADLINE_KINDS)[number],
        z.ZodOptional<typeof tokyoDateTime>
      >,
    ),
  })
  .superRefine((v, ctx) => {
    if (v.ageMax < v.ageMin) ctx.addIssue({ code: "custom", path: ["ageMax"], message: "errors.ageRange" });
  });

export type CreateRoundInput = z.input<typeof createRoundSchema>;

const yesNo = z.enum(["yes", "no"], { error: "errors.chooseOne" }).transform((v) => v === "yes");

/** One accepted language test as the form sends it: `englishTests.<code>.accepted` (a checkbox) and `.min`. */
const englishTestsInput = z
  .record(z.string(), z.object({ accepted: z.string().optional(), min: z.string().optional() }))
  .optional()
  .transform((tests, ctx) => {
    const out: { test: string; min: number }[] = [];
    for (const [test, v] of Object.entries(tests ?? {})) {
      if (!v.accepted) continue;
      const raw = (v.min ?? "").trim().replace(",", ".");
      if (raw === "") {
        ctx.addIssue({ code: "custom", path: [test, "min"], message: "errors.required" });
        continue;
      }
      const min = Number(raw);
      if (!Number.isFinite(min)) {
        ctx.addIssue({ code: "custom", path: [test, "min"], message: "errors.number" });
        continue;
      }
      out.push({ test, min });
    }
    return out;
  });

/** Every eligibility rule of a round (editable until the first application is submitted). */
export const roundRulesSchema = z
  .object({
    eligibilityReferenceDate: isoDate,
    ageMin: wholeNumber(15, 99),
    ageMax: wholeNumber(15, 99),
    dacListVersion: z.string().trim().min(1, { error: "errors.required" }),
    excludedCountries: stringList.refine((cs) => cs.every((c) => /^[A-Z]{2}$/.test(c)), { error: "errors.chooseCountry" }),
    minJlptLevel: z.enum(JLPT_LEVELS, { error: "errors.chooseOne" }),
    englishTests: englishTestsInput,
    selfDeclaredEnglishAccepted: yesNo,
    residenceInJapanAllowed: yesNo,
    priorParticipantsAllowed: yesNo,
  })
  .superRefine((v, ctx) => {
    if (v.ageMax < v.ageMin) ctx.addIssue({ code: "custom", path: ["ageMax"], message: "errors.ageRange" });
  });

export type RoundRulesInput = z.input<typeof roundRulesSchema>;

/** A round's deadlines (Asia/Tokyo wall-clock times); an empty box clears that deadline. */
export const roundDeadlinesSchema = z.object({
  deadlines: z.object(
    Object.fromEntries(DEADLINE_KINDS.map((k) => [k, tokyoDateTime.optional()])) as Record<
      (typeof DEADLINE_KINDS)[number],
      z.ZodOptional<typeof tokyoDateTime>
    >,
  ),
});
