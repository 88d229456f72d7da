/**
 * The applicant's interview page (issue 14): for each stage they are invited
 * to, their booking (times in their own zone, and Japan time) and the slots
 * they may book or move to; the cutoff for changes.
 */
import { cutoffAt } from "../../domain/interviews/index.ts";
import { PROGRAM_TIME_ZONE, isValidTimeZone } from "../../domain/time.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { bookingPolicy, myInterviewApplication, myInterviews } from "./my-interview-record.ts";

export interface OpenSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  online: boolean;
  left: number;
}

export async function getMyInterview(ctx: ServiceContext, actor: Actor | null, requestedZone?: string | null) {
  const who = authorize(actor, "interview.book");
  const timeZone = requestedZone && isValidTimeZone(requestedZone) ? requestedZone : (who.timeZone ?? PROGRAM_TIME_ZONE);
  const app = await myInterviewApplication(ctx.db, who.userId);
  if (!app) return { timeZone, application: null, stages: [] };
  const policy = await bookingPolicy(ctx.db, app.round_id);
  const invitations = await ctx.db.selectFrom("interview_invitations").select(["stage"]).where("application_id", "=", app.id).orderBy("stage").execute();
  const interviews = await myInterviews(ctx.db, app.id);
  const now = ctx.clock();
  const stages = [];
  for (const { stage } of invitations) {
    const current = interviews.find((i) => i.stage === stage && i.status === "scheduled") ?? null;
    const slots = await ctx.db
      .selectFrom("interview_slots as s")
      .select([
        "s.id",
        "s.starts_at",
        "s.ends_at",
        "s.place",
        "s.meeting_url",
        "s.capacity",
        (eb) =>
          eb
            .selectFrom("interviews as i")
            .select((e) => e.fn.countAll<string>().as("n"))
            .whereRef("i.slot_id", "=", "s.id")
            .where("i.status", "=", "scheduled")
            .as("booked"),
      ])
      .where("s.round_id", "=", app.round_id)
      .where("s.stage", "=", stage)
      .where("s.cancelled_at", "is", null)
      .where("s.starts_at", ">", new Date(now.getTime() + policy.cutoffMinutesBefore * 60_000))
      .orderBy("s.starts_at")
      .limit(300)
      .execute();
    const changeable = current?.starts_at ? now.getTime() <= cutoffAt(current.starts_at, policy).getTime() : true;
    stages.push({
      stage,
      current: current
        ? {
            slotId: current.slot_id,
            startsAt: current.starts_at,
            endsAt: current.ends_at,
            place: current.place,
            meetingUrl: current.meeting_url,
            changesUntil: cutoffAt(current.starts_at, policy),
            changeable,
          }
        : null,
      slots: slots
        .map((s): OpenSlot => ({
          id: s.id,
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          place: s.place,
          online: s.meeting_url !== null,
          left: s.capacity - Number(s.booked ?? 0),
        }))
        .filter((s) => s.left > 0 && s.id !== current?.slot_id),
    });
  }
  return { timeZone, application: { id: app.id, status: app.status }, stages, cutoffHours: policy.cutoffMinutesBefore / 60 };
}
