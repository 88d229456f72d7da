/**
 * The calendar file of a host interview in matching (ADR 0037), for the applicant (their own
 * booking of a position) or for a host member (a booking of their position's candidate). Same UID
 * and last SEQUENCE as the applicant's e-mail, so both calendars hold the same event.
 */
import { buildInterviewIcs, interviewIcsContentType, interviewIcsUid } from "../../domain/interviews/index.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { localeOr } from "../../i18n/locales.ts";
import { translator } from "../../i18n/translator.ts";
import { applicantOf, calendarOrganizer, interviewIcsFile } from "../interviews/interview-mail.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { requireMyPosition, shortlistOf } from "./host-access.ts";
import { hostIcsStage, matchingInterviewOf } from "./matching-interview-record.ts";

export async function getMyMatchingInterviewIcs(ctx: ServiceContext, actor: Actor | null, positionId: string) {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  if (!mine || !/^[0-9a-f-]{36}$/.test(positionId)) throw new NotFoundError("interview");
  const interview = await matchingInterviewOf(ctx.db, mine.applicationId, positionId);
  const person = await applicantOf(ctx.db, mine.applicationId);
  if (!interview || interview.status !== "scheduled" || !person) throw new NotFoundError("interview");
  return interviewIcsFile(
    ctx,
    person,
    { startsAt: interview.startsAt, endsAt: interview.endsAt, place: interview.place, meetingUrl: interview.meetingUrl, stage: hostIcsStage(positionId) },
    interview.icsSequence,
    "request",
  );
}

export async function getHostMatchingInterviewIcs(ctx: ServiceContext, actor: Actor | null, input: { positionId: string; applicationId: string }) {
  const mine = await requireMyPosition(ctx.db, actor, input.positionId);
  if (!(await shortlistOf(ctx.db, mine.roundId, mine.positionId)).includes(input.applicationId)) throw new NotFoundError("interview");
  const interview = await matchingInterviewOf(ctx.db, input.applicationId, mine.positionId);
  if (!interview || interview.status !== "scheduled") throw new NotFoundError("interview");
  const member = await ctx.db.selectFrom("user").select(["name", "email"]).where("id", "=", mine.actor.userId).executeTakeFirstOrThrow();
  const locale = localeOr(mine.actor.locale);
  const content = buildInterviewIcs({
    uid: interviewIcsUid(input.applicationId, mine.roundId, hostIcsStage(mine.positionId)),
    sequence: interview.icsSequence,
    action: "request",
    stamp: ctx.clock(),
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    summary: translator(locale)("mail.interviewCalendar.summaryPosition", { title: mine.title }),
    ...(interview.place ? { location: interview.place } : interview.meetingUrl ? { location: interview.meetingUrl } : {}),
    ...(interview.meetingUrl ? { url: interview.meetingUrl } : {}),
    organizer: calendarOrganizer(ctx, locale),
    attendee: { name: member.name, email: member.email },
  });
  return { filename: "interview.ics", content, contentType: interviewIcsContentType("request") };
}
