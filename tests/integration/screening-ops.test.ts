/**
 * Screening operations (issue 13, second part) on PGlite and PostgreSQL:
 * the screening → selection gate on `k` submitted reads (with the operator's
 * override), the extra read for applications whose reads disagree, and the
 * operator's manual reassignment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { computeScreeningRanking } from "#src/services/screening/compute-screening-ranking.ts";
import { csvText } from "#src/services/csv.ts";
import { ForbiddenError, NotFoundError } from "#src/services/errors.ts";
import { deleteAffiliationAlias } from "#src/services/screening/delete-affiliation-alias.ts";
import { excludeReviewer } from "#src/services/screening/exclude-reviewer.ts";
import { getScreeningApplication } from "#src/services/screening/get-screening-application.ts";
import { listAffiliationAliases } from "#src/services/screening/list-affiliation-aliases.ts";
import { exportScreeningApplicationsCsv, listScreeningApplications, screeningFilterFrom } from "#src/services/screening/list-screening-applications.ts";
import { reassignReview } from "#src/services/screening/reassign-review.ts";
import { saveAffiliationAlias } from "#src/services/screening/save-affiliation-alias.ts";
import { getRoundRubric } from "#src/services/screening/get-round-rubric.ts";
import { saveRoundRubric } from "#src/services/screening/save-round-rubric.ts";
import { sendScreeningReminders } from "#src/services/screening/send-screening-reminders.ts";
import { SCREENING_REMINDER_DAYS, sendDueScreeningReminders } from "#src/jobs/screening-reminders.ts";
import { getScreeningRanking } from "#src/services/screening/get-screening-ranking.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { inviteReviewerToRound } from "#src/services/screening/invite-reviewer-to-round.ts";
import { runReviewAssignment } from "#src/services/screening/run-review-assignment.ts";
import { saveMyReviewerProfile } from "#src/services/screening/save-my-reviewer-profile.ts";
import { saveReviewScores } from "#src/services/screening/save-review-scores.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertScreeningRound, insertSubmittedApplication } from "../support/phase-inputs/screening-round.ts";

const UNIVERSITIES = ["Hanoi University of Science and Technology", "Vietnam National University", "Universitas Indonesia", "University of Delhi"];

/** A round in screening with `count` eligible submitted applications and selection_announce set. */
async function screeningRound(env: TestEnv, operatorId: string, count = 4): Promise<{ roundId: string; appIds: string[] }> {
  const roundId = await insertScreeningRound(env.db, {
    operatorId,
    name: { ja: "審査運用", en: "Screening ops" },
    deadlines: [
      { kind: "screening_end", dueAt: new Date("2099-07-15T08:00:00Z") },
      { kind: "selection_announce", dueAt: new Date("2099-08-31T08:00:00Z") },
    ],
  });
  const appIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const applicant = await createUser(env, "applicant", { locale: "vi" });
    appIds.push(
      await insertSubmittedApplication(env.db, {
        roundId,
        applicant,
        receiptNumber: `JIP27-O${roundId.slice(0, 4)}${i}`,
        familyName: `Family${i}`,
        givenName: `Given${i}`,
        motivation: `Quality management ${i}.`,
        university: UNIVERSITIES[i % UNIVERSITIES.length]!,
      }),
    );
  }
  return { roundId, appIds };
}

/** `count` reviewers invited to the round, each with a saved profile of the given capacity. */
async function roundReviewers(env: TestEnv, operator: Actor, roundId: string, count: number, capacity = 10): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const r = actorFor(await createUser(env, "reviewer", { name: `Ops reviewer ${i}` }));
    await inviteReviewerToRound(env.ctx, operator, roundId, { email: r.email });
    await saveMyReviewerProfile(env.ctx, r, { languages: ["en"], fields: "engineering", capacity: String(capacity), affiliations: "" });
    out.push(r);
  }
  return out;
}

/** Submits every open read of the round, each criterion at `scoreOf(application, reviewer)`. */
async function submitAll(env: TestEnv, reviewers: Actor[], appIds: string[], scoreOf: (app: string, reviewer: string) => number = () => 3) {
  const open = await env.db
    .selectFrom("review_assignments")
    .select(["id", "application_id", "reviewer_user_id"])
    .where("application_id", "in", appIds)
    .where("completed_at", "is", null)
    .execute();
  for (const a of open) {
    const r = reviewers.find((x) => x.userId === a.reviewer_user_id)!;
    const s = String(scoreOf(a.application_id, a.reviewer_user_id));
    await saveReviewScores(env.ctx, r, a.id, { intent: "submit", score: { motivation: s, background: s, language: s, bridge: s }, recommendation: "neutral" });
  }
}

describe.each(DATABASE_KINDS)("screening operations on %s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
  });

  describe("the screening → selection gate", () => {
    it("is refused while an eligible application has fewer than k submitted reads; an override with a reason moves on and is audited", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId);
      const reviewers = await roundReviewers(env, operator, roundId, 3);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      // one application fully read: three still short
      const first = await env.db.selectFrom("review_assignments").select("reviewer_user_id").where("application_id", "=", appIds[0]!).execute();
      expect(first).toHaveLength(2);
      await submitAll(env, reviewers, [appIds[0]!]);
      expect((await refusalOf(transitionRoundPhase(env.ctx, operator, { roundId, to: "selection" }))).refusals).toEqual([
        { code: "screening_reads_missing", applications: 3, reads: 2 },
      ]);
      expect((await refusalOf(transitionRoundPhase(env.ctx, operator, { roundId, to: "selection", overrideReason: "   " }))).refusals).toHaveLength(1);
      expect(await transitionRoundPhase(env.ctx, operator, { roundId, to: "selection", overrideReason: "Committee agreed to go on with one read." })).toEqual({
        from: "screening",
        to: "selection",
      });
      const audit = await env.db
        .selectFrom("audit_log")
        .select("after")
        .where("entity_id", "=", roundId)
        .where("action", "=", "round.transition")
        .executeTakeFirstOrThrow();
      const after = (typeof audit.after === "string" ? JSON.parse(audit.after) : audit.after) as Record<string, unknown>;
      expect(after).toEqual({
        phase: "selection",
        override: { reason: "Committee agreed to go on with one read.", waived: [{ code: "screening_reads_missing", applications: 3, reads: 2 }] },
      });
    });

    it("lets the round move on without an override once every eligible application has k submitted reads", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId);
      const reviewers = await roundReviewers(env, operator, roundId, 3);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      await submitAll(env, reviewers, appIds);
      expect(await transitionRoundPhase(env.ctx, operator, { roundId, to: "selection" })).toEqual({ from: "screening", to: "selection" });
      const audit = await env.db
        .selectFrom("audit_log")
        .select("after")
        .where("entity_id", "=", roundId)
        .where("action", "=", "round.transition")
        .executeTakeFirstOrThrow();
      const after = (typeof audit.after === "string" ? JSON.parse(audit.after) : audit.after) as Record<string, unknown>;
      expect(after).toEqual({ phase: "selection" });
    });
  });

  describe("the extra read for reads that disagree", () => {
    it("gives a flagged application one more reviewer at once, once; later runs keep it", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId);
      const reviewers = await roundReviewers(env, operator, roundId, 4);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      const firstPair = await env.db
        .selectFrom("review_assignments")
        .select("reviewer_user_id")
        .where("application_id", "=", appIds[0]!)
        .orderBy("reviewer_user_id")
        .execute();
      // the first application: one reviewer gives 1, the other 5; every other read is 3
      await submitAll(env, reviewers, appIds, (app, reviewer) => (app !== appIds[0] ? 3 : reviewer === firstPair[0]!.reviewer_user_id ? 1 : 5));
      const out = await computeScreeningRanking(env.ctx, operator, roundId);
      expect(out.ranked).toBe(4);
      const flagged = await env.db.selectFrom("screening_ranks").select("application_id").where("round_id", "=", roundId).where("flagged", "=", true).execute();
      expect(flagged.map((f) => f.application_id)).toContain(appIds[0]);
      expect(out).toMatchObject({ flagged: flagged.length, extraReadsAssigned: flagged.length, extraReadsWaiting: 0 });
      const reads = async (id: string) => (await env.db.selectFrom("review_assignments").select("id").where("application_id", "=", id).execute()).length;
      for (const f of flagged) expect(await reads(f.application_id)).toBe(3);
      for (const id of appIds.filter((a) => !flagged.some((f) => f.application_id === a))) expect(await reads(id)).toBe(2);
      const marks = await env.db.selectFrom("screening_extra_reads").select(["application_id", "spread"]).where("round_id", "=", roundId).execute();
      expect(marks.map((m) => m.application_id).sort()).toEqual(flagged.map((f) => f.application_id).sort());
      expect(Number(marks.find((m) => m.application_id === appIds[0])!.spread)).toBeGreaterThan(1.5);
      // the chart of each reviewer's scores: server-rendered SVG with an accessible name and the numbers in its description
      const { chart } = await getScreeningRanking(env.ctx, operator, roundId, {
        title: "Each reviewer's scores",
        describe: (name, count, mean) => `${name}: ${count} reads, mean ${mean}.`,
        scoreAxis: "Score",
        readsLegend: "A read",
        meanLegend: "Mean",
      });
      expect(chart).toMatch(/^<svg[^>]* role="img" aria-labelledby="reviewer-scores-title reviewer-scores-desc">/);
      expect(chart).toContain('<title id="reviewer-scores-title">Each reviewer&#39;s scores</title>'.replace("&#39;", "'"));
      expect(chart).toContain("Ops reviewer 0: ");
      expect((await getScreeningRanking(env.ctx, operator, roundId)).chart).toBeNull();

      // the operator's next run keeps the third read; recomputing does not add a fourth
      expect(await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" })).toMatchObject({ added: 0, released: 0 });
      await submitAll(env, reviewers, appIds, (app, reviewer) => (app !== appIds[0] ? 3 : reviewer === firstPair[0]!.reviewer_user_id ? 1 : 5));
      expect(await computeScreeningRanking(env.ctx, operator, roundId)).toMatchObject({ extraReadsAssigned: 0, extraReadsWaiting: 0 });
      expect(await reads(appIds[0]!)).toBe(3);
      const audit = await env.db.selectFrom("audit_log").select("after").where("entity_id", "=", roundId).where("action", "=", "screening.rank").execute();
      expect(audit).toHaveLength(2);
    });

    it("waits for the operator's next run when no reviewer is free", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId, 2);
      const reviewers = await roundReviewers(env, operator, roundId, 2);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      await submitAll(env, reviewers, appIds, (app, reviewer) => (app === appIds[0] && reviewer === reviewers[0]!.userId ? 1 : 5));
      const out = await computeScreeningRanking(env.ctx, operator, roundId);
      expect(out.extraReadsAssigned).toBe(0);
      expect(out.extraReadsWaiting).toBeGreaterThanOrEqual(1);
      // the operator's run now needs a third reviewer: refused with the capacity missing
      const refused = await refusalOf(runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" }));
      expect(refused.refusals[0]).toMatchObject({ code: "infeasible" });
      const [third] = await roundReviewers(env, operator, roundId, 1);
      expect(third).toBeDefined();
      expect((await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" })).added).toBe(out.extraReadsWaiting);
    });
  });

  describe("manual reassignment", () => {
    it("moves an open read to a free reviewer with a reason, refuses the wrong ones, and audits it", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId);
      const reviewers = await roundReviewers(env, operator, roundId, 4, 3);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      const detail = await getScreeningApplication(env.ctx, operator, roundId, appIds[0]!);
      expect(detail.assignments).toHaveLength(2);
      expect(detail.candidates.map((c) => c.id).sort()).toEqual(
        reviewers
          .map((r) => r.userId)
          .filter((id) => !detail.assignments.some((a) => a.reviewerId === id))
          .sort(),
      );
      const read = detail.assignments[0]!;
      const other = detail.assignments[1]!;
      const target = detail.candidates[0]!;
      await saveReviewScores(
        env.ctx,
        reviewers.find((r) => r.userId === read.reviewerId)!,
        read.assignmentId,
        { intent: "draft", score: { motivation: "2" } },
      );

      await validationErrorOf(reassignReview(env.ctx, operator, roundId, { assignment: read.assignmentId, reviewer: target.id, reason: "" }));
      expect(
        (await refusalOf(reassignReview(env.ctx, operator, roundId, { assignment: read.assignmentId, reviewer: other.reviewerId, reason: "x" }))).refusals,
      ).toEqual([{ code: "alreadyReading" }]);
      expect(
        (await refusalOf(reassignReview(env.ctx, operator, roundId, { assignment: read.assignmentId, reviewer: operator.userId, reason: "x" }))).refusals,
      ).toEqual([{ code: "notInRound" }]);
      expect(await caught(reassignReview(env.ctx, reviewers[0]!, roundId, { assignment: read.assignmentId, reviewer: target.id, reason: "x" }))).toBeInstanceOf(
        ForbiddenError,
      );
      expect(await caught(reassignReview(env.ctx, operator, roundId, { assignment: "nope", reviewer: target.id, reason: "x" }))).toBeInstanceOf(NotFoundError);

      expect(await reassignReview(env.ctx, operator, roundId, { assignment: read.assignmentId, reviewer: target.id, reason: "Away for a month." })).toEqual({
        application: appIds[0],
        from: read.reviewerId,
        to: target.id,
      });
      const row = await env.db.selectFrom("review_assignments").selectAll().where("id", "=", read.assignmentId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ reviewer_user_id: target.id, draft_saved_at: null });
      expect(await env.db.selectFrom("review_scores").select("criterion").where("assignment_id", "=", read.assignmentId).execute()).toEqual([]);
      const audit = await env.db
        .selectFrom("audit_log")
        .select(["before", "after"])
        .where("entity_id", "=", appIds[0]!)
        .where("action", "=", "screening.reassign")
        .execute();
      expect(audit).toHaveLength(1);

      // a submitted read stays where it is; a full reviewer takes no more
      const submitter = reviewers.find((r) => r.userId === other.reviewerId)!;
      await saveReviewScores(env.ctx, submitter, other.assignmentId, {
        intent: "submit",
        score: { motivation: "3", background: "3", language: "3", bridge: "3" },
        recommendation: "neutral",
      });
      expect(
        (await refusalOf(reassignReview(env.ctx, operator, roundId, { assignment: other.assignmentId, reviewer: read.reviewerId, reason: "x" }))).refusals,
      ).toEqual([{ code: "submitted" }]);
      await env.db.updateTable("reviewers").set({ max_load: 0 }).where("user_id", "=", read.reviewerId).execute();
      expect(
        (await refusalOf(reassignReview(env.ctx, operator, roundId, { assignment: read.assignmentId, reviewer: read.reviewerId, reason: "x" }))).refusals,
      ).toEqual([{ code: "overCapacity", capacity: 0 }]);
    });
  });

  describe("hand-made exclusions and the alias table", () => {
    it("an exclusion releases the reviewer's read, refills it and keeps the pair out of later runs", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId);
      await roundReviewers(env, operator, roundId, 3);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      const before = await getScreeningApplication(env.ctx, operator, roundId, appIds[1]!);
      const victim = before.assignments[0]!.reviewerId;
      await validationErrorOf(excludeReviewer(env.ctx, operator, roundId, appIds[1]!, { reviewer: victim, reason: " " }));
      expect(await excludeReviewer(env.ctx, operator, roundId, appIds[1]!, { reviewer: victim, reason: "Is the applicant's cousin." })).toEqual({
        released: true,
        reassigned: true,
      });
      const after = await getScreeningApplication(env.ctx, operator, roundId, appIds[1]!);
      expect(after.assignments).toHaveLength(2);
      expect(after.assignments.some((a) => a.reviewerId === victim)).toBe(false);
      expect(after.exclusions).toMatchObject([{ reason: "Is the applicant's cousin.", byOperator: true }]);
      expect(after.excludable.some((r) => r.id === victim)).toBe(false);
      expect((await refusalOf(excludeReviewer(env.ctx, operator, roundId, appIds[1]!, { reviewer: victim, reason: "again" }))).refusals).toEqual([
        { code: "alreadyExcluded" },
      ]);
      expect(await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" })).toMatchObject({ added: 0, released: 0 });
      const audit = await env.db
        .selectFrom("audit_log")
        .select("action")
        .where("entity_id", "=", appIds[1]!)
        .where("action", "=", "screening.exclude")
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("an alias makes a reviewer's affiliation under another name a conflict", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId, 1);
      const [r] = await roundReviewers(env, operator, roundId, 1);
      await saveMyReviewerProfile(env.ctx, r!, { languages: ["en"], fields: "engineering", capacity: "5", affiliations: "HUST" });
      // HUST is not Hanoi University of Science and Technology by normalization alone: the reviewer is a candidate
      const plain = await getScreeningApplication(env.ctx, operator, roundId, appIds[0]!);
      expect(plain.candidates.map((c) => c.id)).toEqual([r!.userId]);
      await validationErrorOf(saveAffiliationAlias(env.ctx, operator, { canonical: "Hanoi University of Science and Technology", aliases: " ; " }));
      expect(await caught(saveAffiliationAlias(env.ctx, r!, { canonical: "x", aliases: "y" }))).toBeInstanceOf(ForbiddenError);
      const { id } = await saveAffiliationAlias(env.ctx, operator, {
        canonical: "Hanoi University of Science and Technology",
        aliases: "HUST\nĐại học Bách khoa Hà Nội\nhust",
      });
      expect((await listAffiliationAliases(env.ctx, operator)).find((a) => a.id === id)).toMatchObject({ aliases: ["HUST", "Đại học Bách khoa Hà Nội"] });
      const aliased = await getScreeningApplication(env.ctx, operator, roundId, appIds[0]!);
      expect(aliased.candidates).toEqual([]);
      expect((await refusalOf(runReviewAssignment(env.ctx, operator, roundId, { reads: "1", commit: "preview" }))).refusals[0]).toMatchObject({
        code: "infeasible",
      });
      await deleteAffiliationAlias(env.ctx, operator, id);
      expect(await runReviewAssignment(env.ctx, operator, roundId, { reads: "1", commit: "preview" })).toMatchObject({ added: 1 });
      const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).orderBy("id").execute();
      expect(audit.map((a) => a.action).sort()).toEqual(["screening.alias", "screening.alias_delete"]);
    });
  });

  describe("the operator's screening list", () => {
    it("filters by state, receipt and reviewer, pages on the server, and exports the same rows as CSV", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId, 5);
      const reviewers = await roundReviewers(env, operator, roundId, 3);
      const all = screeningFilterFrom(new URLSearchParams());
      expect(all).toEqual({ state: "all", receipt: "", reviewer: "" });
      expect(screeningFilterFrom(new URLSearchParams("state=bogus")).state).toBe("all");
      expect((await listScreeningApplications(env.ctx, operator, roundId, { ...all, state: "unassigned" }, { page: 1, size: 50 })).page.total).toBe(5);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      await submitAll(env, reviewers, appIds.slice(0, 2));
      const list = async (f: Partial<typeof all>, size = 50) =>
        (await listScreeningApplications(env.ctx, operator, roundId, { ...all, ...f }, { page: 1, size })).page;
      expect((await list({ state: "unassigned" })).total).toBe(0);
      expect((await list({ state: "unscored" })).items.map((r) => r.id).sort()).toEqual(appIds.slice(2).sort());
      expect((await list({ state: "complete" })).items.map((r) => r.id).sort()).toEqual(appIds.slice(0, 2).sort());
      const paged = await list({}, 2);
      expect(paged).toMatchObject({ total: 5, pages: 3 });
      expect(paged.items).toHaveLength(2);
      const receipt = (await list({})).items[3]!.receiptNumber!;
      expect((await list({ receipt: receipt.toLowerCase() })).items.map((r) => r.receiptNumber)).toEqual([receipt]);
      const mine = await env.db
        .selectFrom("review_assignments")
        .select("application_id")
        .where("reviewer_user_id", "=", reviewers[0]!.userId)
        .where("application_id", "in", appIds)
        .execute();
      expect((await list({ reviewer: reviewers[0]!.userId })).total).toBe(mine.length);
      expect(await caught(listScreeningApplications(env.ctx, reviewers[0]!, roundId, all, { page: 1, size: 5 }))).toBeInstanceOf(ForbiddenError);

      const csv = await exportScreeningApplicationsCsv(env.ctx, operator, roundId, { ...all, state: "complete" });
      expect(csv.rows).toBe(2);
      const text = await csvText(csv.chunks);
      const lines = text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe("receipt_number,status,reads_needed,reads_assigned,reads_submitted,extra_read,flagged,position,raw_mean,normalized_score");
      expect(lines).toHaveLength(3);
      expect(text).not.toContain("Family");
      const audit = await env.db.selectFrom("audit_log").select("after").where("entity_id", "=", roundId).where("action", "=", "screening.export").execute();
      expect(audit).toHaveLength(1);
    });
  });

  describe("rubric editing", () => {
    it("starts from the default, saves the operator's own, refuses bad input, and is locked once scoring starts", async () => {
      const { roundId } = await screeningRound(env, operator.userId, 2);
      const reviewers = await roundReviewers(env, operator, roundId, 2);
      const start = await getRoundRubric(env.ctx, operator, roundId);
      expect(start).toMatchObject({ isDefault: true, locked: null });
      expect(start.rubric.criteria.map((c) => c.id)).toEqual(["motivation", "background", "language", "bridge"]);
      const bad = await validationErrorOf(
        saveRoundRubric(env.ctx, operator, roundId, { scaleMin: "5", scaleMax: "1", scaleStep: "1", c: { "0": { weight: "0", labelJa: "", labelEn: "Fit" } } }),
      );
      expect(Object.keys(bad.fieldErrors).sort()).toEqual(["c.0.labelJa", "c.0.weight", "scaleMax"]);
      expect(await caught(saveRoundRubric(env.ctx, reviewers[0]!, roundId, {}))).toBeInstanceOf(ForbiddenError);
      const own = {
        scaleMin: "1",
        scaleMax: "10",
        scaleStep: "1",
        c: {
          "0": { id: "motivation", weight: "2", labelJa: "志望動機", labelEn: "Motivation", descriptorJa: "", descriptorEn: "" },
          "1": { id: "", weight: "1", labelJa: "協調性", labelEn: "Teamwork", descriptorJa: "", descriptorEn: "Works with others." },
          "2": { id: "", weight: "", labelJa: "", labelEn: "", descriptorJa: "", descriptorEn: "" },
        },
      };
      expect(await saveRoundRubric(env.ctx, operator, roundId, own)).toEqual({ criteria: 2 });
      const saved = await getRoundRubric(env.ctx, operator, roundId);
      expect(saved).toMatchObject({ isDefault: false, locked: null, rubric: { scale: { min: 1, max: 10, step: 1 } } });
      expect(saved.rubric.criteria.map((c) => [c.id, c.weight, c.label.en])).toEqual([
        ["motivation", 2, "Motivation"],
        ["criterion-1", 1, "Teamwork"],
      ]);
      // the first assignment keeps the operator's rubric (the default is only created when there is none)
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      expect((await getRoundRubric(env.ctx, operator, roundId)).rubric.criteria).toHaveLength(2);
      const read = await env.db
        .selectFrom("review_assignments")
        .select(["id", "reviewer_user_id"])
        .where("reviewer_user_id", "=", reviewers[0]!.userId)
        .executeTakeFirstOrThrow();
      await saveReviewScores(env.ctx, reviewers[0]!, read.id, { intent: "draft", score: { "criterion-1": "9" } });
      expect((await getRoundRubric(env.ctx, operator, roundId)).locked).toBe("scoring");
      expect((await refusalOf(saveRoundRubric(env.ctx, operator, roundId, own))).refusals).toEqual([{ code: "rubricLocked" }]);
      const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", roundId).where("action", "=", "screening.rubric").execute();
      expect(audit).toHaveLength(1);
    });
  });

  describe("reminders", () => {
    it("queue one e-mail per reviewer with open reads, once per deadline", async () => {
      const { roundId, appIds } = await screeningRound(env, operator.userId, 3);
      const reviewers = await roundReviewers(env, operator, roundId, 3);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      // the first reviewer submits everything: not reminded
      const firstReads = await env.db.selectFrom("review_assignments").select("id").where("reviewer_user_id", "=", reviewers[0]!.userId).execute();
      for (const r of firstReads)
        await saveReviewScores(env.ctx, reviewers[0]!, r.id, {
          intent: "submit",
          score: { motivation: "3", background: "3", language: "3", bridge: "3" },
          recommendation: "neutral",
        });
      const open = new Set(
        (
          await env.db
            .selectFrom("review_assignments")
            .select("reviewer_user_id")
            .where("application_id", "in", appIds)
            .where("completed_at", "is", null)
            .execute()
        ).map((r) => r.reviewer_user_id),
      );
      expect(open.has(reviewers[0]!.userId)).toBe(false);
      const outbox = async () =>
        env.db
          .selectFrom("outbound_emails")
          .select(["to_address", "subject", "body_text"])
          .where("template", "=", "screeningReminder")
          .where(
            "to_address",
            "in",
            reviewers.map((r) => r.email),
          )
          .execute();
      expect(await caught(sendScreeningReminders(env.ctx, reviewers[1]!, roundId))).toBeInstanceOf(ForbiddenError);
      expect(await sendScreeningReminders(env.ctx, operator, roundId)).toEqual({ queued: open.size, alreadyReminded: 0 });
      const mails = await outbox();
      expect(mails.map((m) => m.to_address).sort()).toEqual(
        reviewers
          .filter((r) => open.has(r.userId))
          .map((r) => r.email)
          .sort(),
      );
      expect(mails[0]!.body_text).toContain("2099-07-15 17:00 (Asia/Tokyo)");
      // pressed again: nothing more
      expect(await sendScreeningReminders(env.ctx, operator, roundId)).toEqual({ queued: 0, alreadyReminded: open.size });
      expect(await outbox()).toHaveLength(open.size);
      // a moved deadline allows one more each
      await env.db
        .updateTable("round_deadlines")
        .set({ due_at: new Date("2099-07-22T08:00:00Z") })
        .where("round_id", "=", roundId)
        .where("kind", "=", "screening_end")
        .execute();
      expect(await sendScreeningReminders(env.ctx, operator, roundId)).toEqual({ queued: open.size, alreadyReminded: 0 });
      // a passed deadline: refused
      await env.db
        .updateTable("round_deadlines")
        .set({ due_at: new Date("2020-01-01T00:00:00Z") })
        .where("round_id", "=", roundId)
        .where("kind", "=", "screening_end")
        .execute();
      expect((await refusalOf(sendScreeningReminders(env.ctx, operator, roundId))).refusals).toEqual([{ code: "deadlinePassed" }]);
    });
    it("go out by themselves once, when the screening deadline is at most three days away, whoever claims first", async () => {
      expect(SCREENING_REMINDER_DAYS).toBe(3);
      const { roundId, appIds } = await screeningRound(env, operator.userId, 2);
      // a deadline no other test uses, so the job's count is this round's alone
      const deadline = new Date(`2098-0${kind === "pglite" ? 3 : 4}-10T08:00:00Z`);
      await env.db.updateTable("round_deadlines").set({ due_at: deadline }).where("round_id", "=", roundId).where("kind", "=", "screening_end").execute();
      const reviewers = await roundReviewers(env, operator, roundId, 2);
      await runReviewAssignment(env.ctx, operator, roundId, { reads: "2", commit: "commit" });
      const day = 24 * 3600_000;
      const at = (days: number) => new Date(deadline.getTime() - days * day);
      const outbox = async () =>
        env.db
          .selectFrom("outbound_emails")
          .select(["to_address", "body_text"])
          .where("template", "=", "screeningReminder")
          .where(
            "to_address",
            "in",
            reviewers.map((r) => r.email),
          )
          .execute();
      const autoAudits = async () =>
        env.db.selectFrom("audit_log").select(["after", "actor_role"]).where("entity_id", "=", roundId).where("action", "=", "screening.remind").execute();
      // four days before: too early, nothing queued, nothing audited
      expect(await sendDueScreeningReminders(env.ctx, at(4))).toEqual({ queued: 0 });
      expect(await outbox()).toHaveLength(0);
      // three days before: one e-mail per reviewer with open reads, audited as the system
      expect(await sendDueScreeningReminders(env.ctx, at(3))).toEqual({ queued: 2 });
      expect((await outbox()).map((m) => m.to_address).sort()).toEqual(reviewers.map((r) => r.email).sort());
      const audits = await autoAudits();
      expect(audits).toHaveLength(1);
      expect(audits[0]!.actor_role).toBe("system");
      expect(audits[0]!.after).toMatchObject({ automatic: true, alreadyReminded: 0 });
      // the next ticks, two at once (two app nodes), and the operator's button: nothing more
      expect(await Promise.all([sendDueScreeningReminders(env.ctx, at(2)), sendDueScreeningReminders(env.ctx, at(2))])).toEqual([{ queued: 0 }, { queued: 0 }]);
      expect(await sendScreeningReminders(env.ctx, operator, roundId)).toEqual({ queued: 0, alreadyReminded: 2 });
      expect(await outbox()).toHaveLength(2);
      expect(await autoAudits()).toHaveLength(2); // the tick that queued, and the operator's press
      // a moved deadline: one more each when it comes near, none for a reviewer who submitted everything
      const later = new Date(deadline.getTime() + 7 * day);
      await env.db.updateTable("round_deadlines").set({ due_at: later }).where("round_id", "=", roundId).where("kind", "=", "screening_end").execute();
      expect(await sendDueScreeningReminders(env.ctx, at(1))).toEqual({ queued: 0 });
      const firstReads = await env.db.selectFrom("review_assignments").select("id").where("reviewer_user_id", "=", reviewers[0]!.userId).execute();
      for (const r of firstReads)
        await saveReviewScores(env.ctx, reviewers[0]!, r.id, {
          intent: "submit",
          score: { motivation: "3", background: "3", language: "3", bridge: "3" },
          recommendation: "neutral",
        });
      expect(await sendDueScreeningReminders(env.ctx, new Date(later.getTime() - day))).toEqual({ queued: 1 });
      expect((await outbox()).filter((m) => m.to_address === reviewers[1]!.email)).toHaveLength(2);
      // past the deadline, or with screening closed: nothing
      const third = new Date(later.getTime() + 7 * day);
      await env.db.updateTable("round_deadlines").set({ due_at: third }).where("round_id", "=", roundId).where("kind", "=", "screening_end").execute();
      expect(await sendDueScreeningReminders(env.ctx, new Date(third.getTime() + 60_000))).toEqual({ queued: 0 });
      await env.db
        .insertInto("screening_settings")
        .values({ round_id: roundId, reads: 2, closed_at: new Date() })
        .onConflict((oc) => oc.column("round_id").doUpdateSet({ closed_at: new Date() }))
        .execute();
      expect(await sendDueScreeningReminders(env.ctx, new Date(third.getTime() - day))).toEqual({ queued: 0 });
      expect(appIds).toHaveLength(2);
    });
  });
});
