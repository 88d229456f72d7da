/** Reading sessions: the public calendar, one session's page, and the operator's list and detail. */
import { sql } from "kysely";
import { deadlinePassed } from "../../domain/round-phases.ts";
import { instantToZonedLocal } from "../../domain/session-time.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
import { type SessionSummary, summarize } from "./session-view.ts";

export interface CalendarFilters {
  country?: string | undefined;
  mode?: string | undefined;
  language?: string | undefined;
}

export interface PublicSession extends SessionSummary {
  registered: number;
  full: boolean;
}

function registeredCount() {
  return sql<number>`(select count(*)::int from session_registrations r where r.session_id = information_sessions.id and r.status = 'registered')`;
}

/** Upcoming sessions (not cancelled, not over), soonest first, for applicants (or hosts when asked). */
export async function listUpcomingSessions(
  ctx: ServiceContext,
  locale: string,
  filters: CalendarFilters,
  audience: "applicants" | "hosts" = "applicants",
): Promise<PublicSession[]> {
  let q = ctx.db
    .selectFrom("information_sessions")
    .selectAll()
    .select(registeredCount().as("registered"))
    .where("cancelled_at", "is", null)
    .where("ends_at", ">", ctx.clock())
    .where("audience", "in", [audience, "both"]);
  if (filters.country && /^[A-Z]{2}$/.test(filters.country)) q = q.where("country_code", "=", filters.country);
  if (filters.mode === "online" || filters.mode === "in_person") q = q.where("mode", "=", filters.mode);
  if (filters.language) q = q.where("language", "=", filters.language);
  const rows = await q.orderBy("starts_at").orderBy("id").limit(200).execute();
  return rows.map((r) => ({ ...summarize(r, locale), registered: Number(r.registered), full: Number(r.registered) >= r.capacity }));
}

/** Countries that have upcoming in-person sessions (for the calendar's filter). */
export async function listSessionCountries(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom("information_sessions")
    .select("country_code")
    .distinct()
    .where("cancelled_at", "is", null)
    .where("ends_at", ">", ctx.clock())
    .where("country_code", "is not", null)
    .execute();
  return rows.map((r) => r.country_code!).sort();
}

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
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    q
      .innerJoin("rounds", "rounds.id", "s.round_id")
      .selectAll("s")
      .select(["rounds.name_ja", "rounds.name_en"])
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.status = 'registered')`.as("registered"))
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.status = 'waitlisted')`.as("waitlisted"))
      .select(sql<number>`(select count(*)::int from session_registrations r where r.session_id = s.id and r.attended = true)`.as("attended"))
      .select(sql<number>`(select count(*)::int from applications a where a.source_session_id = s.id)`.as("applications"))
      .orderBy("s.starts_at", "desc")
      .orderBy("s.id")
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
  ]);
  return pageOf(
    rows.map((r) => ({
      ...summarize(r, locale),
      roundName: locale === "ja" ? r.name_ja : r.name_en,
      registered: Number(r.registered),
      waitlisted: Number(r.waitlisted),
      attended: Number(r.attended),
      applications: Number(r.applications),
    })),
    Number(total),
    page,
  );
}

export interface OperatorSessionDetail {
  summary: SessionSummary;
  /** The form's values as the operator typed them (wall-clock in the venue's zone). */
  values: Record<string, string>;
  registrations: {
    id: string;
    name: string;
    email: string;
    countryCode: string | null;
    affiliation: string | null;
    status: string;
    attended: boolean;
    createdAt: Date;
  }[];
}

export async function getOperatorSession(ctx: ServiceContext, actor: Actor | null, id: string, locale: string): Promise<OperatorSessionDetail> {
  authorize(actor, "round.read");
  const row = await ctx.db.selectFrom("information_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new NotFoundError("information_session");
  const regs = await ctx.db
    .selectFrom("session_registrations")
    .select(["id", "name", "email", "country_code", "affiliation", "status", "attended", "created_at"])
    .where("session_id", "=", id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const values: Record<string, string> = {
    roundId: row.round_id,
    mode: row.mode,
    meetingUrl: row.meeting_url ?? "",
    venue: row.venue ?? "",
    city: row.city ?? "",
    countryCode: row.country_code ?? "",
    timeZone: row.time_zone,
    startsAt: instantToZonedLocal(row.starts_at, row.time_zone),
    endsAt: instantToZonedLocal(row.ends_at, row.time_zone),
    language: row.language,
    capacity: String(row.capacity),
    partnerOrganization: row.partner_organization ?? "",
    audience: row.audience,
  };
  for (const [l, v] of Object.entries((row.titles ?? {}) as Record<string, string>)) values[`titles.${l}`] = v;
  for (const [l, v] of Object.entries((row.descriptions ?? {}) as Record<string, string>)) values[`descriptions.${l}`] = v;
  return {
    summary: summarize(row, locale),
    values,
    registrations: regs.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      countryCode: r.country_code,
      affiliation: r.affiliation,
      status: r.status,
      attended: r.attended === true,
      createdAt: r.created_at,
    })),
  };
}
