/**
 * Late daily reports (issue 16, ADR 0035): the operator's list of interns
 * with working days that have no daily report, and reminders by e-mail
 * through the queue. A reminder is sent once per placement and day
 * (daily_report_reminders): sending again reminds of new late days only.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { lateReportDays } from "../../domain/internship/late-reports.ts";
import type { DayStatus } from "../../domain/internship/rules.ts";
import { localeOr } from "../../i18n/locales.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PlacementRow, placementQuery, tokyoToday, toPlacementRow } from "./placement-access.ts";

export interface LateReportRow {
  placementId: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  cohort: string | null;
  /** working days without a daily report, oldest first */
  lateDays: string[];
  /** of those, the days the intern was already reminded of */
  remindedDays: string[];
}

async function lateRows(db: Kysely<Database>, roundId: string, today: string): Promise<{ rows: LateReportRow[]; placements: PlacementRow[] }> {
  const placements = (await placementQuery(db).where("placements.round_id", "=", roundId).where("placements.status", "=", "active").execute()).map(
    toPlacementRow,
  );
  const ids = placements.map((p) => p.id);
  if (ids.length === 0) return { rows: [], placements };
  const [attendance, reports, reminders] = await Promise.all([
    db.selectFrom("attendance_days").select(["placement_id", "day", "status"]).where("placement_id", "in", ids).execute(),
    db.selectFrom("daily_reports").select(["placement_id", "day"]).where("placement_id", "in", ids).execute(),
    db.selectFrom("daily_report_reminders").select(["placement_id", "day"]).where("placement_id", "in", ids).execute(),
  ]);
  const rows: LateReportRow[] = [];
  for (const p of placements) {
    const lateDays = lateReportDays({
      startsOn: p.startsOn,
      lastDay: p.terminatedOn ?? p.endsOn,
      today,
      attendance: new Map(attendance.filter((a) => a.placement_id === p.id).map((a) => [a.day, a.status as DayStatus])),
      reported: new Set(reports.filter((r) => r.placement_id === p.id).map((r) => r.day)),
    });
    if (lateDays.length === 0) continue;
    const reminded = new Set(reminders.filter((r) => r.placement_id === p.id).map((r) => r.day));
    rows.push({
      placementId: p.id,
      internName: p.internName,
      organizationNameJa: p.organizationNameJa,
      organizationNameEn: p.organizationNameEn,
      cohort: p.cohort,
      lateDays,
      remindedDays: lateDays.filter((d) => reminded.has(d)),
    });
  }
  rows.sort((a, b) => b.lateDays.length - a.lateDays.length || a.internName.localeCompare(b.internName));
  return { rows, placements };
}

/** The round's interns with late daily reports (most late days first). */
export async function listLateReports(
  ctx: ServiceContext,
  actor: Actor | null,
  roundId: string,
): Promise<{ round: { id: string; nameJa: string; nameEn: string }; today: string; rows: LateReportRow[] }> {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const today = tokyoToday(ctx.clock());
  const { rows } = await lateRows(ctx.db, round.id, today);
  return { round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en }, today, rows };
}

/**
 * Reminds each intern of the round's late daily reports not reminded of
 * before, in the caller's transaction: claims the (placement, day) rows with
 * insert … on conflict do nothing returning and queues one e-mail per intern
 * in the intern's language for the days it claimed. Two runs at once (the
 * button and the job, two processes) wait on each other's rows: a day is
 * reminded once. Not audited (the callers are).
 */
export async function queueReportReminders(ctx: ServiceContext, trx: Kysely<Database>, roundId: string, now: Date): Promise<{ emails: number; days: number }> {
  const today = tokyoToday(now);
  const { rows, placements } = await lateRows(trx, roundId, today);
  let emails = 0;
  let days = 0;
  for (const row of rows) {
    const fresh = row.lateDays.filter((d) => !row.remindedDays.includes(d));
    if (fresh.length === 0) continue;
    const placement = placements.find((p) => p.id === row.placementId)!;
    if (!placement.applicantUserId) continue;
    const claimed = await trx
      .insertInto("daily_report_reminders")
      .values(fresh.map((day) => ({ placement_id: row.placementId, day, reminded_at: now })))
      .onConflict((oc) => oc.columns(["placement_id", "day"]).doNothing())
      .returning("day")
      .execute();
    if (claimed.length === 0) continue;
    const user = await trx.selectFrom("user").select(["email", "locale"]).where("id", "=", placement.applicantUserId).executeTakeFirst();
    if (!user) continue;
    const locale = localeOr(user.locale);
    const dayList = claimed
      .map((c) => c.day)
      .sort()
      .join(", ");
    const params = { name: row.internName, days: dayList, count: claimed.length, url: `${ctx.publicUrl}/${locale}/internship` };
    const emailId = await ctx.mailer.queue(
      {
        to: user.email,
        template: "internshipPeriod.reminder",
        locale,
        params,
      },
      trx,
    );
    await trx
      .updateTable("daily_report_reminders")
      .set({ email_id: emailId })
      .where("placement_id", "=", row.placementId)
      .where(
        "day",
        "in",
        claimed.map((c) => c.day),
      )
      .execute();
    emails++;
    days += claimed.length;
  }
  return { emails, days };
}

/**
 * The operator's button: reminds each intern of the late daily reports not
 * reminded of before: one e-mail per intern, in the intern's language, queued
 * in the transaction that records the reminded days (so running it twice, or
 * twice at once, or with the job, sends nothing twice). Audited.
 */
export async function sendReportReminders(ctx: ServiceContext, actor: Actor | null, raw: { roundId: string }): Promise<{ emails: number; days: number }> {
  const who = authorize(actor, "placement.manage");
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom("rounds").select("id").where("id", "=", String(raw.roundId)).executeTakeFirst();
    if (!round) throw new NotFoundError("round");
    const { emails, days } = await queueReportReminders(ctx, trx, round.id, now);
    await writeAudit(trx, who, { action: "daily_report.remind", entityType: "round", entityId: round.id, after: { emails, days } });
    return { emails, days };
  });
}
