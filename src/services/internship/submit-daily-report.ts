import { z } from "zod";
import { reportDayIssue } from "../../domain/internship/daily-report.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { isoDate, optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { myPlacement, tokyoToday } from "./placement-access.ts";

export const DAILY_REPORT_MAX = 4000;

const schema = z.object({
  day: isoDate,
  did: requiredText(DAILY_REPORT_MAX),
  learned: optionalText(DAILY_REPORT_MAX),
  issues: optionalText(DAILY_REPORT_MAX),
});

/**
 * The intern writes the daily report (日報) of a day of their placement, in
 * any language: what they did, learned, and any difficulty. A day outside
 * the placement or after today (Japan time) is refused; writing the same day
 * again edits that report until the supervisor has confirmed it.
 */
export async function submitDailyReport(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ day: string; edited: boolean }> {
  const { who, placement } = await myPlacement(ctx.db, actor);
  if (!placement) throw new NotFoundError("placement");
  const input = parseInput(schema, raw);
  const now = ctx.clock();
  const issue = reportDayIssue(input.day, placement, tokyoToday(now));
  if (issue) throw new RefusedError("internship.refusals", [{ ...issue, day: input.day }]);
  if (placement.status !== "active") throw new RefusedError("internship.refusals", [{ code: "not_active" }]);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("daily_reports")
      .select(["confirmed_at"])
      .where("placement_id", "=", placement.id)
      .where("day", "=", input.day)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.confirmed_at) throw new RefusedError("internship.refusals", [{ code: "report_confirmed", day: input.day }]);
    const values = { body: input.did, learned: input.learned, issues: input.issues, updated_at: now };
    if (existing) {
      await trx.updateTable("daily_reports").set(values).where("placement_id", "=", placement.id).where("day", "=", input.day).execute();
    } else {
      await trx
        .insertInto("daily_reports")
        .values({ placement_id: placement.id, day: input.day, submitted_at: now, ...values })
        .execute();
    }
    await writeAudit(trx, who, {
      action: existing ? "daily_report.edit" : "daily_report.submit",
      entityType: "placement",
      entityId: placement.id,
      after: { day: input.day },
    });
    return { day: input.day, edited: Boolean(existing) };
  });
}
