/** Input schemas for rounds, shared by the operator's form, its action and the CLI. */
import { z } from "zod";
import { DEADLINE_KINDS } from "../../domain/round-phases.ts";
import { isCalendarDate, tokyoLocalToInstant } from "../../domain/time.ts";

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

const isoDate = z.string().trim().refine(isCalendarDate, { error: "errors.date" });

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "errors.wholeNumber" })
    .int({ error: "errors.wholeNumber" })
    .min(min, { error: "errors.tooSmall" })
    .max(max, { error: "errors.tooBig" });

export const createRoundSchema = z
  .object({
    fiscalYear: wholeNumber(2016, 2100),
    nameJa: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
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
