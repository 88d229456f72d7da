/**
 * The allowance ledger's second part (issue 16, ADR 0035) on PGlite and
 * PostgreSQL: rate changes with effective dates (a mid-month change; a change
 * recorded after days were confirmed keeps their rates), confirming a month
 * into ledger entries (once, after the month is over; then immutable), and
 * corrections with a reason when a confirmed month's attendance changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { confirmAllowanceMonth } from "#src/services/internship/confirm-allowance-month.ts";
import { correctAllowanceMonth } from "#src/services/internship/correct-allowance-month.ts";
import { exportAllowanceCsv } from "#src/services/internship/export-allowance-csv.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { recordRoundRate } from "#src/services/internship/record-round-rate.ts";
import { DATABASE_KINDS, actorFor, createUser, useTestDatabase } from "./support/databases.ts";
import { insertRound, orgWithMember, placedIntern } from "./support/internship.ts";
import { caught, refusalOf, validationErrorOf } from "./support/expect-errors.ts";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let operator: Actor;
  let host: { orgId: string; actor: Actor };
  let roundId: string;
  let placementId: string;

  beforeAll(async () => {
    operator = actorFor(await createUser(env, "operator"));
    host = await orgWithMember(env, "さくら精機");
    roundId = await insertRound(env, `FY2027 ledger ${kind}`);
    placementId = await placedIntern(env, operator, { roundId, orgId: host.orgId, today: "2027-10-07T03:00:00Z" });
  });

  const present = (day: string) => recordAttendance(env.ctx, host.actor, { placementId, day, status: "present" });
  const october = () => computeAllowanceLedger(env.ctx, operator, { roundId, month: "2027-10" });
  const amounts = async () => (await october()).rows.map((r) => [r.party, r.amountYen]);

  it("a rate change applies from its effective date: a mid-month change gives two steps", async () => {
    for (const day of ["2027-10-01", "2027-10-02", "2027-10-05", "2027-10-06"]) await present(day);
    const bad = await validationErrorOf(
      recordRoundRate(env.ctx, operator, { roundId, item: "intern_allowance_in_person", effectiveFrom: "2027-10-15", amountYen: "-5" }),
    );
    expect(Object.keys(bad.fieldErrors)).toEqual(["amountYen"]);
    expect(
      await caught(recordRoundRate(env.ctx, host.actor, { roundId, item: "intern_allowance_in_person", effectiveFrom: "2027-10-15", amountYen: "4000" })),
    ).toBeInstanceOf(ForbiddenError);
    const kept = await recordRoundRate(env.ctx, operator, { roundId, item: "intern_allowance_in_person", effectiveFrom: "2027-10-15", amountYen: "４,０００" });
    expect(kept).toEqual({ keptDays: 0, firstKept: null, lastKept: null });

    env.clock.set("2027-10-20T03:00:00Z");
    for (const day of ["2027-10-14", "2027-10-15", "2027-10-16"]) await present(day);
    // 5 days × ¥3,000 + 2 days × ¥4,000 to the intern; 7 × ¥2,000 to the host
    expect(await amounts()).toEqual([
      ["host", 14_000],
      ["intern", 23_000],
    ]);
    const intern = (await october()).rows.find((r) => r.party === "intern")!;
    expect(intern.derivation.en).toEqual([
      "5 days in person × ¥3,000 = ¥15,000; rate from 2027-04-01",
      "2 days in person × ¥4,000 = ¥8,000; rate from 2027-10-15",
    ]);
    const view = await october();
    expect(view.rateChanges.map((c) => [c.item, c.effectiveFrom, c.amountYen])).toEqual([["intern_allowance_in_person", "2027-10-15", 4000]]);
  });

  it("a rate recorded after days were confirmed applies to later confirmations only: the confirmed days keep their rate", async () => {
    env.clock.set("2027-10-20T04:00:00Z");
    const kept = await recordRoundRate(env.ctx, operator, { roundId, item: "intern_allowance_in_person", effectiveFrom: "2027-10-01", amountYen: "3500" });
    expect(kept).toEqual({ keptDays: 7, firstKept: "2027-10-01", lastKept: "2027-10-16" });
    expect(await amounts()).toEqual([
      ["host", 14_000],
      ["intern", 23_000],
    ]);
    // a day confirmed now, before 10-15, is paid at the new rate
    await present("2027-10-13");
    expect(await amounts()).toEqual([
      ["host", 16_000],
      ["intern", 26_500],
    ]);
    const audit = await env.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_id", "=", roundId)
      .where("action", "=", "allowance.rate.record")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("confirms a month once it is over into base entries; the confirmed month does not change with its inputs", async () => {
    const early = await refusalOf(confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10" }));
    expect(early.refusals.map((r) => r.code)).toEqual(["month_not_over"]);
    expect((await october()).canConfirm).toBe(false);
    env.clock.set("2027-11-02T03:00:00Z");
    expect((await october()).canConfirm).toBe(true);
    expect(await caught(confirmAllowanceMonth(env.ctx, host.actor, { roundId, month: "2027-10" }))).toBeInstanceOf(ForbiddenError);
    expect(await confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10" })).toEqual({ lines: 2, totalYen: 42_500 });
    const again = await refusalOf(confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10" }));
    expect(again.refusals.map((r) => r.code)).toEqual(["month_already_confirmed"]);
    const entries = await env.db
      .selectFrom("allowance_ledger")
      .select(["party", "item", "kind", "amount_yen", "reason"])
      .where("round_id", "=", roundId)
      .orderBy("party")
      .execute();
    expect(entries).toEqual([
      { party: "host", item: "host_subsidy", kind: "base", amount_yen: 16_000, reason: null },
      { party: "intern", item: "intern_allowance", kind: "base", amount_yen: 26_500, reason: null },
    ]);

    // the supervisor corrects a day of the confirmed month: the month still shows its entries, and what a correction would change
    await recordAttendance(env.ctx, host.actor, { placementId, day: "2027-10-16", status: "absent" });
    const view = await october();
    expect(view.confirmedAt).not.toBeNull();
    expect(view.canConfirm).toBe(false);
    expect(view.rows.map((r) => [r.party, r.amountYen])).toEqual([
      ["host", 16_000],
      ["intern", 26_500],
    ]);
    expect(view.pendingCorrections).toEqual({ lines: 2, deltaYen: -6_000 });
  });

  it("corrections are new entries with a reason, never edits; a second pass finds nothing; the CSV shows the corrected amounts", async () => {
    const noReason = await validationErrorOf(correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10", reason: " " }));
    expect(Object.keys(noReason.fieldErrors)).toEqual(["reason"]);
    const notConfirmed = await refusalOf(correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-09", reason: "x" }));
    expect(notConfirmed.refusals.map((r) => r.code)).toEqual(["month_not_confirmed"]);

    expect(await correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10", reason: "10/16 was an absence" })).toEqual({
      lines: 2,
      deltaYen: -6_000,
    });
    const view = await october();
    expect(view.rows.map((r) => [r.party, r.amountYen, r.corrections.map((c) => [c.amountYen, c.reason])])).toEqual([
      ["host", 14_000, [[-2_000, "10/16 was an absence"]]],
      ["intern", 22_500, [[-4_000, "10/16 was an absence"]]],
    ]);
    expect(view.pendingCorrections).toEqual({ lines: 0, deltaYen: 0 });
    const base = await env.db.selectFrom("allowance_ledger").select("amount_yen").where("round_id", "=", roundId).where("kind", "=", "base").execute();
    expect(base.map((b) => b.amount_yen).sort()).toEqual([16_000, 26_500]);

    const twice = await refusalOf(correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10", reason: "again" }));
    expect(twice.refusals.map((r) => r.code)).toEqual(["nothing_to_correct"]);

    const { csv } = await exportAllowanceCsv(env.ctx, operator, { roundId, month: "2027-10", locale: "en" });
    expect(csv).toMatch(/intern,intern_allowance,22500,/);
    const actions = await env.db.selectFrom("audit_log").select("action").where("entity_id", "=", roundId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["allowance.month.confirm", "allowance.month.correct"]));
  });
});
