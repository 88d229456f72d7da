/**
 * E-mails to people registered for a session (in their language), the
 * cancel-link tokens (only their hash is stored). Mails are queued inside
 * the use case's transaction.
 */
import { buildIcs } from "../../domain/session-ics.ts";
import type { ServiceContext } from "../context.ts";
import type { MailMessage, MailTemplate } from "../mail/mailer.ts";
import { type SessionRow, formatSessionPlace, formatSessionTime, pickLanguage } from "./session-view.ts";

export type PendingMail = MailMessage;

export function cancelUrl(ctx: Pick<ServiceContext, "publicUrl">, locale: string, token: string): string {
  return `${ctx.publicUrl}/${locale}/sessions/cancel/${token}`;
}

interface Person {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** One e-mail about a session; confirmations carry the calendar file. */
export function sessionMail(
  ctx: Pick<ServiceContext, "publicUrl" | "clock">,
  session: SessionRow,
  person: Person,
  template: Extract<MailTemplate, `session${string}`>,
  extra: { cancelUrl: string | null; applyUrl?: string },
): PendingMail {
  const withLink = template === "sessionRegistered" || template === "sessionPromoted" || template === "sessionReminder";
  const title = pickLanguage(session.titles, person.locale);
  const message: PendingMail = {
    to: person.email,
    template,
    locale: person.locale,
    params: {
      name: person.name,
      title,
      when: formatSessionTime(session, person.locale),
      mode: session.mode,
      place: formatSessionPlace(session, person.locale, withLink) || "—",
      cancelUrl: extra.cancelUrl ?? "",
      applyUrl: extra.applyUrl ?? "",
      sessionUrl: `${ctx.publicUrl}/${person.locale}/sessions/${session.id}`,
    },
  };
  if (template === "sessionRegistered" || template === "sessionPromoted" || template === "sessionCancelled") {
    const ics = buildIcs({
      uid: `${person.id}@jip-platform`,
      stamp: ctx.clock(),
      start: session.starts_at,
      end: session.ends_at,
      summary: title,
      description: pickLanguage(session.descriptions, person.locale),
      location: formatSessionPlace(session, person.locale, true),
      url: session.mode === "online" && session.meeting_url ? session.meeting_url : `${ctx.publicUrl}/${person.locale}/sessions/${session.id}`,
      status: template === "sessionCancelled" ? "CANCELLED" : "CONFIRMED",
    });
    message.attachments = [
      {
        filename: "session.ics",
        content: ics,
        contentType: "text/calendar; charset=utf-8; method=" + (template === "sessionCancelled" ? "CANCEL" : "PUBLISH"),
      },
    ];
  }
  return message;
}
