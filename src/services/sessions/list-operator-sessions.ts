import { sql } from "kysely";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, fetchPage, inPage } from "../paging.ts";
import { type SessionSummary, summarize } from "./session-view.ts";

export interface OperatorSessionRow extends SessionSummary {
  roundName: string;
  registered: number;
  waitlisted: number;
  attended: number;
  applications: number;
}

export const SESSION_STATUS_FILTERS = ["upcoming", "past", "cancelled"] as const;

export type SessionStatusFilter = (typeof SESSION_STATUS_FILTERS)[number];

export interface OperatorSessionFilter {
  roundId?: string | undefined;
  /** upcoming: not cancelled and not over yet; past: not cancelled and over; cancelled: cancelled at any time. */
  status?: SessionStatusFilter | undefined;
}

/**
 * Every session with its funnel: registrations, waiting list, attendance,
 * applications it brought. Newest start first, filtered and paged on the server.
 */
export async function listOperatorSessions(
  ctx: ServiceContext,
  actor: Actor | null,
  locale: string,
  filter: OperatorSessionFilter,
  page: PageRequest,
): Promise<Page<OperatorSessionRow>> {
  authorize(actor, "round.read");
  let q = ctx.db.selectFrom("information_sessions as s");
  if (filter.roundId) q = q.where("s.round_id", "=", filter.roundId);
  if (filter.status === "cancelled") q = q.where("s.cancelled_at", "is not", null);
  if (filter.status === "upcoming") q = q.where("s.cancelled_at", "is", null).where("s.ends_at", ">", ctx.clock());
  if (filter.status === "past") q = q.where("s.cancelled_at", "is", null).where("s.ends_at", "<=", ctx.clock());
  return fetchPage(page, {
    total: q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    items: q
      .innerJoin("rounds", "rounds.id", "s.round_id")
      .selectAll("s")
      .select(["rounds.name_ja", "rounds.name_en"])
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.status = 'registered')`.as("registered"))
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.status = 'waitlisted')`.as("waitlisted"))
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.attended = true)`.as("attended"))
      .select(sql<number>`(select count(*)::int from applications a where a.source_session_id = s.id)`.as("applications"))
      .orderBy("s.starts_at", "desc")
      .orderBy("s.id")
      .$call(inPage(page))
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          ...summarize(r, locale),
          roundName: locale === "ja" ? r.name_ja : r.name_en,
          registered: Number(r.registered),
          waitlisted: Number(r.waitlisted),
          attended: Number(r.attended),
          applications: Number(r.applications),
        })),
      ),
  });
}
