/**
 * Screening operations (issue 13, second part) on PGlite and PostgreSQL:
 * the screening → selection gate on `k` submitted reads (with the operator's
 * override), the extra read for applications whose reads disagree, and the
 * operator's manual reassignment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { computeScreeningRanking } from "#src/services/screening/compute-screening-ranking.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { inviteReviewerToRound } from "#src/services/screening/invite-reviewer-to-round.ts";
import { runReviewAssignment } from "#src/services/screening/run-review-assignment.ts";
import { saveMyReviewerProfile } from "#src/services/screening/save-my-reviewer-profile.ts";
import { saveReviewScores } from "#src/services/screening/save-review-scores.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { refusalOf } from "./support/expect-errors.ts";

const UNIVERSITIES = ["Hanoi University of Science and Technology", "Vietnam National University", "Universitas Indonesia", "University of Delhi"];

/** A round in screening with `count` eligible submitted applications and selection_announce set. */
async function screeningRound(env: TestEnv, operatorId: string, count = 4): Promise<{ roundId: string; appIds: string[] }> {
  const roundId = crypto.randomUUID();
  await env.db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: `審査運用 ${roundId.slice(0, 6)}`,
      name_en: `Screening ops ${roundId.slice(0, 6)}`,
      phase: "screening",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      created_by: operatorId,
    })
    .execute();
  await env.db
    .insertInto("round_deadlines")
    .values([
      { round_id: roundId, kind: "screening_end", due_at: new Date("2099-07-15T08:00:00Z") },
      { round_id: roundId, kind: "selection_announce", due_at: new Date("2099-08-31T08:00:00Z") },
    ])
    .execute();
  const appIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const applicant = await createUser(env, "applicant", { locale: "vi" });
    const id = crypto.randomUUID();
    appIds.push(id);
    await env.db
      .insertInto("applications")
      .values({
        id,
        round_id: roundId,
        applicant_user_id: applicant.id,
        status: "submitted",
        receipt_number: `JIP27-O${roundId.slice(0, 4)}${i}`,
        submitted_at: new Date("2027-05-01T00:00:00Z"),
        family_name: `Family${i}`,
        given_name: `Given${i}`,
        date_of_birth: "1998-04-12",
        nationality: "VN",
        contact_email: applicant.email,
        motivation_learn: `Quality management ${i}.`,
        preferred_fields: ["engineering"],
        eligibility_unmet: [],
      })
      .execute();
    await env.db
      .insertInto("application_education")
      .values({
        id: crypto.randomUUID(),
        application_id: id,
        university: UNIVERSITIES[i % UNIVERSITIES.length]!,
        degree: "bachelor",
        field: "Engineering",
        graduation_year: 2020,
      })
      .execute();
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
});
