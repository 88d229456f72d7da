/**
 * E-mails about interviews (issue 14), in the applicant's language with the
 * times in their own zone (and Japan time): invitation, booking or move (ICS
 * METHOD:REQUEST, same UID, higher SEQUENCE), cancellation (METHOD:CANCEL).
 * Queued inside the use case's transaction.
 */
import { buildInterviewIcs, interviewIcsContentType, interviewIcsUid } from "../../domain/interviews/index.ts";
import { PROGRAM_TIME_ZONE } from "../../domain/time.ts";
import { formatInstant } from "../../i18n/format.ts";
import { type Locale, localeOr } from "../../i18n/locales.ts";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { DEFAULT_FROM } from "../mail/transport.ts";
import { translator } from "../../i18n/translator.ts";
import type { IcsPerson } from "../../domain/session-ics.ts";
import { personName } from "../../domain/person-name.ts";

export interface Applicant {
  applicationId: string;
  roundId: string;
  userId: string;
  name: string;
  email: string;
  locale: Locale;
  timeZone: string;
}

/** The applicant of an application: name, address, language and zone (Asia/Tokyo when they set none). */
export async function applicantOf(db: Kysely<Database>, applicationId: string): Promise<Applicant | null> {
  return (await applicantsOf(db, [applicationId])).get(applicationId) ?? null;
}

/** Several applicants in one query (an invitation or the final results write to hundreds at once), by application id. */
export async function applicantsOf(db: Kysely<Database>, applicationIds: readonly string[]): Promise<Map<string, Applicant>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("user as u", "u.id", "a.applicant_user_id")
    .select(["a.id", "a.round_id", "a.family_name", "a.given_name", "a.nationality", "u.id as user_id", "u.name", "u.email", "u.locale", "u.timeZone"])
    .where("a.id", "in", [...applicationIds])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        applicationId: row.id,
        roundId: row.round_id,
        userId: row.user_id,
        name: personName({ familyName: row.family_name, givenName: row.given_name, nationality: row.nationality }) ?? row.name,
        email: row.email,
        locale: localeOr(row.locale),
        timeZone: row.timeZone ?? PROGRAM_TIME_ZONE,
      },
    ]),
  );
}

/** "10:00 ICT (Asia/Ho_Chi_Minh) · 12:00 JST": the applicant's own time first, with Japan time. */
export function whenFor(at: Date, person: Pick<Applicant, "locale" | "timeZone">): string {
  const own = `${formatInstant(at, person.locale, person.timeZone)} (${person.timeZone})`;
  return person.timeZone === PROGRAM_TIME_ZONE ? own : `${own} · ${formatInstant(at, person.locale, PROGRAM_TIME_ZONE)}`;
}

export interface SlotForMail {
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  meetingUrl: string | null;
  stage: string;
}

export function interviewPageUrl(ctx: Pick<ServiceContext, "publicUrl">, locale: string): string {
  return `${ctx.publicUrl}/${locale}/application/interview`;
}

/**
 * The ORGANIZER of an interview's calendar file: the address its e-mail comes from (a calendar treats an
 * invitation as the organizer's own only then), named as the program office in the reader's language.
 */
export function calendarOrganizer(ctx: Pick<ServiceContext, "mailFrom">, locale: Locale): IcsPerson {
  const from = ctx.mailFrom ?? DEFAULT_FROM;
  const email = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from.trim();
  return { name: translator(locale)("mail.interviewCalendar.organizer"), email };
}

/** The calendar file of a booking (request) or its cancellation, for the stage's one UID. */
export function interviewIcsFile(
  ctx: Pick<ServiceContext, "clock" | "mailFrom">,
  person: Applicant,
  slot: SlotForMail,
  sequence: number,
  action: "request" | "cancel",
) {
  const content = buildInterviewIcs({
    uid: interviewIcsUid(person.applicationId, person.roundId, slot.stage),
    sequence,
    action,
    stamp: ctx.clock(),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    summary: translator(person.locale)("mail.interviewCalendar.summary"),
    ...(slot.place ? { location: slot.place } : slot.meetingUrl ? { location: slot.meetingUrl } : {}),
    ...(slot.meetingUrl ? { url: slot.meetingUrl } : {}),
    organizer: calendarOrganizer(ctx, person.locale),
    attendee: { name: person.name, email: person.email },
  });
  return { filename: "interview.ics", content, contentType: interviewIcsContentType(action) };
}

/** Booked, moved or cancelled: one e-mail with the calendar file. */
export function bookingMail(
  ctx: Pick<ServiceContext, "clock" | "publicUrl" | "mailFrom">,
  person: Applicant,
  slot: SlotForMail,
  sequence: number,
  kind: "booked" | "moved" | "cancelled",
  /** the page the e-mail links to (the selection's interview page unless given; host interviews in matching link to theirs) */
  pageUrl: string = interviewPageUrl(ctx, person.locale),
): MailMessage {
  return {
    to: person.email,
    template: kind === "cancelled" ? "interviewCancelled" : "interviewBooked",
    locale: person.locale,
    params: {
      name: person.name,
      kind,
      when: whenFor(slot.startsAt, person),
      place: slot.place ?? slot.meetingUrl ?? "—",
      url: pageUrl,
    },
    attachments: [interviewIcsFile(ctx, person, slot, sequence, kind === "cancelled" ? "cancel" : "request")],
  };
}
