/** One session's public page; the meeting link only for someone registered. */
import { deadlinePassed } from "../../domain/round-phases.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { registeredCount, summarize } from "./session-view.ts";
import { type PublicSession } from "./list-upcoming-sessions.ts";

export interface PublicSessionDetail extends PublicSession {
  /** Only for a signed-in person registered for the session. */
  meetingUrl: string | null;
  myStatus: string | null;
  past: boolean;
}

export async function getPublicSession(ctx: ServiceContext, actor: Actor | null, id: string, locale: string): Promise<PublicSessionDetail> {
  const row = await ctx.db.selectFrom("information_sessions").selectAll().select(registeredCount().as("registered")).where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("information_session");
  let myStatus: string | null = null;
  if (actor) {
    const mine = await ctx.db
      .selectFrom("session_registrations")
      .select("status")
      .where("session_id", "=", id)
      .where((eb) => eb.or([eb("user_id", "=", actor.userId), eb("email", "=", actor.email.toLowerCase())]))
      .executeTakeFirst();
    myStatus = mine && mine.status !== "cancelled" ? mine.status : null;
  }
  return {
    ...summarize(row, locale),
    registered: Number(row.registered),
    full: Number(row.registered) >= row.capacity,
    meetingUrl: myStatus === "registered" ? row.meeting_url : null,
    myStatus,
    past: deadlinePassed(row.starts_at, ctx.clock()),
  };
}
