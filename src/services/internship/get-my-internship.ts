import { SURVEY_QUESTIONS } from "../../domain/internship/survey.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type PlacementRow, myPlacement, tokyoToday } from "./placement-access.ts";
import { readFinalReport, readSurveyResponse, type FinalReport, type SurveyAnswers } from "./internship-records.ts";

export interface DailyReportView {
  day: string;
  did: string;
  learned: string | null;
  issues: string | null;
  hostComment: string | null;
  confirmed: boolean;
}

export interface MyInternship {
  placement: PlacementRow | null;
  today: string;
  reports: DailyReportView[];
  finalReport: FinalReport | null;
  survey: SurveyAnswers | null;
  questions: typeof SURVEY_QUESTIONS.intern;
}

/** The intern's placement, their daily reports (newest first) with the supervisor's comments, final report and survey answers. */
export async function getMyInternship(ctx: ServiceContext, actor: Actor | null): Promise<MyInternship> {
  const { placement } = await myPlacement(ctx.db, actor);
  const today = tokyoToday(ctx.clock());
  if (!placement) return { placement: null, today, reports: [], finalReport: null, survey: null, questions: SURVEY_QUESTIONS.intern };
  const reports = await listDailyReports(ctx, placement.id);
  return {
    placement,
    today,
    reports,
    finalReport: await readFinalReport(ctx.db, placement.id, "intern"),
    survey: await readSurveyResponse(ctx.db, placement, "intern"),
    questions: SURVEY_QUESTIONS.intern,
  };
}

export async function listDailyReports(ctx: ServiceContext, placementId: string): Promise<DailyReportView[]> {
  const rows = await ctx.db.selectFrom("daily_reports").selectAll().where("placement_id", "=", placementId).orderBy("day", "desc").execute();
  return rows.map((r) => ({ day: r.day, did: r.body, learned: r.learned, issues: r.issues, hostComment: r.host_comment, confirmed: r.confirmed_at !== null }));
}
