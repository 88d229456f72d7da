/** The applicant downloads the calendar file of their current booking for a stage (the last SEQUENCE sent). */
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { applicantOf, interviewIcsFile } from "./interview-mail.ts";
import { myInterviewApplication, myInterviews } from "./my-interview-record.ts";

export async function getInterviewIcs(ctx: ServiceContext, actor: Actor | null, stage: string) {
  const who = authorize(actor, "interview.book");
  const app = await myInterviewApplication(ctx.db, who.userId);
  if (!app) throw new NotFoundError("interview");
  const current = (await myInterviews(ctx.db, app.id)).find((i) => i.stage === stage && i.status === "scheduled");
  const person = await applicantOf(ctx.db, app.id);
  if (!current || !person) throw new NotFoundError("interview");
  return interviewIcsFile(
    ctx,
    person,
    { startsAt: current.starts_at, endsAt: current.ends_at, place: current.place, meetingUrl: current.meeting_url, stage },
    current.ics_sequence,
    "request",
  );
}
