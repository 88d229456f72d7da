/** Operator use cases: create, edit and cancel an information session of a round. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { zonedLocalToInstant } from "../../domain/session-time.ts";
import { authorize } from "../authorize.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type FieldError, NotFoundError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { TOLD_OF_CANCELLATION } from "../../domain/information-sessions.ts";
import { type PendingMail, sessionMail } from "./session-mail.ts";
import { promoteWaitlisted } from "./waiting-list.ts";
import { sessionSchema } from "./session-schemas.ts";

function clean(texts: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter((e): e is [string, string] => Boolean(e[1])));
}

/** Validates the form and resolves the wall-clock times in the venue's zone. */
function parseSession(raw: unknown, now: Date, opts: { allowPastStart?: Date } = {}) {
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

async function checkRefs(trx: Kysely<Database>, values: { round_id: string; country_code: string | null }) {
  const round = await trx.selectFrom("rounds").select("id").where("id", "=", values.round_id).executeTakeFirst();
  if (!round) throw new ValidationError({ roundId: [{ key: "errors.chooseOne" }] });
  if (values.country_code) {
    const country = await trx.selectFrom("countries").select("code").where("code", "=", values.country_code).executeTakeFirst();
    if (!country) throw new ValidationError({ countryCode: [{ key: "errors.chooseCountry" }] });
  }
}

export async function createSession(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "round.manage");
  const values = parseSession(raw, ctx.clock());
  const id = crypto.randomUUID();
  return ctx.db.transaction().execute(async (trx) => {
    await checkRefs(trx, values);
    await trx
      .insertInto("information_sessions")
      .values({ id, ...values })
      .execute();
    await writeAudit(trx, who, { action: "session.create", entityType: "information_session", entityId: id, after: values });
    return { id };
  });
}

/** Edits a session; a larger capacity promotes people from the waiting list (they are told by e-mail). */
export async function updateSession(ctx: ServiceContext, actor: Actor | null, id: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "round.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("information_sessions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError("information_session");
    const values = parseSession(raw, ctx.clock(), { allowPastStart: before.starts_at });
    await checkRefs(trx, values);
    await trx.updateTable("information_sessions").set(values).where("id", "=", id).execute();
    await writeAudit(trx, who, { action: "session.update", entityType: "information_session", entityId: id, before, after: values });
    await ctx.mailer.queueAll(await promoteWaitlisted(ctx, trx, id), trx);
  });
}

/** Cancels a session: it leaves the calendar and everyone registered or waiting is told. */
export async function cancelSession(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const who = authorize(actor, "round.manage");
  await ctx.db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom("information_sessions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!session) throw new NotFoundError("information_session");
    if (session.cancelled_at) return;
    const now = ctx.clock();
    await trx.updateTable("information_sessions").set({ cancelled_at: now }).where("id", "=", id).execute();
    await writeAudit(trx, who, { action: "session.cancel", entityType: "information_session", entityId: id, after: { cancelled_at: now } });
    const people = await trx
      .selectFrom("session_registrations")
      .select(["id", "name", "email", "locale"])
      .where("session_id", "=", id)
      .where("status", "in", [...TOLD_OF_CANCELLATION])
      .execute();
    const mails: PendingMail[] = people.map((p) => sessionMail(ctx, { ...session, cancelled_at: now }, p, "sessionCancelled", { cancelUrl: null }));
    await ctx.mailer.queueAll(mails, trx);
  });
}
