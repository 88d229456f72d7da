/**
 * The one iCalendar (RFC 5545) writer of the platform, written by hand: UTC
 * times, CRLF line endings, escaped text, lines folded at 75 octets. Used for
 * information sessions (METHOD:PUBLISH / CANCEL) and for interview bookings
 * (iTIP, RFC 5546: METHOD:REQUEST with ORGANIZER, ATTENDEE and SEQUENCE; an
 * update is the same UID with a higher SEQUENCE; METHOD:CANCEL to withdraw);
 * see src/domain/interviews/ics.ts. Every text value is written without
 * control characters (a bare CR would start a property of its own).
 */
import { stripControlChars } from "./text-hygiene.ts";

export interface IcsPerson {
  email: string;
  /** common name (CN parameter) */
  name?: string;
}

export interface IcsEvent {
  uid: string;
  /** When the file is produced (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** CANCELLED for a cancelled session or registration. */
  status?: "CONFIRMED" | "CANCELLED";
  /** iTIP method; default PUBLISH, or CANCEL when status is CANCELLED. REQUEST or CANCEL given here needs organizer and attendees. */
  method?: "PUBLISH" | "REQUEST" | "CANCEL";
  /** revision number (RFC 5545 3.8.7.4): 0 first, higher for every update of the same UID. */
  sequence?: number;
  /** required by METHOD:REQUEST and METHOD:CANCEL (RFC 5546 3.2.2, 3.2.5) */
  organizer?: IcsPerson;
  attendees?: readonly IcsPerson[];
}

/** A CN parameter value: quoted, with the characters a quoted value cannot hold removed (RFC 5545 3.1, 3.2). */
function cnParam(name: string | undefined): string {
  if (!name) return "";
  const clean = stripControlChars(name, { lines: false }).replace(/"/g, " ").trim();
  return clean ? `;CN="${clean}"` : "";
}

/** A mailto: value; refuses what would break the line (CR, LF, spaces) or is not an address. */
function mailto(email: string): string {
  if (!/^[^\s@:;,"<>]+@[^\s@:;,"<>]+$/.test(email)) throw new RangeError(`not an e-mail address for a calendar file: ${JSON.stringify(email)}`);
  return `mailto:${email}`;
}

function utc(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline (CRLF, LF or a bare CR); other control characters removed. */
export function escapeIcsText(s: string): string {
  return stripControlChars(s, { lines: true }).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

/** Folds a content line so no line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function buildIcs(event: IcsEvent): string {
  const method = event.method ?? (event.status === "CANCELLED" ? "CANCEL" : "PUBLISH");
  const status = event.status ?? (method === "CANCEL" ? "CANCELLED" : "CONFIRMED");
  if (event.sequence !== undefined && (!Number.isSafeInteger(event.sequence) || event.sequence < 0)) {
    throw new RangeError(`SEQUENCE must be a non-negative integer, got ${event.sequence}`);
  }
  // iTIP messages asked for explicitly must be complete; a session's cancellation (status only) stays as it always was
  if (event.method && event.method !== "PUBLISH" && (!event.organizer || !event.attendees?.length)) {
    throw new RangeError(`METHOD:${method} needs an ORGANIZER and at least one ATTENDEE (RFC 5546)`);
  }
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//JIP Platform//Calendar//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${stripControlChars(event.uid, { lines: false })}`,
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.url ? [`URL:${stripControlChars(event.url, { lines: false }).replace(/ /g, "%20")}`] : []),
    ...(event.organizer ? [`ORGANIZER${cnParam(event.organizer.name)}:${mailto(event.organizer.email)}`] : []),
    ...(event.attendees ?? []).map((a) => `ATTENDEE${cnParam(a.name)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:${mailto(a.email)}`),
    `STATUS:${status}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join("\r\n") + "\r\n";
}
