import { SURVEY_QUESTIONS } from "../../domain/internship/survey.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type DailyReportView, listDailyReports } from "./get-my-internship.ts";
import { type FinalReport, type SurveyAnswers, readFinalReport, readSurveyResponse } from "./internship-records.ts";
import { type PlacementRow, hostPlacement, tokyoToday } from "./placement-access.ts";

export interface AttendanceView {
  day: string;
  status: string;
  minutes: number | null;
  confirmed: boolean;
}

export interface HostPlacementView {
  placement: PlacementRow;
  today: string;
  reports: DailyReportView[];
  attendance: AttendanceView[];
  finalReport: FinalReport | null;
  survey: SurveyAnswers | null;
  questions: typeof SURVEY_QUESTIONS.host;
}

/** A host member's view of one intern: daily reports to read and confirm, attendance, the host's final report and survey. */
export async function getHostPlacement(ctx: ServiceContext, actor: Actor | null, placementId: string): Promise<HostPlacementView> {
  const { placement } = await hostPlacement(ctx.db, actor, placementId);
  const attendance = await ctx.db.selectFrom("attendance_days").selectAll().where("placement_id", "=", placement.id).orderBy("day", "desc").execute();
  return {
    placement,
    today: tokyoToday(ctx.clock()),
    reports: await listDailyReports(ctx, placement.id),
    attendance: attendance.map((a) => ({ day: a.day, status: a.status, minutes: a.minutes, confirmed: a.confirmed_at !== null })),
    finalReport: await readFinalReport(ctx.db, placement.id, "host"),
    survey: await readSurveyResponse(ctx.db, placement, "host"),
    questions: SURVEY_QUESTIONS.host,
  };
}
