/**
 * The applicant's host interviews in an office-shortlist round (ADR 0037): for each position they
 * are shortlisted for, their booking (times in their own zone, and Japan time) and the slots the
 * host offers that they may book or move to, with the cutoff for changes.
 */
import { cutoffAt } from "../../domain/interviews/index.ts";
import { PROGRAM_TIME_ZONE, isValidTimeZone } from "../../domain/time.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { bookingPolicy } from "../interviews/my-interview-record.ts";
import { findMyMatchingApplication } from "./applicant-access.ts";
import { positionsShortlistedFor } from "./host-access.ts";
import { hostSlotsOf, matchingInterviewOf } from "./matching-interview-record.ts";
import { findRound, positionsOfRound } from "./matching-record.ts";

export async function getMyMatchingInterviews(ctx: ServiceContext, actor: Actor | null, requestedZone?: string | null) {
  const mine = await findMyMatchingApplication(ctx.db, actor);
  const timeZone = requestedZone && isValidTimeZone(requestedZone) ? requestedZone : (mine?.actor.timeZone ?? PROGRAM_TIME_ZONE);
  if (!mine) return { timeZone, positions: null };
  const round = await findRound(ctx.db, mine.roundId);
  if (round.matchingMode !== "office_shortlist") return { timeZone, positions: null };
  const policy = await bookingPolicy(ctx.db, round.id);
  const shortlisted = new Set(await positionsShortlistedFor(ctx.db, mine.applicationId));
  const now = ctx.clock();
  const open = mine.status === "selected" && round.phase === "matching" && (!round.matchingClose || now < round.matchingClose);
  const positions = [];
  for (const p of (await positionsOfRound(ctx.db, round.id)).filter((x) => shortlisted.has(x.id))) {
    const current = await matchingInterviewOf(ctx.db, mine.applicationId, p.id);
    const slots = open
      ? (await hostSlotsOf(ctx.db, p.id)).filter(
          (s) => !s.cancelled && s.booked < s.capacity && s.id !== current?.slotId && cutoffAt(s.startsAt, policy).getTime() > now.getTime(),
        )
      : [];
    positions.push({
      id: p.id,
      title: p.title,
      organizationJa: p.organizationJa,
      organizationEn: p.organizationEn,
      current: current
        ? {
            ...current,
            changeable: open && current.status === "scheduled" && now.getTime() <= cutoffAt(current.startsAt, policy).getTime(),
          }
        : null,
      slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place, online: s.meetingUrl !== null })),
    });
  }
  return { timeZone, positions, cutoffHours: policy.cutoffMinutesBefore / 60 };
}
