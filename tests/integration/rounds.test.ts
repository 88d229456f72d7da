/** Rounds: creation, the dashboard and phase transitions, on PGlite and PostgreSQL. */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Refusal } from "#src/domain/round-phases.ts";
import { tokyoLocalToInstant } from "#src/domain/time.ts";
import type { Actor } from "#src/services/context.ts";
import { NotFoundError, RefusedError } from "#src/services/errors.ts";
import { createRound } from "#src/services/rounds/create-round.ts";
import { getRoundDashboard } from "#src/services/rounds/get-round-dashboard.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { transitionRoundPhase } from "#src/services/rounds/transition-round-phase.ts";
import { DATABASE_KINDS, type TestEnv, actorFor, createUser, roundInput, useTestDatabase } from "./support/databases.ts";
import { caught, validationErrorOf } from "./support/expect-errors.ts";

async function refusalsOf(promise: Promise<unknown>): Promise<Refusal[]> {
  const err = await caught(promise);
  expect(err).toBeInstanceOf(RefusedError);
  return (err as RefusedError<Refusal>).refusals;
}

const at = (local: string) => tokyoLocalToInstant(local)!;

async function auditRows(env: TestEnv, roundId: string) {
  return env.db.selectFrom("audit_log").selectAll().where("entity_type", "=", "round").where("entity_id", "=", roundId).orderBy("id").execute();
}

async function phaseOf(env: TestEnv, roundId: string) {
  const r = await env.db.selectFrom("rounds").select(["phase", "updated_at"]).where("id", "=", roundId).executeTakeFirstOrThrow();
  return r;
}

async function insertApplication(env: TestEnv, roundId: string, status: string, submittedAt: Date | null) {
  await env.db.insertInto("applications").values({ id: crypto.randomUUID(), round_id: roundId, status, submitted_at: submittedAt }).execute();
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let ministry: Actor;

  beforeAll(async () => {
    const [op, min] = await Promise.all([createUser(env, "operator"), createUser(env, "ministry")]);
    operator = actorFor(op, { twoFactorEnabled: true });
    ministry = actorFor(min, { twoFactorEnabled: true });
  });
  beforeEach(() => env.clock.reset());

  describe("createRound validation", () => {
    it("keys field errors by field path", async () => {
      const err = await validationErrorOf(
        createRound(
          env.ctx,
          operator,
          roundInput({
            nameEn: "   ",
            fiscalYear: "twenty",
            eligibilityReferenceDate: "2027-02-30",
            deadlines: { application_close: "2027-02-30T10:00", screening_end: "not a date" },
          }),
        ),
      );
      expect(err.fieldErrors).toEqual({
        nameEn: [{ key: "errors.required" }],
        fiscalYear: [{ key: "errors.wholeNumber" }],
        eligibilityReferenceDate: [{ key: "errors.date" }],
        "deadlines.application_close": [{ key: "errors.dateTime" }],
        "deadlines.screening_end": [{ key: "errors.dateTime" }],
      });
    });

    it("refuses a maximum age below the minimum age (checked once the fields themselves are valid)", async () => {
      const err = await validationErrorOf(createRound(env.ctx, operator, roundInput({ ageMin: "30", ageMax: "29" })));
      expect(err.fieldErrors).toEqual({ ageMax: [{ key: "errors.ageRange" }] });
    });

    it("reports out-of-range numbers", async () => {
      const err = await validationErrorOf(createRound(env.ctx, operator, roundInput({ fiscalYear: 2015, ageMin: "14", ageMax: "100", internCapacity: "-1" })));
      expect(err.fieldErrors).toEqual({
        fiscalYear: [{ key: "errors.tooSmall", params: { min: 2016 } }],
        ageMin: [{ key: "errors.tooSmall", params: { min: 15 } }],
        ageMax: [{ key: "errors.tooBig", params: { max: 99 } }],
        internCapacity: [{ key: "errors.tooSmall", params: { min: 0 } }],
      });
      const fractional = await validationErrorOf(createRound(env.ctx, operator, roundInput({ internCapacity: "1.5", fiscalYear: 2101 })));
      expect(fractional.fieldErrors).toEqual({
        internCapacity: [{ key: "errors.wholeNumber" }],
        fiscalYear: [{ key: "errors.tooBig", params: { max: 2100 } }],
      });
    });

    it("accepts equal age bounds and empty deadline fields", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput({ ageMin: "25", ageMax: "25", deadlines: { application_close: "" } }));
      const deadlines = await env.db.selectFrom("round_deadlines").selectAll().where("round_id", "=", id).execute();
      expect(deadlines).toEqual([]);
    });

    it("refuses an unknown DAC list version and writes nothing", async () => {
      const input = roundInput({ dacListVersion: "1999-2000" });
      const err = await validationErrorOf(createRound(env.ctx, operator, input));
      expect(err.fieldErrors).toEqual({ dacListVersion: [{ key: "errors.unknownDacVersion" }] });
      const rows = await env.db
        .selectFrom("rounds")
        .select("id")
        .where("name_en", "=", input.nameEn as string)
        .execute();
      expect(rows).toEqual([]);
    });

    it("refuses a second round with the same English name in the same fiscal year", async () => {
      const input = roundInput();
      await createRound(env.ctx, operator, input);
      const err = await validationErrorOf(createRound(env.ctx, operator, { ...input, nameJa: "別名" }));
      expect(err.fieldErrors).toEqual({ nameEn: [{ key: "errors.roundNameTaken" }] });
      // another fiscal year is fine
      await expect(createRound(env.ctx, operator, { ...input, fiscalYear: 2028 })).resolves.toMatchObject({ id: expect.any(String) });
    });
  });

  describe("createRound and getRoundDashboard", () => {
    it("creates a draft round with its deadlines (Tokyo time) and an audit entry", async () => {
      const input = roundInput({
        nameJa: "  2027年度 テスト  ",
        internCapacity: "120",
        deadlines: { application_close: "2027-05-31T23:59", host_application_close: "2027-06-15T17:00" },
      });
      const { id } = await createRound(env.ctx, operator, input);
      const dash = await getRoundDashboard(env.ctx, operator, id);
      expect(dash).toMatchObject({
        id,
        fiscalYear: 2027,
        nameJa: "2027年度 テスト",
        nameEn: input.nameEn,
        phase: "draft",
        eligibilityReferenceDate: "2027-04-01",
        dacListVersion: "2024-2025",
        ageMin: 18,
        ageMax: 40,
        internCapacity: 120,
        applicationsByStatus: {},
        hostApplicationsByStatus: {},
        informationSessions: 0,
        next: { phase: "information_sessions", refusals: [] },
      });
      expect(dash.deadlines).toHaveLength(9);
      const due = Object.fromEntries(dash.deadlines.map((d) => [d.kind, d.dueAt?.toISOString() ?? null]));
      expect(due.application_close).toBe("2027-05-31T14:59:00.000Z");
      expect(due.host_application_close).toBe("2027-06-15T08:00:00.000Z");
      expect(due.screening_end).toBeNull();

      const audit = await auditRows(env, id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: "round.create", actor_user_id: operator.userId, actor_role: "operator", ip: operator.ip, before: null });
      expect(audit[0]!.after).toMatchObject({
        id,
        phase: "draft",
        deadlines: { application_close: "2027-05-31T14:59:00.000Z", host_application_close: "2027-06-15T08:00:00.000Z" },
      });
    });

    it("shows what blocks the next phase, counts applications by status", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput());
      await insertApplication(env, id, "draft", null);
      await insertApplication(env, id, "submitted", new Date());
      await insertApplication(env, id, "submitted", new Date());
      const dash = await getRoundDashboard(env.ctx, ministry, id);
      expect(dash.applicationsByStatus).toEqual({ draft: 1, submitted: 2 });
      expect(dash.next).toEqual({
        phase: "information_sessions",
        refusals: [
          { code: "deadline_missing", deadline: "application_close" },
          { code: "deadline_missing", deadline: "host_application_close" },
        ],
      });
    });

    it("lists rounds newest fiscal year first, paged", async () => {
      await createRound(env.ctx, operator, roundInput({ fiscalYear: 2090 }));
      const page = await listRounds(env.ctx, ministry, { page: 1, size: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.items[0]!.fiscalYear).toBe(2090);
      expect(page.total).toBeGreaterThanOrEqual(3);
      expect(page.pages).toBe(Math.ceil(page.total / 2));
      const beyond = await listRounds(env.ctx, ministry, { page: 1000, size: 2 });
      expect(beyond.items).toEqual([]);
    });

    it("says NotFound for an unknown round", async () => {
      await expect(getRoundDashboard(env.ctx, operator, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
      await expect(transitionRoundPhase(env.ctx, operator, { roundId: "nope", to: "information_sessions" })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("transitionRoundPhase", () => {
    it("refuses draft → information_sessions while deadlines are missing, changing nothing", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput({ deadlines: { host_application_close: "2027-06-01T12:00" } }));
      const before = await phaseOf(env, id);
      const auditBefore = await auditRows(env, id);
      env.clock.advance(60_000);
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" }))).toEqual([
        { code: "deadline_missing", deadline: "application_close" },
      ]);
      expect(await phaseOf(env, id)).toEqual(before);
      expect(await auditRows(env, id)).toEqual(auditBefore);
    });

    it("lists every unmet precondition", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput());
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" }))).toEqual([
        { code: "deadline_missing", deadline: "application_close" },
        { code: "deadline_missing", deadline: "host_application_close" },
      ]);
    });

    it("succeeds once the deadlines are set, with exactly one audit entry", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput());
      await expect(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" })).rejects.toBeInstanceOf(RefusedError);
      await env.db
        .insertInto("round_deadlines")
        .values([
          { round_id: id, kind: "application_close", due_at: at("2027-05-31T23:59") },
          { round_id: id, kind: "host_application_close", due_at: at("2027-05-31T23:59") },
        ])
        .execute();
      env.clock.set("2027-04-02T03:00:00Z");
      expect(await transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" })).toEqual({
        from: "draft",
        to: "information_sessions",
      });
      const after = await phaseOf(env, id);
      expect(after.phase).toBe("information_sessions");
      expect(after.updated_at.toISOString()).toBe("2027-04-02T03:00:00.000Z");
      const transitions = (await auditRows(env, id)).filter((r) => r.action === "round.transition");
      expect(transitions).toHaveLength(1);
      expect(transitions[0]).toMatchObject({
        actor_user_id: operator.userId,
        actor_role: "operator",
        before: { phase: "draft" },
        after: { phase: "information_sessions" },
      });
    });

    it("refuses skipping a phase or going back, with not_next_phase", async () => {
      const { id } = await createRound(
        env.ctx,
        operator,
        roundInput({ deadlines: { application_close: "2027-05-31T23:59", host_application_close: "2027-05-31T23:59" } }),
      );
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "recruitment" }))).toEqual([
        { code: "not_next_phase", from: "draft", to: "recruitment", next: "information_sessions" },
      ]);
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "draft" }))).toEqual([
        { code: "not_next_phase", from: "draft", to: "draft", next: "information_sessions" },
      ]);
      await transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" });
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "closed" }))).toEqual([
        { code: "not_next_phase", from: "information_sessions", to: "closed", next: "recruitment" },
      ]);
      expect((await phaseOf(env, id)).phase).toBe("information_sessions");
      expect((await auditRows(env, id)).filter((r) => r.action === "round.transition")).toHaveLength(1);
    });

    it("refuses an unknown phase name as invalid input", async () => {
      const { id } = await createRound(env.ctx, operator, roundInput());
      const err = await validationErrorOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "holidays" }));
      expect(err.fieldErrors).toEqual({ to: [{ key: "errors.invalid" }] });
    });

    it("enters recruitment only before application_close", async () => {
      const { id } = await createRound(
        env.ctx,
        operator,
        roundInput({ deadlines: { application_close: "2027-05-31T23:59", host_application_close: "2027-05-31T23:59" } }),
      );
      await transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" });
      env.clock.set(at("2027-05-31T23:59"));
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "recruitment" }))).toEqual([
        { code: "deadline_passed", deadline: "application_close", at: at("2027-05-31T23:59") },
      ]);
      env.clock.advance(-1);
      await expect(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "recruitment" })).resolves.toEqual({
        from: "information_sessions",
        to: "recruitment",
      });
    });

    it("moves recruitment → screening only after application_close and with a submitted application", async () => {
      const close = at("2027-05-31T23:59");
      const { id } = await createRound(
        env.ctx,
        operator,
        roundInput({ deadlines: { application_close: "2027-05-31T23:59", host_application_close: "2027-05-31T23:59" } }),
      );
      await transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" });
      await transitionRoundPhase(env.ctx, operator, { roundId: id, to: "recruitment" });

      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "screening" }))).toEqual([
        { code: "deadline_not_passed", deadline: "application_close", at: close },
        { code: "no_submitted_applications" },
      ]);
      // drafts and withdrawn applications do not count
      await insertApplication(env, id, "draft", null);
      await insertApplication(env, id, "withdrawn", at("2027-05-01T10:00"));
      env.clock.set(new Date(close.getTime() - 1));
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "screening" }))).toEqual([
        { code: "deadline_not_passed", deadline: "application_close", at: close },
        { code: "no_submitted_applications" },
      ]);
      env.clock.set(close);
      expect(await refusalsOf(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "screening" }))).toEqual([{ code: "no_submitted_applications" }]);
      expect((await phaseOf(env, id)).phase).toBe("recruitment");

      await insertApplication(env, id, "submitted", at("2027-05-20T10:00"));
      await expect(transitionRoundPhase(env.ctx, operator, { roundId: id, to: "screening" })).resolves.toEqual({ from: "recruitment", to: "screening" });
      const transitions = (await auditRows(env, id)).filter((r) => r.action === "round.transition").map((r) => [r.before, r.after]);
      expect(transitions).toEqual([
        [{ phase: "draft" }, { phase: "information_sessions" }],
        [{ phase: "information_sessions" }, { phase: "recruitment" }],
        [{ phase: "recruitment" }, { phase: "screening" }],
      ]);
    });

    it("lets only one of two simultaneous identical transitions through", async () => {
      const { id } = await createRound(
        env.ctx,
        operator,
        roundInput({ deadlines: { application_close: "2027-05-31T23:59", host_application_close: "2027-05-31T23:59" } }),
      );
      const results = await Promise.allSettled([
        transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" }),
        transitionRoundPhase(env.ctx, operator, { roundId: id, to: "information_sessions" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(RefusedError);
      expect((rejected.reason as RefusedError<Refusal>).refusals[0]).toMatchObject({ code: "not_next_phase", from: "information_sessions" });
      expect((await auditRows(env, id)).filter((r) => r.action === "round.transition")).toHaveLength(1);
    });
  });
});
