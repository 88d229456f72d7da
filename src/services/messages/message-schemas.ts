/** Input of the operator's message form: who receives it, and its per-language versions. */
import { z } from "zod";
import { APPLICATION_STATUSES } from "../../domain/application-status.ts";
import { HOST_APPLICATION_STATUSES } from "../../domain/host-organization.ts";
import { LOCALES } from "../../i18n/locales.ts";
import { optionalText, perLanguage } from "../fields.ts";

export const AUDIENCE_KINDS = ["applicants", "hosts", "sessionRegistrants"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** Applicants are chosen by their application's status (an anonymized record has nobody to write to). */
export const AUDIENCE_APPLICATION_STATUSES = APPLICATION_STATUSES.filter((s) => s !== "anonymized");
/** Session registrants by where they stand: holding a place, waiting, or marked as attended. */
export const REGISTRANT_STATUSES = ["registered", "waitlisted", "attended"] as const;

export const messageSchema = z
  .object({
    audience: z.enum(AUDIENCE_KINDS, { error: "errors.chooseOne" }),
    roundId: optionalText(100),
    applicationStatus: optionalText(40),
    hostStatus: optionalText(40),
    regionCode: optionalText(40),
    sessionId: optionalText(100),
    registrantStatus: optionalText(40),
    subjects: perLanguage(200, { lines: false }),
    bodies: perLanguage(10000),
  })
  .superRefine((v, ctx) => {
    for (const l of ["ja", "en"] as const) {
      if (!v.subjects[l]) ctx.addIssue({ code: "custom", path: ["subjects", l], message: "errors.required" });
      if (!v.bodies[l]) ctx.addIssue({ code: "custom", path: ["bodies", l], message: "errors.required" });
    }
    for (const l of LOCALES) {
      if (v.subjects[l] && !v.bodies[l]) ctx.addIssue({ code: "custom", path: ["bodies", l], message: "errors.required" });
      if (v.bodies[l] && !v.subjects[l]) ctx.addIssue({ code: "custom", path: ["subjects", l], message: "errors.required" });
    }
    if (v.audience === "applicants") {
      if (!v.roundId) ctx.addIssue({ code: "custom", path: ["roundId"], message: "errors.chooseOne" });
      if (!v.applicationStatus || !(AUDIENCE_APPLICATION_STATUSES as readonly string[]).includes(v.applicationStatus)) {
        ctx.addIssue({ code: "custom", path: ["applicationStatus"], message: "errors.chooseOne" });
      }
    }
    if (v.audience === "hosts") {
      if (!v.roundId) ctx.addIssue({ code: "custom", path: ["roundId"], message: "errors.chooseOne" });
      if (v.hostStatus && !(HOST_APPLICATION_STATUSES as readonly string[]).includes(v.hostStatus)) {
        ctx.addIssue({ code: "custom", path: ["hostStatus"], message: "errors.chooseOne" });
      }
    }
    if (v.audience === "sessionRegistrants") {
      if (!v.sessionId) ctx.addIssue({ code: "custom", path: ["sessionId"], message: "errors.chooseOne" });
      if (!v.registrantStatus || !(REGISTRANT_STATUSES as readonly string[]).includes(v.registrantStatus)) {
        ctx.addIssue({ code: "custom", path: ["registrantStatus"], message: "errors.chooseOne" });
      }
    }
  });

export type MessageInput = z.output<typeof messageSchema>;

/** The audience as stored with the message (only the fields its kind uses). */
export type AudienceFilter =
  | { kind: "applicants"; roundId: string; status: string }
  | { kind: "hosts"; roundId: string; status: string | null; regionCode: string | null }
  | { kind: "sessionRegistrants"; sessionId: string; status: string };

export function audienceFilter(input: MessageInput): AudienceFilter {
  if (input.audience === "applicants") return { kind: "applicants", roundId: input.roundId!, status: input.applicationStatus! };
  if (input.audience === "hosts") return { kind: "hosts", roundId: input.roundId!, status: input.hostStatus, regionCode: input.regionCode };
  return { kind: "sessionRegistrants", sessionId: input.sessionId!, status: input.registrantStatus! };
}
