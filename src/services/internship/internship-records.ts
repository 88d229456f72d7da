/**
 * The final reports and evaluation survey responses of a placement, read and
 * written the same way by the intern's and the host's use cases. Survey
 * answers are stored in `survey_responses.answers` keyed by the question codes
 * the yearly report reads (src/domain/report/types.ts).
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { SURVEY_COMMENT_MAX, SURVEY_QUESTIONS, type SurveyAudience } from "../../domain/internship/survey.ts";
import { optionalText, requiredText } from "../fields.ts";

export const FINAL_REPORT_MAX = 8000;

export interface FinalReport {
  summary: string;
  outcomes: string | null;
  submittedAt: Date | null;
}

export type SurveyAnswers = Record<string, string | null>;

function json(value: unknown): Record<string, unknown> {
  const v = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return v && typeof v === "object" ? (v as Record<string, unknown>) : {};
}

export const finalReportSchema = z.object({ summary: requiredText(FINAL_REPORT_MAX), outcomes: optionalText(FINAL_REPORT_MAX) });

export async function readFinalReport(db: Kysely<Database>, placementId: string, side: SurveyAudience): Promise<FinalReport | null> {
  const r = await db
    .selectFrom("reports")
    .select(["body", "submitted_at"])
    .where("placement_id", "=", placementId)
    .where("author_side", "=", side)
    .where("kind", "=", "final")
    .executeTakeFirst();
  if (!r) return null;
  const body = json(r.body);
  return { summary: String(body.summary ?? ""), outcomes: typeof body.outcomes === "string" ? body.outcomes : null, submittedAt: r.submitted_at };
}

export async function writeFinalReport(
  trx: Kysely<Database>,
  input: { placementId: string; side: SurveyAudience; userId: string; summary: string; outcomes: string | null; now: Date },
): Promise<void> {
  const body = JSON.stringify({ summary: input.summary, outcomes: input.outcomes });
  await trx
    .insertInto("reports")
    .values({
      id: crypto.randomUUID(),
      placement_id: input.placementId,
      author_side: input.side,
      kind: "final",
      body,
      submitted_at: input.now,
      author_user_id: input.userId,
    })
    .onConflict((oc) => oc.columns(["placement_id", "author_side", "kind"]).doUpdateSet({ body, submitted_at: input.now, author_user_id: input.userId }))
    .execute();
}

/** The Zod schema of one audience's survey: each question one of its answer codes (required), and an optional comment. */
export function surveySchema(audience: SurveyAudience) {
  const shape: Record<string, z.ZodType> = { comment: optionalText(SURVEY_COMMENT_MAX) };
  for (const q of SURVEY_QUESTIONS[audience]) shape[q.code] = z.enum(q.answers as [string, ...string[]], { error: "errors.chooseOne" });
  return z.object(shape);
}

/** The round's evaluation survey for an audience, created on first use (open until the operator sets a closing time). */
export async function evaluationSurvey(trx: Kysely<Database>, roundId: string, audience: SurveyAudience): Promise<{ id: string; closesAt: Date | null }> {
  const found = await trx
    .selectFrom("surveys")
    .select(["id", "closes_at"])
    .where("round_id", "=", roundId)
    .where("audience", "=", audience)
    .where("kind", "=", "evaluation")
    .executeTakeFirst();
  if (found) return { id: found.id, closesAt: found.closes_at };
  const id = crypto.randomUUID();
  await trx
    .insertInto("surveys")
    .values({ id, round_id: roundId, audience, kind: "evaluation", questions: JSON.stringify(SURVEY_QUESTIONS[audience].map((q) => q.code)) })
    .onConflict((oc) => oc.columns(["round_id", "audience", "kind"]).doNothing())
    .execute();
  const again = await trx
    .selectFrom("surveys")
    .select(["id", "closes_at"])
    .where("round_id", "=", roundId)
    .where("audience", "=", audience)
    .where("kind", "=", "evaluation")
    .executeTakeFirstOrThrow();
  return { id: again.id, closesAt: again.closes_at };
}

export async function readSurveyResponse(
  db: Kysely<Database>,
  placement: { id: string; roundId: string },
  audience: SurveyAudience,
): Promise<SurveyAnswers | null> {
  const r = await db
    .selectFrom("survey_responses")
    .innerJoin("surveys", "surveys.id", "survey_responses.survey_id")
    .select("survey_responses.answers")
    .where("surveys.round_id", "=", placement.roundId)
    .where("surveys.audience", "=", audience)
    .where("surveys.kind", "=", "evaluation")
    .where("survey_responses.placement_id", "=", placement.id)
    .executeTakeFirst();
  if (!r) return null;
  const a = json(r.answers);
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, typeof v === "string" ? v : null]));
}

/** Stores (or replaces, while the survey is open) one placement's response; false when the survey has closed. */
export async function writeSurveyResponse(
  trx: Kysely<Database>,
  input: { roundId: string; placementId: string; audience: SurveyAudience; userId: string; answers: SurveyAnswers; now: Date },
): Promise<{ closed: Date | null }> {
  const survey = await evaluationSurvey(trx, input.roundId, input.audience);
  if (survey.closesAt && survey.closesAt.getTime() <= input.now.getTime()) return { closed: survey.closesAt };
  const answers = JSON.stringify(input.answers);
  await trx
    .insertInto("survey_responses")
    .values({
      id: crypto.randomUUID(),
      survey_id: survey.id,
      placement_id: input.placementId,
      respondent_user_id: input.userId,
      answers,
      submitted_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.columns(["survey_id", "placement_id"]).doUpdateSet({ answers, respondent_user_id: input.userId, updated_at: input.now }))
    .execute();
  return { closed: null };
}
