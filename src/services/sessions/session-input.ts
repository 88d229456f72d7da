/** The operator's session form as a row: validated, wall-clock times resolved in the venue's zone, references checked. Internal to create/update. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { zonedLocalToInstant } from "../../domain/time.ts";
import { type FieldError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { sessionSchema } from "./session-schemas.ts";

function clean(texts: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter((e): e is [string, string] => Boolean(e[1])));
}

/** Validates the form and resolves the wall-clock times in the venue's zone. */
export function parseSession(raw: unknown, now: Date, opts: { allowPastStart?: Date } = {}) {
  const input = parseInput(sessionSchema, raw);
  const errors: Record<string, FieldError[]> = {};
  const startsAt = zonedLocalToInstant(input.startsAt, input.timeZone);
  const endsAt = zonedLocalToInstant(input.endsAt, input.timeZone);
  if (!startsAt) errors.startsAt = [{ key: "errors.dateTime" }];
  if (!endsAt) errors.endsAt = [{ key: "errors.dateTime" }];
  if (startsAt && startsAt.getTime() <= now.getTime() && startsAt.getTime() !== opts.allowPastStart?.getTime()) {
    errors.startsAt = [{ key: "sessionErrors.inPast" }];
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) errors.endsAt = [{ key: "sessionErrors.endBeforeStart" }];
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) throw new ValidationError(errors);
  const online = input.mode === "online";
  return {
    round_id: input.roundId,
    titles: JSON.stringify(clean(input.titles)),
    descriptions: JSON.stringify(clean(input.descriptions)),
    mode: input.mode,
    meeting_url: online ? input.meetingUrl : null,
    venue: online ? null : input.venue,
    city: online ? null : input.city,
    country_code: online ? null : input.countryCode,
    time_zone: input.timeZone,
    starts_at: startsAt,
    ends_at: endsAt,
    language: input.language,
    capacity: input.capacity,
    partner_organization: input.partnerOrganization,
    audience: input.audience,
  };
}

export async function checkRefs(trx: Kysely<Database>, values: { round_id: string; country_code: string | null }) {
  const round = await trx.selectFrom("rounds").select("id").where("id", "=", values.round_id).executeTakeFirst();
  if (!round) throw new ValidationError({ roundId: [{ key: "errors.chooseOne" }] });
  if (values.country_code) {
    const country = await trx.selectFrom("countries").select("code").where("code", "=", values.country_code).executeTakeFirst();
    if (!country) throw new ValidationError({ countryCode: [{ key: "errors.chooseCountry" }] });
  }
}
