/**
 * The round page lists the work pending in the round's current phase (issue #19 item 9).
 * The rows screening and selection would have produced are inserted directly, and the
 * round's phase is set directly: this suite is about counting, not about the phase machine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Phase } from "#src/domain/round-phases.ts";
import type { Actor } from "#src/services/context.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";

async function addApplication(env: TestEnv, roundId: string, status: string, unmet: string[] = []): Promise<string> {
  const id = crypto.randomUUID();
  await env.db.insertInto("applications").values({ id, round_id: roundId, status, family_name: "Test", eligibility_unmet: unmet }).execute();
  return id;
}

async function setPhase(env: TestEnv, roundId: string, phase: Phase) {
  await env.db.updateTable("rounds").set({ phase }).where("id", "=", roundId).execute();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let roundId: string;
  let reviewers: string[];

  beforeAll(async () => {
    env.clock.reset();
    operator = actorFor(await createUser(env, "operator"));
    roundId = (await createRound(env.ctx, operator, roundInput())).id;
    reviewers = await Promise.all(
      [0, 1].map(async () => {
        const { id: userId } = await createUser(env, "reviewer");
        await env.db.insertInto("reviewers").values({ user_id: userId }).execute();
        return userId;
      }),
    );
  });

  it("lists nothing pending in a draft round", async () => {
    expect((await getRoundDashboard(env.ctx, operator, roundId)).pendingWork).toEqual([]);
  });

  it("in recruitment: submitted applications failing a rule with no override decided", async () => {
    await addApplication(env, roundId, "submitted", ["nationality"]);
    await addApplication(env, roundId, "submitted", ["age", "language"]);
    await addApplication(env, roundId, "submitted");
    await addApplication(env, roundId, "draft", ["age"]);
    await setPhase(env, roundId, "recruitment");
    expect((await getRoundDashboard(env.ctx, operator, roundId)).pendingWork).toEqual([{ kind: "eligibilityUndecided", count: 2 }]);
  });

  it("in screening: reads not yet assigned (two per application) and reads not yet submitted", async () => {
    const [a, b] = [await addApplication(env, roundId, "under_review"), await addApplication(env, roundId, "under_review")];
    await env.db
      .insertInto("review_assignments")
      .values([
        { id: crypto.randomUUID(), application_id: a, reviewer_user_id: reviewers[0]!, completed_at: new Date() },
        { id: crypto.randomUUID(), application_id: a, reviewer_user_id: reviewers[1]! },
        { id: crypto.randomUUID(), application_id: b, reviewer_user_id: reviewers[0]! },
      ])
      .execute();
    await setPhase(env, roundId, "screening");
    expect((await getRoundDashboard(env.ctx, operator, roundId)).pendingWork).toEqual([
      { kind: "eligibilityUndecided", count: 2 },
      { kind: "readsUnassigned", count: 1 },
      { kind: "readsOutstanding", count: 2 },
    ]);
  });

  it("in selection: interviewed applicants with no decision", async () => {
    const decided = await addApplication(env, roundId, "interview");
    await addApplication(env, roundId, "interview");
    await addApplication(env, roundId, "interview");
    await env.db.insertInto("selection_decisions").values({ application_id: decided, decision: "waitlisted", round_id: roundId }).execute();
    await setPhase(env, roundId, "selection");
    expect((await getRoundDashboard(env.ctx, operator, roundId)).pendingWork).toEqual([{ kind: "selectionUndecided", count: 2 }]);
  });
});
