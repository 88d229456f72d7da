import { z } from "zod";
import { DAY_STATUSES } from "../../domain/internship/rules.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { RefusedError, ValidationError } from "../errors.ts";
import { isoDate, plainDigits, requiredText } from "../fields.ts";
import { reportDayIssue } from "../../domain/internship/daily-report.ts";
import { parseInput } from "../validation.ts";
import { hostPlacement, tokyoToday } from "./placement-access.ts";

const schema = z.object({
  placementId: requiredText(64),
  day: isoDate,
  status: z.enum(DAY_STATUSES as [string, ...string[]], { error: "errors.chooseOne" }),
  hours: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? plainDigits(v) : null)),
});

/**
 * The supervisor records and confirms an intern's attendance for one day
 * (present, absent, leave, holiday); an online day worked also needs the
 * hours, at most 24. A day outside the placement or in the future is
 * refused. Recording the day again changes it; the day keeps the instant it
 * was first confirmed, which fixes the allowance rate it is paid at (ADR 0014).
 */
export async function recordAttendance(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const input = parseInput(schema, raw);
  const { who, placement } = await hostPlacement(ctx.db, actor, input.placementId);
  let minutes: number | null = null;
  if (input.hours !== null) {
    if (!/^\d+(\.\d{1,2})?$/.test(input.hours)) throw new ValidationError({ hours: [{ key: "internshipStaff.errors.hours" }] });
    minutes = Math.round(Number(input.hours) * 60);
    if (minutes > 1440) throw new ValidationError({ hours: [{ key: "internshipStaff.errors.hoursBeyondDay" }] });
  }
  if (placement.mode === "online" && input.status === "present" && minutes === null) {
    throw new ValidationError({ hours: [{ key: "internshipStaff.errors.hoursRequired" }] });
  }
  const now = ctx.clock();
  // after an early termination, its last day ends the placement (ADR 0035)
  const issue = reportDayIssue(input.day, { startsOn: placement.startsOn, endsOn: placement.terminatedOn ?? placement.endsOn }, tokyoToday(now));
  if (issue) throw new RefusedError("internshipStaff.refusals", [{ ...issue, day: input.day }]);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("attendance_days")
      .selectAll()
      .where("placement_id", "=", placement.id)
      .where("day", "=", input.day)
      .forUpdate()
      .executeTakeFirst();
    if (before) {
      await trx
        .updateTable("attendance_days")
        .set({ status: input.status, minutes, recorded_by: who.userId, recorded_at: now })
        .where("placement_id", "=", placement.id)
        .where("day", "=", input.day)
        .execute();
    } else {
      await trx
        .insertInto("attendance_days")
        .values({ placement_id: placement.id, day: input.day, status: input.status, minutes, recorded_by: who.userId, recorded_at: now, confirmed_at: now })
        .execute();
    }
    await writeAudit(trx, who, {
      action: "attendance.record",
      entityType: "placement",
      entityId: placement.id,
      before: before ? { day: input.day, status: before.status, minutes: before.minutes } : undefined,
      after: { day: input.day, status: input.status, minutes },
    });
  });
}
