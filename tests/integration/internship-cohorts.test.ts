/**
 * Cohorts, moves and early termination (issue 16, ADR 0035) on PGlite and
 * PostgreSQL: the operator defines cohorts A and B, moves a placement from A
 * to B, and records an early termination with its last day and reason; the
 * ledger pays no day after it. All audited; a host member is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { listCohorts, movePlacement, saveCohort, terminatePlacement } from "#src/services/internship/cohorts.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";
import { insertRound, orgWithMember, placedIntern } from "./support/internship.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let roundId: string;
  let placementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    roundId = await insertRound(env, `FY2027 cohorts ${kind}`);
    placementId = await placedIntern(env, operator, { roundId, orgId: host.orgId, today: "2027-10-20T03:00:00Z" });
  });

  it("the operator creates cohorts A and B and changes a cohort's dates; bad input is refused", async () => {
    const before = await listCohorts(env.ctx, operator, roundId);
    expect(before.cohorts).toEqual([{ code: "A", arrivesOn: null, departsOn: null, placements: 1, undefined: true }]);
    const bad = await validationErrorOf(saveCohort(env.ctx, operator, { roundId, code: "A B", arrivesOn: "2027-10-01", departsOn: "2027-09-01" }));
    expect(Object.keys(bad.fieldErrors)).toEqual(["code"]);
    const backwards = await validationErrorOf(saveCohort(env.ctx, operator, { roundId, code: "A", arrivesOn: "2027-10-01", departsOn: "2027-09-01" }));
    expect(Object.keys(backwards.fieldErrors)).toEqual(["departsOn"]);
    expect(await caught(saveCohort(env.ctx, host.actor, { roundId, code: "A", arrivesOn: "2027-10-01", departsOn: "2027-12-24" }))).toBeInstanceOf(
      ForbiddenError,
    );

    expect(await saveCohort(env.ctx, operator, { roundId, code: "A", arrivesOn: "2027-10-01", departsOn: "2027-12-20" })).toEqual({ created: true });
    expect(await saveCohort(env.ctx, operator, { roundId, code: "A", arrivesOn: "2027-10-01", departsOn: "2027-12-24" })).toEqual({ created: false });
    await saveCohort(env.ctx, operator, { roundId, code: "B", arrivesOn: "2027-11-01", departsOn: "2028-01-28" });
    const after = await listCohorts(env.ctx, operator, roundId);
    expect(after.cohorts).toEqual([
      { code: "A", arrivesOn: "2027-10-01", departsOn: "2027-12-24", placements: 1, undefined: false },
      { code: "B", arrivesOn: "2027-11-01", departsOn: "2028-01-28", placements: 0, undefined: false },
    ]);
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["action", "before"])
      .where("entity_id", "=", roundId)
      .where("action", "=", "cohort.save")
      .execute();
    expect(audit).toHaveLength(3);
  });

  it("moves a placement to another cohort of the round; an unknown cohort or the same one is refused", async () => {
    expect(Object.keys((await validationErrorOf(movePlacement(env.ctx, operator, { placementId, cohort: "Z" }))).fieldErrors)).toEqual(["cohort"]);
    expect((await refusalOf(movePlacement(env.ctx, operator, { placementId, cohort: "A" }))).refusals.map((r) => r.code)).toEqual(["same_cohort"]);
    expect(await caught(movePlacement(env.ctx, host.actor, { placementId, cohort: "B" }))).toBeInstanceOf(ForbiddenError);
    await movePlacement(env.ctx, operator, { placementId, cohort: "B" });
    const list = await listCohorts(env.ctx, operator, roundId);
    expect(list.cohorts.map((c) => [c.code, c.placements])).toEqual([
      ["A", 0],
      ["B", 1],
    ]);
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity_id", "=", placementId)
      .where("action", "=", "placement.move")
      .execute();
    expect(audit).toEqual([{ before: { cohort: "A" }, after: { cohort: "B" } }]);
  });

  it("records an early termination with its last day and reason; no later attendance; the ledger pays no day after it", async () => {
    for (const day of ["2027-10-01", "2027-10-02", "2027-10-05"]) await recordAttendance(env.ctx, host.actor, { placementId, day, status: "present" });
    const outside = await refusalOf(terminatePlacement(env.ctx, operator, { placementId, lastDay: "2028-01-05", reason: "Family emergency" }));
    expect(outside.refusals.map((r) => r.code)).toEqual(["last_day_outside"]);
    const withLater = await refusalOf(terminatePlacement(env.ctx, operator, { placementId, lastDay: "2027-10-02", reason: "Family emergency" }));
    expect(withLater.refusals).toEqual([{ code: "attendance_after", days: 1, lastDay: "2027-10-02" }]);
    expect(
      Object.keys((await validationErrorOf(terminatePlacement(env.ctx, operator, { placementId, lastDay: "2027-10-05", reason: "" }))).fieldErrors),
    ).toEqual(["reason"]);
    expect(await caught(terminatePlacement(env.ctx, host.actor, { placementId, lastDay: "2027-10-05", reason: "x" }))).toBeInstanceOf(ForbiddenError);

    await terminatePlacement(env.ctx, operator, { placementId, lastDay: "2027-10-05", reason: "Family emergency" });
    const row = await env.db
      .selectFrom("placements")
      .select(["status", "terminated_on", "termination_reason"])
      .where("id", "=", placementId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "terminated", terminated_on: "2027-10-05", termination_reason: "Family emergency" });
    expect(
      (await refusalOf(terminatePlacement(env.ctx, operator, { placementId, lastDay: "2027-10-05", reason: "again" }))).refusals.map((r) => r.code),
    ).toEqual(["not_active"]);
    expect((await refusalOf(recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-06", status: "present" }))).refusals.length).toBeGreaterThan(0);

    const ledger = await computeAllowanceLedger(env.ctx, operator, { roundId, month: "2027-10" });
    expect(ledger.rows.map((r) => [r.party, r.amountYen])).toEqual([
      ["host", 6_000],
      ["intern", 9_000],
    ]);
    const audit = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", placementId).execute();
    expect(audit.map((a) => a.action)).toContain("placement.terminate");
  });
});
