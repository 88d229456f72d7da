/**
 * The operator opens a day of interview slots for a round's stage (issue 14):
 * a date and times in Asia/Tokyo, a length, a break, one or more interviewers
 * (one slot per interviewer and time, or — arrangement "panel", ADR 0033 — one
 * slot per time with every interviewer on its panel), a capacity, a place or
 * an online link.
 * Times are stored as UTC instants. A slot that overlaps another of the same
 * interviewer (existing or in the same request) is refused, and nothing is
 * created.
 */
import { z } from "zod";
import { findInterviewerOverlaps, generateSlots, SELECTION_STAGES } from "../../domain/interviews/index.ts";
import { PROGRAM_TIME_ZONE } from "../../domain/time.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { optionalText, stringList } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { panelsOf } from "./interview-panel.ts";

const schema = z.object({
  stage: z.enum(SELECTION_STAGES, { error: "errors.required" }),
  date: z.string().trim(),
  from: z.string().trim(),
  until: z.string().trim(),
  lengthMinutes: z.coerce.number({ error: "errors.number" }),
  breakMinutes: z.coerce.number({ error: "errors.number" }),
  capacity: z.coerce.number({ error: "errors.number" }),
  interviewers: stringList,
  place: optionalText(200),
  meetingUrl: optionalText(500),
  arrangement: z
    .enum(["parallel", "panel"], { error: "errors.required" })
    .optional()
    .transform((v) => v ?? "parallel"),
});

export async function createInterviewSlots(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ created: number }> {
  const who = authorize(actor, "interview.manage");
  const input = parseInput(schema, raw);
  if (input.meetingUrl && !/^https:\/\/\S+$/.test(input.meetingUrl)) throw new ValidationError({ meetingUrl: [{ key: "interviewsStaff.errors.url" }] });
  const plan = generateSlots({
    date: input.date,
    timeZone: PROGRAM_TIME_ZONE,
    from: input.from,
    until: input.until,
    lengthMinutes: input.lengthMinutes,
    breakMinutes: input.breakMinutes,
    interviewers: input.interviewers,
    arrangement: input.arrangement,
    capacity: input.capacity,
  });
  if (!plan.ok) {
    const fieldErrors: Record<string, { key: string; params?: Record<string, string | number> }[]> = {};
    for (const issue of plan.issues) {
      const params: Record<string, string | number> = {};
      if ("min" in issue) Object.assign(params, { min: issue.min, max: issue.max });
      if ("max" in issue && "count" in issue) Object.assign(params, { count: issue.count, max: issue.max });
      (fieldErrors[issue.field] ??= []).push({ key: `interviewsStaff.errors.${issue.code}`, params });
    }
    throw new ValidationError(fieldErrors);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select(["id"]).where("id", "=", roundId).executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    // the interviewers' rows are locked so two requests cannot add overlapping slots at once
    const staff = await trx
      .selectFrom("user")
      .select(["id", "name", "role"])
      .where("id", "in", input.interviewers)
      .where("role", "in", ["operator", "reviewer"])
      .orderBy("id")
      .forUpdate()
      .execute();
    if (staff.length !== input.interviewers.length) throw new ValidationError({ interviewers: [{ key: "interviewsStaff.errors.not_staff" }] });
    // the slots any of them holds, alone or on a panel
    const existing = await trx
      .selectFrom("interview_slots")
      .select(["id", "starts_at", "ends_at", "interviewer_user_id"])
      .where((eb) =>
        eb.or([
          eb("interviewer_user_id", "in", input.interviewers),
          eb("id", "in", eb.selectFrom("interview_slot_panel").select("slot_id").where("user_id", "in", input.interviewers)),
        ]),
      )
      .where("cancelled_at", "is", null)
      .where("ends_at", ">", plan.slots[0]!.startsAt)
      .where("starts_at", "<", plan.slots[plan.slots.length - 1]!.endsAt)
      .execute();
    const panels = await panelsOf(
      trx,
      existing.map((s) => s.id),
    );
    const overlaps = findInterviewerOverlaps(
      existing.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        // a host member's slot may have lost its interviewer to an account deletion (migration 0036)
        interviewers: [...(s.interviewer_user_id ? [s.interviewer_user_id] : []), ...(panels.get(s.id) ?? [])],
      })),
      plan.slots,
    );
    if (overlaps.length > 0) {
      const nameOf = new Map(staff.map((s) => [s.id, s.name]));
      throw new RefusedError(
        "interviewsStaff.refusals",
        overlaps.slice(0, 10).map((o) => {
          const other = o.with.source === "existing" ? existing[o.with.index]!.starts_at : plan.slots[o.with.index]!.startsAt;
          return { code: "interviewer_overlap", interviewer: nameOf.get(o.interviewer) ?? o.interviewer, startsAt: plan.slots[o.slot.index]!.startsAt, other };
        }),
      );
    }
    const rows = plan.slots.map((s) => ({
      id: crypto.randomUUID(),
      round_id: roundId,
      stage: input.stage,
      interviewer_user_id: s.interviewers[0]!,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      capacity: s.capacity,
      place: input.place,
      meeting_url: input.meetingUrl,
      created_by: who.userId,
      created_at: ctx.clock(),
    }));
    await trx.insertInto("interview_slots").values(rows).execute();
    const panel = plan.slots.flatMap((s, i) => s.interviewers.slice(1).map((userId) => ({ slot_id: rows[i]!.id, user_id: userId })));
    if (panel.length > 0) await trx.insertInto("interview_slot_panel").values(panel).execute();
    await writeAudit(trx, who, {
      action: "interview.slots_created",
      entityType: "round",
      entityId: roundId,
      after: { stage: input.stage, count: rows.length, from: rows[0]!.starts_at, interviewers: input.interviewers, arrangement: input.arrangement },
    });
    return { created: rows.length };
  });
}
