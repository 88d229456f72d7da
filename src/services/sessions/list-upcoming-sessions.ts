import type { ServiceContext } from "../context.ts";
import { type SessionSummary, registeredCount, summarize } from "./session-view.ts";

export interface CalendarFilters {
  country?: string | undefined;
  mode?: string | undefined;
  language?: string | undefined;
}

export interface PublicSession extends SessionSummary {
  registered: number;
  full: boolean;
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
