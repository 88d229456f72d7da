import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { loadRubric, ownAssignment, refuseForeignAssignment, screeningDeadline } from "./screening-record.ts";

/** Documents a reviewer is shown: what is needed to score; never the passport (photo, name, nationality). */
const SCORED_DOCUMENT_KINDS = [
  "graduation_certificate",
  "university_recommendation",
  "employer_recommendation",
  "jlpt_certificate",
  "english_certificate",
  "other",
];

/**
 * One assigned application, blind: the answers and documents needed to score
 * it, without the applicant's name, contact details, date of birth,
 * nationality or any uploaded file's original name; with the rubric and the
 * reviewer's own saved scores (never another reviewer's). Only the reviewer
 * it is assigned to may open it: another reviewer is forbidden (403), an
 * assignment that does not exist is not found, and the attempt is audited.
 */
export async function getReviewForScoring(ctx: ServiceContext, actor: Actor | null, assignmentId: string) {
  const who = authorize(actor, "review.score");
  const a = await ownAssignment(ctx.db, assignmentId, who.userId);
  if (!a) {
    return refuseForeignAssignment(ctx.db, who, assignmentId);
  }
  const [app, education, employment, languages, documents, scores, rubric, deadline] = await Promise.all([
    ctx.db
      .selectFrom("applications")
      .select(["motivation_learn", "motivation_use", "preferred_fields", "english_self_level", "submitted_at"])
      .where("id", "=", a.application_id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom("application_education")
      .select(["university", "degree", "field", "graduation_year", "currently_enrolled"])
      .where("application_id", "=", a.application_id)
      .orderBy("graduation_year")
      .execute(),
    ctx.db
      .selectFrom("application_employment")
      .select(["employer", "job_title"])
      .where("application_id", "=", a.application_id)
      .orderBy("started_on")
      .execute(),
    ctx.db
      .selectFrom("application_languages")
      .select(["kind", "jlpt_level", "english_test", "score"])
      .where("application_id", "=", a.application_id)
      .orderBy("kind")
      .execute(),
    ctx.db
      .selectFrom("application_documents")
      .select(["id", "kind", "content_type"])
      .where("application_id", "=", a.application_id)
      .where("kind", "in", SCORED_DOCUMENT_KINDS)
      // Only documents nothing is known against (ADR 0028: never one being checked or found infected).
      .where("scan_status", "in", ["clean", "not_scanned"])
      .orderBy("uploaded_at")
      .execute(),
    ctx.db.selectFrom("review_scores").select(["criterion", "score", "comment"]).where("assignment_id", "=", a.id).execute(),
    loadRubric(ctx.db, a.round_id),
    screeningDeadline(ctx.db, a.round_id),
  ]);
  return {
    assignmentId: a.id,
    receiptNumber: a.receipt_number,
    state: a.completed_at ? ("submitted" as const) : a.draft_saved_at ? ("draft" as const) : ("todo" as const),
    deadline,
    answers: {
      motivationLearn: app.motivation_learn,
      motivationUse: app.motivation_use,
      preferredFields: app.preferred_fields,
      englishSelfLevel: app.english_self_level,
      education: education.map((e) => ({
        university: e.university,
        degree: e.degree,
        field: e.field,
        graduationYear: e.graduation_year,
        enrolled: e.currently_enrolled,
      })),
      employment: employment.map((e) => ({ employer: e.employer, jobTitle: e.job_title })),
      languages: languages.map((l) => ({
        kind: l.kind,
        jlptLevel: l.jlpt_level,
        englishTest: l.english_test,
        score: l.score === null ? null : Number(l.score),
      })),
    },
    documents: documents.map((d) => ({ id: d.id, kind: d.kind })),
    rubric,
    scores: Object.fromEntries(scores.map((s) => [s.criterion, { score: Number(s.score), comment: s.comment ?? "" }])),
    recommendation: a.recommendation,
    overallComment: a.overall_comment ?? "",
  };
}
