/**
 * One session for staff: its summary, the form's values in the venue's zone, the registrations counted by
 * status, and — for those who may see people ("people.read": operators) — every registration by name and
 * e-mail. The ministry gets the counts only (issue 11 item 8).
 */
import { roleGrants } from "../../domain/roles.ts";
import { instantToZonedLocal } from "../../domain/time.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type SessionSummary, summarize } from "./session-view.ts";

export interface OperatorSessionDetail {
  summary: SessionSummary;
  /** The form's values as the operator typed them (wall-clock in the venue's zone). */
  values: Record<string, string>;
  /** Registrations by status, and how many attended (cancelled ones not counted as attended). */
  counts: { registered: number; waitlisted: number; cancelled: number; attended: number };
  /** null for a reader without "people.read". */
  registrations:
    | {
        id: string;
        name: string;
        email: string;
        countryCode: string | null;
        affiliation: string | null;
        status: string;
        attended: boolean;
        createdAt: Date;
      }[]
    | null;
}

export async function getOperatorSession(ctx: ServiceContext, actor: Actor | null, id: string, locale: string): Promise<OperatorSessionDetail> {
  const who = authorize(actor, "round.read");
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
    counts: {
      registered: regs.filter((r) => r.status === "registered").length,
      waitlisted: regs.filter((r) => r.status === "waitlisted").length,
      cancelled: regs.filter((r) => r.status === "cancelled").length,
      attended: regs.filter((r) => r.status !== "cancelled" && r.attended === true).length,
    },
    registrations: !roleGrants(who.role, "people.read")
      ? null
      : regs.map((r) => ({
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
