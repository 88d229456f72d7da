/** Input schemas for information sessions and registrations (operator form, public form, CLI). */
import { z } from "zod";
import { LOCALES } from "../../i18n/locales.ts";
import { SESSION_AUDIENCES, SESSION_MODES } from "../../domain/information-sessions.ts";
import { isValidTimeZone } from "../../domain/time.ts";
import { email, optionalText, perLanguage, requiredText, wholeNumber } from "../fields.ts";

export const sessionSchema = z
  .object({
    roundId: z.string().trim().min(1, { error: "errors.required" }),
    titles: perLanguage(200, { lines: false }),
    descriptions: perLanguage(4000),
    mode: z.enum(SESSION_MODES, { error: "errors.chooseOne" }),
    meetingUrl: optionalText(500, { lines: false }),
    venue: optionalText(300, { lines: false }),
    city: optionalText(100, { lines: false }),
    countryCode: optionalText(2),
    timeZone: z
      .string()
      .trim()
      .refine((v) => v !== "" && isValidTimeZone(v), { error: "errors.timeZone" }),
    startsAt: z.string().trim().min(1, { error: "errors.required" }),
    endsAt: z.string().trim().min(1, { error: "errors.required" }),
    language: z.enum(LOCALES, { error: "errors.chooseOne" }),
    capacity: wholeNumber(1, 100000),
    partnerOrganization: optionalText(200),
    audience: z.enum(SESSION_AUDIENCES, { error: "errors.chooseOne" }),
  })
  .superRefine((v, ctx) => {
    if (!v.titles.ja) ctx.addIssue({ code: "custom", path: ["titles", "ja"], message: "errors.required" });
    if (!v.titles.en) ctx.addIssue({ code: "custom", path: ["titles", "en"], message: "errors.required" });
    if (v.mode === "online") {
      if (!v.meetingUrl) ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "errors.required" });
      else if (!/^https:\/\/[^\s]+$/.test(v.meetingUrl)) ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "errors.invalid" });
    } else {
      if (!v.venue) ctx.addIssue({ code: "custom", path: ["venue"], message: "errors.required" });
      if (!v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "errors.required" });
      if (!v.countryCode) ctx.addIssue({ code: "custom", path: ["countryCode"], message: "errors.chooseCountry" });
    }
  });

export type SessionInput = z.input<typeof sessionSchema>;

export const registrationSchema = z.object({
  sessionId: z.string().trim().min(1),
  name: requiredText(200, { lines: false }),
  email,
  countryCode: z.string().trim().length(2, { error: "errors.chooseCountry" }),
  affiliation: optionalText(300, { lines: false }),
  locale: z.enum(LOCALES).catch("en"),
});

export type RegistrationInput = z.input<typeof registrationSchema>;
