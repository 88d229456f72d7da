import type { ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { hashToken } from "../tokens.ts";
import { pickLanguage } from "./session-view.ts";

export interface RegistrationByToken {
  sessionId: string;
  title: string;
  status: string;
  startsAt: Date;
}

/** What the cancel link points to (no account needed: the token is the key). */
export async function getRegistrationByToken(ctx: ServiceContext, token: string, locale: string): Promise<RegistrationByToken> {
  const row = await ctx.db
    .selectFrom("session_registrations as r")
    .innerJoin("information_sessions as s", "s.id", "r.session_id")
    .select(["r.status", "s.id as sessionId", "s.titles", "s.starts_at"])
    .where("r.cancel_token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) throw new NotFoundError("session_registration");
  return { sessionId: row.sessionId, title: pickLanguage(row.titles, locale), status: row.status, startsAt: row.starts_at };
}
