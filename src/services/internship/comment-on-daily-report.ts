import { z } from "zod";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { isoDate, optionalText, requiredText } from "../fields.ts";
import { parseInput } from "../validation.ts";
import { hostPlacement } from "./placement-access.ts";

const schema = z.object({
  placementId: requiredText(64),
  day: isoDate,
  comment: optionalText(2000),
  confirm: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

/** The supervisor comments on an intern's daily report and, optionally, confirms it (the intern can no longer edit it). */
export async function commentOnDailyReport(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const input = parseInput(schema, raw);
  const { who, placement } = await hostPlacement(ctx.db, actor, input.placementId);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom("daily_reports")
      .select(["confirmed_at"])
      .where("placement_id", "=", placement.id)
      .where("day", "=", input.day)
      .forUpdate()
      .executeTakeFirst();
    if (!report) throw new NotFoundError("daily_report");
    await trx
      .updateTable("daily_reports")
      .set({ host_comment: input.comment, commented_by: who.userId, confirmed_at: report.confirmed_at ?? (input.confirm ? now : null) })
      .where("placement_id", "=", placement.id)
      .where("day", "=", input.day)
      .execute();
    await writeAudit(trx, who, {
      action: "daily_report.comment",
      entityType: "placement",
      entityId: placement.id,
      after: { day: input.day, confirm: input.confirm },
    });
  });
}
