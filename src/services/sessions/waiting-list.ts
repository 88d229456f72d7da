/**
 * Moves people up from a session's waiting list when places free up (the
 * policy is src/domain/information-sessions.ts). Internal to the session use
 * cases, inside their transaction with the session row locked.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { placesToFill } from "../../domain/information-sessions.ts";
import type { ServiceContext } from "../context.ts";
import { newToken } from "../tokens.ts";
import { type PendingMail, cancelUrl, sessionMail } from "./session-mail.ts";

/** Fills free places from the waiting list, first come first served; each promoted person gets a new cancel link by e-mail (returned, to queue). */
export async function promoteWaitlisted(ctx: ServiceContext, trx: Kysely<Database>, sessionId: string): Promise<PendingMail[]> {
  const session = await trx.selectFrom("information_sessions").selectAll().where("id", "=", sessionId).executeTakeFirstOrThrow();
  const { taken } = await trx
    .selectFrom("session_registrations")
    .select((eb) => eb.fn.countAll<string>().as("taken"))
    .where("session_id", "=", sessionId)
    .where("status", "=", "registered")
    .executeTakeFirstOrThrow();
  const free = placesToFill({ capacity: session.capacity, startsAt: session.starts_at, cancelled: session.cancelled_at !== null }, Number(taken), ctx.clock());
  if (free === 0) return [];
  const waiting = await trx
    .selectFrom("session_registrations")
    .select(["id", "name", "email", "locale"])
    .where("session_id", "=", sessionId)
    .where("status", "=", "waitlisted")
    .orderBy("created_at")
    .orderBy("id")
    .limit(free)
    .execute();
  const mails: PendingMail[] = [];
  for (const p of waiting) {
    const { token, hash } = newToken();
    await trx.updateTable("session_registrations").set({ status: "registered", cancel_token_hash: hash }).where("id", "=", p.id).execute();
    mails.push(sessionMail(ctx, session, p, "sessionPromoted", { cancelUrl: cancelUrl(ctx, p.locale, token) }));
  }
  return mails;
}
