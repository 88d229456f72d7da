/** Document screening (issue 13) on PGlite and PostgreSQL: reviewers, assignment, blind scoring, conflicts, ranking, closing. */
import { beforeAll, describe, expect, it } from "vitest";
import { RECOMMENDATIONS } from "#src/domain/screening/recommendation.ts";
import { getApplicationDocument } from "#src/services/applications/get-application-document.ts";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { closeScreening } from "#src/services/screening/close-screening.ts";
import { computeScreeningRanking } from "#src/services/screening/compute-screening-ranking.ts";
import { declareReviewConflict } from "#src/services/screening/declare-review-conflict.ts";
import { getReviewForScoring } from "#src/services/screening/get-review-for-scoring.ts";
import { getScreeningBoard } from "#src/services/screening/get-screening-board.ts";
import { getScreeningRanking } from "#src/services/screening/get-screening-ranking.ts";
import { inviteReviewerToRound } from "#src/services/screening/invite-reviewer-to-round.ts";
import { listMyReviewAssignments } from "#src/services/screening/list-my-review-assignments.ts";
import { runReviewAssignment } from "#src/services/screening/run-review-assignment.ts";
import { saveMyReviewerProfile } from "#src/services/screening/save-my-reviewer-profile.ts";
import { saveReviewScores } from "#src/services/screening/save-review-scores.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertScreeningRound, insertSubmittedApplication } from "../support/phase-inputs/screening-round.ts";

const APPLICANTS = [
  { family: "Nguyen", given: "Lanthi", university: "Hanoi University of Science and Technology" },
  { family: "Tran", given: "Minhvan", university: "Vietnam National University" },
  { family: "Putri", given: "Ayulestari", university: "Universitas Indonesia" },
  { family: "Sharma", given: "Priyadevi", university: "University of Delhi" },
];

async function screeningRound(env: TestEnv, operatorId: string): Promise<{ roundId: string; appIds: string[]; documentId: string }> {
  const roundId = await insertScreeningRound(env.db, {
    operatorId,
    name: { ja: "審査テスト", en: "Screening test" },
    deadlines: [{ kind: "screening_end", dueAt: new Date("2027-07-15T08:00:00Z") }],
  });
  const appIds: string[] = [];
  let documentId = "";
  for (const [i, a] of APPLICANTS.entries()) {
    const applicant = await createUser(env, "applicant", { locale: "vi" });
    const id = await insertSubmittedApplication(env.db, {
      roundId,
      applicant,
      receiptNumber: `JIP27-T${roundId.slice(0, 4)}${i}`,
      familyName: a.family,
      givenName: a.given,
      motivation: `Kaizen and quality management ${i}.`,
      university: a.university,
    });
    appIds.push(id);
    if (i === 0) {
      documentId = crypto.randomUUID();
      const storageKey = `${crypto.randomUUID()}.pdf`;
      await env.ctx.files.put(storageKey, new TextEncoder().encode("%PDF-1.4 test"));
      await env.db
        .insertInto("application_documents")
        .values({
          id: documentId,
          application_id: id,
          kind: "graduation_certificate",
          storage_key: storageKey,
          original_name: "Nguyen_Lan_diploma.pdf",
          content_type: "application/pdf",
          size_bytes: 13,
          sha256: "0".repeat(64),
        })
        .execute();
    }
  }
  return { roundId, appIds, documentId };
}

describe.each(DATABASE_KINDS)("screening on %s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let reviewers: Actor[];
  let round: { roundId: string; appIds: string[]; documentId: string };

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push(actorFor(await createUser(env, "reviewer", { name: `Reviewer ${i}` })));
    round = await screeningRound(env, operator.userId);
  });

  it("an operator invites reviewers to the round: an existing reviewer joins, a new address gets the staff invitation", async () => {
    for (const r of reviewers)
      expect(await inviteReviewerToRound(env.ctx, operator, round.roundId, { email: r.email.toUpperCase() })).toEqual({ invited: "existing" });
    expect(await inviteReviewerToRound(env.ctx, operator, round.roundId, { email: "new-reviewer@test.jip.example" })).toEqual({ invited: "invitation" });
    const inv = await env.db.selectFrom("staff_invitations").select("role").where("email", "=", "new-reviewer@test.jip.example").executeTakeFirstOrThrow();
    expect(inv.role).toBe("reviewer");
    expect((await refusalOf(inviteReviewerToRound(env.ctx, operator, round.roundId, { email: reviewers[0]!.email }))).refusals).toEqual([
      { code: "alreadyInvited" },
    ]);
    expect((await refusalOf(inviteReviewerToRound(env.ctx, operator, round.roundId, { email: operator.email }))).refusals).toEqual([{ code: "notReviewer" }]);
    expect(await caught(inviteReviewerToRound(env.ctx, reviewers[0]!, round.roundId, { email: "x@test.jip.example" }))).toBeInstanceOf(ForbiddenError);
  });

  it("a reviewer keeps a profile; bad input is refused field by field", async () => {
    const bad = await validationErrorOf(saveMyReviewerProfile(env.ctx, reviewers[0]!, { languages: ["xx"], capacity: "-1" }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["capacity", "languages"]);
    await saveMyReviewerProfile(env.ctx, reviewers[0]!, { languages: ["en", "vi"], fields: "engineering, economics", capacity: "4", affiliations: "" });
    await saveMyReviewerProfile(env.ctx, reviewers[1]!, { languages: ["en"], fields: "engineering", capacity: "4", affiliations: "" });
    // Reviewer 2 studied at the first applicant's university, written another way: a conflict by affiliation.
    await saveMyReviewerProfile(env.ctx, reviewers[2]!, {
      languages: ["ja", "en"],
      fields: "",
      capacity: "4",
      affiliations: "HANOI UNIV. OF SCIENCE & TECHNOLOGY",
    });
    const audit = await env.db.selectFrom("audit_log").select("action").where("actor_user_id", "=", reviewers[2]!.userId).execute();
    expect(audit.map((a) => a.action)).toContain("screening.reviewer_profile");
  });

  it("the preview writes nothing; the commit gives each application 2 reviewers, none in conflict, within capacity, and moves it to under_review", async () => {
    const preview = await runReviewAssignment(env.ctx, operator, round.roundId, { reads: "2", commit: "preview" });
    expect(preview).toMatchObject({ committed: false, applications: 4, reviewers: 3, added: 8 });
    expect(await env.db.selectFrom("review_assignments").select("id").where("application_id", "in", round.appIds).execute()).toHaveLength(0);

    const done = await runReviewAssignment(env.ctx, operator, round.roundId, { reads: "2", commit: "commit" });
    expect(done).toMatchObject({ committed: true, added: 8, movedToReview: 4 });
    const pairs = await env.db
      .selectFrom("review_assignments")
      .select(["application_id", "reviewer_user_id"])
      .where("application_id", "in", round.appIds)
      .execute();
    expect(pairs).toHaveLength(8);
    for (const id of round.appIds) expect(new Set(pairs.filter((p) => p.application_id === id).map((p) => p.reviewer_user_id)).size).toBe(2);
    expect(pairs.some((p) => p.application_id === round.appIds[0] && p.reviewer_user_id === reviewers[2]!.userId)).toBe(false);
    for (const r of reviewers) expect(pairs.filter((p) => p.reviewer_user_id === r.userId).length).toBeLessThanOrEqual(4);
    const statuses = await env.db.selectFrom("applications").select("status").where("id", "in", round.appIds).execute();
    expect(statuses.every((s) => s.status === "under_review")).toBe(true);
    const history = await env.db.selectFrom("application_status_history").selectAll().where("application_id", "in", round.appIds).execute();
    expect(history.map((h) => `${h.from_status}>${h.to_status}`)).toEqual(Array(4).fill("submitted>under_review"));

    // a second run keeps everything and adds nothing
    expect(await runReviewAssignment(env.ctx, operator, round.roundId, { reads: "2", commit: "commit" })).toMatchObject({ kept: 8, added: 0 });
    const board = await getScreeningBoard(env.ctx, operator, round.roundId);
    expect(board.applications).toMatchObject({ eligible: 4, fullyAssigned: 4, fullyScored: 0 });
  });

  it("an infeasible assignment is refused with the capacity missing, and nothing is written", async () => {
    const err = await refusalOf(runReviewAssignment(env.ctx, operator, round.roundId, { reads: "4", commit: "commit" }));
    expect(err.refusals[0]).toMatchObject({ code: "infeasible" });
    expect(await env.db.selectFrom("review_assignments").select("id").where("application_id", "in", round.appIds).execute()).toHaveLength(8);
  });

  it("a reviewer sees only their assignments, blind; another reviewer's assignment and its documents are forbidden (403, audited)", async () => {
    const home = await listMyReviewAssignments(env.ctx, reviewers[0]!);
    const mine = home.find((r) => r.id === round.roundId)!;
    expect(mine.total).toBeGreaterThan(0);
    const view = await getReviewForScoring(env.ctx, reviewers[0]!, mine.assignments[0]!.id);
    const text = JSON.stringify(view);
    for (const a of APPLICANTS) {
      expect(text).not.toContain(a.family);
      expect(text).not.toContain(a.given);
    }
    expect(text).not.toContain("1998-04-12");
    expect(text).not.toContain("@test.jip.example");
    expect(text).not.toContain("Nguyen_Lan_diploma");

    const others = await env.db
      .selectFrom("review_assignments")
      .select(["id", "application_id"])
      .where("application_id", "in", round.appIds)
      .where("reviewer_user_id", "<>", reviewers[0]!.userId)
      .execute();
    const foreign = others.find((o) => !mine.assignments.some((m) => m.id === o.id))!;
    expect(await caught(getReviewForScoring(env.ctx, reviewers[0]!, foreign.id))).toBeInstanceOf(ForbiddenError);
    expect(await caught(saveReviewScores(env.ctx, reviewers[0]!, foreign.id, { intent: "draft", score: { motivation: "3" } }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(declareReviewConflict(env.ctx, reviewers[0]!, foreign.id, { reason: "Not mine to declare." }))).toBeInstanceOf(ForbiddenError);
    expect(await caught(getReviewForScoring(env.ctx, reviewers[0]!, crypto.randomUUID()))).toBeInstanceOf(NotFoundError);
    // the wrong reviewer's declaration released nothing
    expect(await env.db.selectFrom("review_assignments").select("id").where("id", "=", foreign.id).executeTakeFirst()).toEqual({ id: foreign.id });
    const denied = await env.db
      .selectFrom("audit_log")
      .select("action")
      .where("actor_user_id", "=", reviewers[0]!.userId)
      .where("action", "=", "screening.denied")
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);

    // the document of the first application: its assigned reviewers only, under a neutral name
    const firstAssigned = await env.db.selectFrom("review_assignments").select("reviewer_user_id").where("application_id", "=", round.appIds[0]!).execute();
    for (const r of reviewers) {
      const assigned = firstAssigned.some((x) => x.reviewer_user_id === r.userId);
      if (assigned) expect(await getApplicationDocument(env.ctx, r, round.documentId)).toMatchObject({ fileName: "graduation_certificate.pdf" });
      else expect(await caught(getApplicationDocument(env.ctx, r, round.documentId))).toBeInstanceOf(ForbiddenError);
    }
  });

  it("scores: a draft may be partial; out of scale and unknown criteria are refused; submitting twice keeps one record", async () => {
    const mine = (await listMyReviewAssignments(env.ctx, reviewers[1]!)).find((r) => r.id === round.roundId)!;
    const id = mine.assignments[0]!.id;
    expect(await saveReviewScores(env.ctx, reviewers[1]!, id, { intent: "draft", score: { motivation: "4" }, comment: { motivation: "clear" } })).toEqual({
      state: "draft",
    });
    const outOfScale = await validationErrorOf(saveReviewScores(env.ctx, reviewers[1]!, id, { intent: "draft", score: { motivation: "9" } }));
    expect(outOfScale.fieldErrors["score.motivation"]).toEqual([{ key: "screening.errors.outOfScale", params: { min: 1, max: 5 } }]);
    const unknown = await validationErrorOf(saveReviewScores(env.ctx, reviewers[1]!, id, { intent: "draft", score: { charm: "3" } }));
    expect(unknown.formErrors).toEqual([{ key: "screening.errors.unknownCriterion" }]);
    const incomplete = await validationErrorOf(saveReviewScores(env.ctx, reviewers[1]!, id, { intent: "submit", score: { motivation: "4" } }));
    expect(Object.keys(incomplete.fieldErrors).sort()).toEqual(["recommendation", "score.background", "score.bridge", "score.language"]);
    const full = { intent: "submit", score: { motivation: "4", background: "3", language: "5", bridge: "2" }, recommendation: "recommend" };
    expect(await saveReviewScores(env.ctx, reviewers[1]!, id, full)).toEqual({ state: "submitted" });
    expect(await saveReviewScores(env.ctx, reviewers[1]!, id, full)).toEqual({ state: "submitted" });
    expect(await env.db.selectFrom("review_scores").select("criterion").where("assignment_id", "=", id).execute()).toHaveLength(4);
    // once submitted, a partial save is refused rather than leaving an incomplete submitted record
    await validationErrorOf(saveReviewScores(env.ctx, reviewers[1]!, id, { intent: "draft", score: { motivation: "4" } }));
  });

  it("a reviewer declares a conflict: the assignment is released, recorded and given to another reviewer", async () => {
    const mine = (await listMyReviewAssignments(env.ctx, reviewers[0]!)).find((r) => r.id === round.roundId)!;
    const target = mine.assignments.find((a) => a.state === "todo")!;
    const row = await env.db.selectFrom("review_assignments").select("application_id").where("id", "=", target.id).executeTakeFirstOrThrow();
    await validationErrorOf(declareReviewConflict(env.ctx, reviewers[0]!, target.id, { reason: "" }));
    const out = await declareReviewConflict(env.ctx, reviewers[0]!, target.id, { reason: "I supervised this applicant's thesis." });
    const now = await env.db.selectFrom("review_assignments").select("reviewer_user_id").where("application_id", "=", row.application_id).execute();
    expect(now.some((r) => r.reviewer_user_id === reviewers[0]!.userId)).toBe(false);
    expect(out.reassigned).toBe(now.length === 2);
    const coi = await env.db.selectFrom("conflicts_of_interest").selectAll().where("application_id", "=", row.application_id).execute();
    expect(coi).toMatchObject([{ reviewer_user_id: reviewers[0]!.userId, reason: "I supervised this applicant's thesis." }]);
    expect(await caught(getReviewForScoring(env.ctx, reviewers[0]!, target.id))).toBeInstanceOf(NotFoundError);
  });

  it("ranking normalizes the submitted reads and stores a rank; closing sends the top N to interview with status history", async () => {
    expect((await refusalOf(closeScreening(env.ctx, operator, round.roundId, { interviewCount: "1" }))).refusals).toEqual([{ code: "noRanking" }]);
    const all = await env.db
      .selectFrom("review_assignments")
      .select(["id", "reviewer_user_id", "application_id"])
      .where("application_id", "in", round.appIds)
      .where("completed_at", "is", null)
      .execute();
    for (const a of all) {
      const r = reviewers.find((x) => x.userId === a.reviewer_user_id)!;
      const base = round.appIds.indexOf(a.application_id) + 1; // application quality 1..4
      const s = String(Math.min(5, base + (r === reviewers[0] ? 1 : 0)));
      await saveReviewScores(env.ctx, r, a.id, {
        intent: "submit",
        score: { motivation: s, background: s, language: s, bridge: s },
        recommendation: "neutral",
      });
    }
    expect(await computeScreeningRanking(env.ctx, operator, round.roundId)).toMatchObject({ ranked: 4, flagged: 0 });
    const ranking = await getScreeningRanking(env.ctx, operator, round.roundId);
    expect(ranking.ranks.map((r) => r.position)).toEqual([1, 2, 3, 4]);
    expect(ranking.reviewers.length).toBe(3);
    expect(ranking.reviewers.reduce((s, r) => s + r.severity, 0)).toBeCloseTo(0, 6);
    expect(await caught(getScreeningRanking(env.ctx, reviewers[0]!, round.roundId))).toBeInstanceOf(ForbiddenError);

    expect((await refusalOf(closeScreening(env.ctx, operator, round.roundId, { interviewCount: "9" }))).refusals).toEqual([{ code: "tooMany", ranked: 4 }]);
    expect(await closeScreening(env.ctx, operator, round.roundId, { interviewCount: "2" })).toEqual({ toInterview: 2, remaining: 2 });
    const top = ranking.ranks.slice(0, 2).map((r) => r.applicationId);
    const rows = await env.db.selectFrom("applications").select(["id", "status"]).where("id", "in", round.appIds).execute();
    for (const r of rows) expect(r.status).toBe(top.includes(r.id) ? "interview" : "under_review");
    const history = await env.db
      .selectFrom("application_status_history")
      .select("application_id")
      .where("to_status", "=", "interview")
      .where("application_id", "in", round.appIds)
      .execute();
    expect(history.map((h) => h.application_id).sort()).toEqual([...top].sort());
    // Selection (issue 14) reads each one's document score on 0–100, in the ranking's order.
    const docScores = await env.db.selectFrom("selection_document_scores").select(["application_id", "score"]).where("round_id", "=", round.roundId).execute();
    expect(docScores.map((d) => d.application_id).sort()).toEqual([...top].sort());
    const byId = new Map(docScores.map((d) => [d.application_id, Number(d.score)]));
    for (const id of top) expect(byId.get(id)).toBeGreaterThanOrEqual(0);
    expect(byId.get(top[0]!)).toBeGreaterThanOrEqual(byId.get(top[1]!)!);
    expect(byId.get(top[0]!)).toBeLessThanOrEqual(100);
    const owner = reviewers.find((x) => x.userId === all[0]!.reviewer_user_id)!;
    expect((await refusalOf(saveReviewScores(env.ctx, owner, all[0]!.id, { intent: "draft" }))).refusals[0]).toMatchObject({ code: "closed" });
  });

  it("the database allows exactly the recommendations src/domain declares", async () => {
    const row = await env.db.selectFrom("review_assignments").select("id").where("application_id", "in", round.appIds).executeTakeFirstOrThrow();
    for (const r of RECOMMENDATIONS) await env.db.updateTable("review_assignments").set({ recommendation: r }).where("id", "=", row.id).execute();
    await expect(env.db.updateTable("review_assignments").set({ recommendation: "maybe" }).where("id", "=", row.id).execute()).rejects.toThrow();
  });
});
