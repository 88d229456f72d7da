/**
 * Registration for an information session, with or without an account.
 * One registration per e-mail and session: registering again resends the
 * confirmation (with a fresh cancel link). When the session is full the
 * person joins the waiting list (src/domain/information-sessions.ts).
 */
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { placeForNewRegistration, registrationOpen } from "../../domain/information-sessions.ts";
import { UNIFORM_FLOOR_MS, inUniformTime } from "../auth/uniform-time.ts";
import { newToken } from "../tokens.ts";
import { minutesUntil, reservePublicSend } from "../public-send-throttle.ts";
import { cancelUrl, sessionMail } from "./session-mail.ts";
import { registrationSchema } from "./session-schemas.ts";

export type RegistrationOutcome = "registered" | "waitlisted";

/**
 * Registers, or sends the confirmation again. Someone who is not signed in
 * learns nothing about an address they typed (issue 11 item 5): the answer is
 * what a new registration would get now (the e-mail tells the address's owner
 * the truth), the same work is done either way, and it takes the same time.
 * A visitor's registrations are throttled per address and per client (`client`:
 * the request's IP; issue 11 item 6), so no one fills a session with made-up
 * addresses or floods an inbox with confirmations.
 */
export async function registerForSession(
  ctx: ServiceContext,
  actor: Actor | null,
  raw: unknown,
  client?: string,
): Promise<{ status: RegistrationOutcome; again: boolean }> {
  const input = parseInput(registrationSchema, raw);
  if (actor) return register(ctx, actor, input);
  const { status } = await inUniformTime(UNIFORM_FLOOR_MS.sessionRegistration, async () => {
    const now = ctx.clock();
    const reservation = await reservePublicSend(ctx.db, "session-registration", input.email, client, now);
    if (!reservation.ok) throw new ValidationError({}, [{ key: "security.tooManyRequests", params: { minutes: minutesUntil(reservation.retryAt, now) } }]);
    return register(ctx, null, input);
  });
  return { status, again: false };
}

async function register(
  ctx: ServiceContext,
  actor: Actor | null,
  input: ReturnType<typeof registrationSchema.parse>,
): Promise<{ status: RegistrationOutcome; again: boolean }> {
  const email = actor ? actor.email.toLowerCase() : input.email;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom("information_sessions").selectAll().where("id", "=", input.sessionId).forUpdate().executeTakeFirst();
    if (!session || session.cancelled_at) throw new NotFoundError("information_session");
    if (!registrationOpen({ startsAt: session.starts_at, cancelled: false }, ctx.clock()))
      throw new RefusedError("sessions.refusals", [{ code: "registration_closed" }]);
    const country = await trx.selectFrom("countries").select("code").where("code", "=", input.countryCode.toUpperCase()).executeTakeFirst();
    if (!country) throw new ValidationError({ countryCode: [{ key: "errors.chooseCountry" }] });
    const { token, hash } = newToken();
    const existing = await trx
      .selectFrom("session_registrations")
      .selectAll()
      .where("session_id", "=", session.id)
      .where("email", "=", email)
      .executeTakeFirst();
    const { taken } = await trx
      .selectFrom("session_registrations")
      .select((eb) => eb.fn.countAll<string>().as("taken"))
      .where("session_id", "=", session.id)
      .where("status", "=", "registered")
      .executeTakeFirstOrThrow();
    const { waiting } = await trx
      .selectFrom("session_registrations")
      .select((eb) => eb.fn.countAll<string>().as("waiting"))
      .where("session_id", "=", session.id)
      .where("status", "=", "waitlisted")
      .executeTakeFirstOrThrow();
    const statusIfNew: RegistrationOutcome = placeForNewRegistration({ registered: Number(taken), waiting: Number(waiting) }, session.capacity);
    let status: RegistrationOutcome;
    let id: string;
    let again = false;
    if (existing && existing.status !== "cancelled") {
      // Same e-mail again: one registration; the confirmation goes out again with a new cancel link.
      again = true;
      id = existing.id;
      status = existing.status === "registered" ? "registered" : "waitlisted";
      await trx.updateTable("session_registrations").set({ cancel_token_hash: hash }).where("id", "=", id).execute();
      await writeAudit(trx, actor, { action: "session.confirmation_resent", entityType: "session_registration", entityId: id, after: { session: session.id } });
    } else {
      status = statusIfNew;
      const values = {
        user_id: actor?.userId ?? null,
        name: input.name,
        email,
        country_code: country.code,
        affiliation: input.affiliation,
        locale: input.locale,
        status,
        cancel_token_hash: hash,
        attended: null,
        reminder_sent_at: null,
      };
      if (existing) {
        id = existing.id;
        await trx
          .updateTable("session_registrations")
          .set({ ...values, created_at: ctx.clock() })
          .where("id", "=", id)
          .execute();
      } else {
        id = crypto.randomUUID();
        await trx
          .insertInto("session_registrations")
          .values({ id, session_id: session.id, ...values, created_at: ctx.clock() })
          .execute();
      }
      await writeAudit(trx, actor, { action: `session.${status}`, entityType: "session_registration", entityId: id, after: { session: session.id, status } });
    }
    const person = { id, name: existing && again ? existing.name : input.name, email, locale: existing && again ? existing.locale : input.locale };
    const template = status === "registered" ? "sessionRegistered" : "sessionWaitlisted";
    await ctx.mailer.queue(sessionMail(ctx, session, person, template, { cancelUrl: cancelUrl(ctx, person.locale, token) }), trx);
    return actor ? { status, again } : { status: statusIfNew, again };
  });
  return outcome;
}
