/** How a session row is shown: its title in a language, its place, its time for e-mails. */
import { type Selectable, sql } from "kysely";
import type { InformationSessionsTable } from "../../db/schema.ts";
import { formatDay, formatTime, regionName } from "../../i18n/format.ts";
import { type Locale, isLocale } from "../../i18n/locales.ts";

export type SessionRow = Selectable<InformationSessionsTable>;

export interface SessionSummary {
  id: string;
  roundId: string;
  title: string;
  description: string;
  mode: "online" | "in_person";
  venue: string | null;
  city: string | null;
  countryCode: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  language: string;
  capacity: number;
  partnerOrganization: string | null;
  audience: string;
  cancelled: boolean;
}

/** For a select on information_sessions: how many hold a place. */
export function registeredCount() {
  return sql<number>`(select count(*)::int from session_registrations r where r.session_id = information_sessions.id and r.status = 'registered')`;
}

/** The text in the wanted language, else English, else Japanese, else any. */
export function pickLanguage(texts: unknown, locale: string): string {
  const map = (texts && typeof texts === "object" ? texts : {}) as Record<string, string | undefined>;
  return map[locale] || map.en || map.ja || Object.values(map).find(Boolean) || "";
}

export function summarize(row: SessionRow, locale: string): SessionSummary {
  return {
    id: row.id,
    roundId: row.round_id,
    title: pickLanguage(row.titles, locale),
    description: pickLanguage(row.descriptions, locale),
    mode: row.mode === "online" ? "online" : "in_person",
    venue: row.venue,
    city: row.city,
    countryCode: row.country_code,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    language: row.language,
    capacity: row.capacity,
    partnerOrganization: row.partner_organization,
    audience: row.audience,
    cancelled: row.cancelled_at !== null,
  };
}

/** "10 Jun 2027, 18:30 – 20:00 (GMT+7)" in the venue's zone, in the reader's language. */
export function formatSessionTime(row: SessionRow, locale: string): string {
  const l: Locale = isLocale(locale) ? locale : "en";
  const day = formatDay(row.starts_at, l, row.time_zone);
  return `${day} ${formatTime(row.starts_at, l, row.time_zone)} – ${formatTime(row.ends_at, l, row.time_zone, true)} (${row.time_zone})`;
}

/** Where the session takes place (venue, city, country), or for an online session its link when the reader is registered. */
export function formatSessionPlace(row: SessionRow, locale: string, withMeetingLink: boolean): string {
  if (row.mode === "online") return withMeetingLink && row.meeting_url ? row.meeting_url : "";
  const country = row.country_code ? regionName(row.country_code, isLocale(locale) ? locale : "en") : "";
  return [row.venue, row.city, country].filter(Boolean).join(", ");
}
