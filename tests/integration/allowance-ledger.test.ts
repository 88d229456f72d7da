/**
 * The allowance ledger's third part (issue 16, ADR 0040) on PGlite and
 * PostgreSQL: travel items (airfare once per in-person placement, phone
 * rental per month prorated by days) in the ledger with their derivations;
 * an operator's correction of a signed amount with a reason, also on a month
 * confirmed with no line; the monthly statement as an Excel workbook.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "#src/services/context.ts";
import { ForbiddenError } from "#src/services/errors.ts";
import { addAllowanceCorrection } from "#src/services/internship/add-allowance-correction.ts";
import { computeAllowanceLedger } from "#src/services/internship/compute-allowance-ledger.ts";
import { confirmAllowanceMonth } from "#src/services/internship/confirm-allowance-month.ts";
import { correctAllowanceMonth } from "#src/services/internship/correct-allowance-month.ts";
import { exportAllowanceCsv } from "#src/services/internship/export-allowance-csv.ts";
import { YEN_FORMAT, exportAllowanceXlsx } from "#src/services/internship/export-allowance-xlsx.ts";
import { recordAttendance } from "#src/services/internship/record-attendance.ts";
import { recordRoundRate } from "#src/services/internship/record-round-rate.ts";
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
    host = await orgWithMember(env, "みなと電機");
    roundId = await insertRound(env, `FY2027 travel ${kind}`);
    placementId = await placedIntern(env, operator, {
      roundId,
      orgId: host.orgId,
      today: "2027-10-07T03:00:00Z",
      cohort: "B",
      intern: { familyName: "Nguyen", givenName: "Lan", nationality: "VN" },
    });
  });

  const view = (month: string) => computeAllowanceLedger(env.ctx, operator, { roundId, month });
  const line = (party: string, item: string) => `${placementId}:${party}:${item}`;

  it("travel items are round rates: airfare once in the placement's first month, phone rental per month prorated by days", async () => {
    const unknown = await validationErrorOf(recordRoundRate(env.ctx, operator, { roundId, item: "hotel", effectiveFrom: "2027-04-01", amountYen: "100" }));
    expect(Object.keys(unknown.fieldErrors)).toEqual(["item"]);
    expect(await recordRoundRate(env.ctx, operator, { roundId, item: "airfare", effectiveFrom: "2027-04-01", amountYen: "85,000" })).toEqual({
      keptDays: 0,
      firstKept: null,
      lastKept: null,
    });
    await recordRoundRate(env.ctx, operator, { roundId, item: "phone_rental", effectiveFrom: "2027-04-01", amountYen: "3100" });
    for (const day of ["2027-10-01", "2027-10-04", "2027-10-05"]) await recordAttendance(env.ctx, host.actor, { placementId, day, status: "present" });

    const october = await view("2027-10");
    expect(october.rows.map((r) => [r.party, r.item, r.amountYen])).toEqual([
      ["host", "host_subsidy", 6_000],
      ["intern", "airfare", 85_000],
      ["intern", "intern_allowance", 9_000],
      ["intern", "phone_rental", 3_100],
    ]);
    expect(october.rows.find((r) => r.item === "airfare")!.derivation.en).toEqual(["once per placement: ¥85,000; rate from 2027-04-01"]);
    expect(october.rows.find((r) => r.item === "phone_rental")!.derivation.en).toEqual(["¥3,100 × 31/31 days = ¥3,100 (rounded down); rate from 2027-04-01"]);
    expect(october.internTotalYen).toBe(97_100);
    // December: the placement ends on the 24th, ⌊3,100 × 24 / 31⌋ = ¥2,400; no airfare again
    env.clock.set("2027-12-26T03:00:00Z");
    const december = await view("2027-12");
    expect(december.rows.map((r) => [r.item, r.amountYen, r.derivation.ja])).toEqual([
      ["phone_rental", 2_400, ["¥3,100 × 24日/31日 = ¥2,400（円未満切り捨て、2027-04-01からの単価）"]],
    ]);
    const { csv } = await exportAllowanceCsv(env.ctx, operator, { roundId, month: "2027-10", locale: "en" });
    expect(csv).toMatch(/intern,airfare,85000,"once per placement: ¥85,000; rate from 2027-04-01"/);
  });

  it("an operator's correction is a signed amount on one line with a reason, on a confirmed month only; audited", async () => {
    const input = {
      roundId,
      month: "2027-10",
      line: line("intern", "intern_allowance"),
      correctionYen: "-3,000",
      correctionReason: "10/5 was leave without pay",
    };
    const early = await refusalOf(addAllowanceCorrection(env.ctx, operator, input));
    expect(early.refusals.map((r) => r.code)).toEqual(["month_not_confirmed"]);
    expect(await confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10" })).toEqual({ lines: 4, totalYen: 103_100 });

    const bad = await validationErrorOf(addAllowanceCorrection(env.ctx, operator, { ...input, correctionYen: "3000円", correctionReason: " " }));
    expect(bad.fieldErrors.correctionYen?.map((e) => e.key)).toEqual(["allowanceLedger.errors.signedYen"]);
    expect(bad.fieldErrors.correctionReason?.map((e) => e.key)).toEqual(["errors.required"]);
    const zero = await validationErrorOf(addAllowanceCorrection(env.ctx, operator, { ...input, correctionYen: "０" }));
    expect(zero.fieldErrors.correctionYen?.map((e) => e.key)).toEqual(["allowanceLedger.errors.zero"]);
    const otherLine = await validationErrorOf(addAllowanceCorrection(env.ctx, operator, { ...input, line: `${crypto.randomUUID()}:intern:intern_allowance` }));
    expect(Object.keys(otherLine.fieldErrors)).toEqual(["line"]);
    expect(await caught(addAllowanceCorrection(env.ctx, host.actor, input))).toBeInstanceOf(ForbiddenError);

    expect(await addAllowanceCorrection(env.ctx, operator, input)).toEqual({ amountYen: -3_000 });
    expect(
      await addAllowanceCorrection(env.ctx, operator, {
        ...input,
        line: line("host", "host_subsidy"),
        correctionYen: "+500",
        correctionReason: "guidance day",
      }),
    ).toEqual({
      amountYen: 500,
    });
    const october = await view("2027-10");
    // corrections by hand stand on top of what attendance and rates give: a recomputation has nothing to undo
    expect(october.pendingCorrections).toEqual({ lines: 0, deltaYen: 0 });
    expect(await refusalOf(correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-10", reason: "recheck" }))).toMatchObject({
      refusals: [{ code: "nothing_to_correct" }],
    });
    expect(october.rows.map((r) => [r.item, r.amountYen, r.corrections.map((c) => [c.amountYen, c.reason])])).toEqual([
      ["host_subsidy", 6_500, [[500, "guidance day"]]],
      ["airfare", 85_000, []],
      ["intern_allowance", 6_000, [[-3_000, "10/5 was leave without pay"]]],
      ["phone_rental", 3_100, []],
    ]);
    expect(october.correctionLines.map((l) => l.value)).toEqual(
      expect.arrayContaining([line("intern", "airfare"), line("intern", "phone_rental"), line("host", "host_subsidy")]),
    );
    const base = await env.db.selectFrom("allowance_ledger").select("amount_yen").where("round_id", "=", roundId).where("kind", "=", "base").execute();
    expect(base.map((b) => b.amount_yen).sort((a, b) => a - b)).toEqual([3_100, 6_000, 9_000, 85_000]);
    const audits = await env.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity_id", "=", roundId)
      .where("action", "=", "allowance.month.manual_correction")
      .execute();
    expect(audits).toHaveLength(2);
  });

  it("a month confirmed with no line can be corrected: by hand, and by a recomputation", async () => {
    // September: before the placement, nothing to pay; confirmed with no entry
    expect(await confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-09" })).toEqual({ lines: 0, totalYen: 0 });
    const nothing = await refusalOf(correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-09", reason: "check" }));
    expect(nothing.refusals.map((r) => r.code)).toEqual(["nothing_to_correct"]);
    await addAllowanceCorrection(env.ctx, operator, {
      roundId,
      month: "2027-09",
      line: line("intern", "airfare"),
      correctionYen: "20000",
      correctionReason: "ticket change fee paid in September",
    });
    const september = await view("2027-09");
    expect(september.confirmedAt).not.toBeNull();
    expect(september.rows.map((r) => [r.party, r.item, r.amountYen])).toEqual([["intern", "airfare", 20_000]]);
    expect(september.internTotalYen).toBe(20_000);
    expect(september.pendingCorrections).toEqual({ lines: 0, deltaYen: 0 });
    // November, confirmed with no line (no attendance confirmed, no phone rate yet for it), then the rate applies: a recomputed correction
    await env.db.deleteFrom("round_rates").where("round_id", "=", roundId).where("item", "=", "phone_rental").execute();
    expect(await confirmAllowanceMonth(env.ctx, operator, { roundId, month: "2027-11" })).toEqual({ lines: 0, totalYen: 0 });
    await recordRoundRate(env.ctx, operator, { roundId, item: "phone_rental", effectiveFrom: "2027-04-01", amountYen: "3000" });
    expect((await view("2027-11")).pendingCorrections).toEqual({ lines: 1, deltaYen: 3_000 });
    expect(await correctAllowanceMonth(env.ctx, operator, { roundId, month: "2027-11", reason: "phone rental rate recorded late" })).toEqual({
      lines: 1,
      deltaYen: 3_000,
    });
    expect((await view("2027-11")).rows.map((r) => [r.item, r.amountYen])).toEqual([["phone_rental", 3_000]]);
  });

  it("the monthly statement as an Excel workbook: interns and host companies on two sheets, yen as whole numbers", async () => {
    const { xlsx, month } = await exportAllowanceXlsx(env.ctx, operator, { roundId, month: "2027-10", locale: "en" });
    expect(month).toBe("2027-10");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Interns", "Host companies"]);
    const interns = wb.getWorksheet("Interns")!;
    expect(interns.getRow(1).values).toEqual([
      undefined,
      "Month",
      "Cohort",
      "Intern",
      "Host company",
      "Mode",
      "Item",
      "Amount (yen)",
      "Derivation",
      "Corrections",
    ]);
    const cells = (ws: ExcelJS.Worksheet) =>
      ws.getRows(2, ws.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(6).value, r.getCell(7).value, r.getCell(9).value]);
    expect(cells(interns)).toEqual([
      ["2027-10", "Nguyen Lan", "Airfare allowance", 85_000, ""],
      ["2027-10", "Nguyen Lan", "Daily allowance", 6_000, "-¥3,000: 10/5 was leave without pay"],
      ["2027-10", "Nguyen Lan", "Phone rental", 3_100, ""],
      ["Total", "", "", 94_100, null],
    ]);
    expect(interns.getCell("G3").numFmt).toBe(YEN_FORMAT);
    expect(typeof interns.getCell("G3").value).toBe("number");
    expect(interns.getCell("H3").value).toBe("3 days in person × ¥3,000 = ¥9,000; rate from 2027-04-01");
    expect(interns.getCell("B2").value).toBe("B");
    const hosts = wb.getWorksheet("Host companies")!;
    expect(cells(hosts)).toEqual([
      ["2027-10", "Nguyen Lan", "Host subsidy", 6_500, "¥500: guidance day"],
      ["Total", "", "", 6_500, null],
    ]);
    expect(hosts.getCell("D2").value).toBe("みなと電機 Co.");

    const ja = new ExcelJS.Workbook();
    await ja.xlsx.load((await exportAllowanceXlsx(env.ctx, operator, { roundId, month: "2027-10", locale: "ja" })).xlsx as unknown as ArrayBuffer);
    expect(ja.worksheets.map((w) => w.name)).toEqual(["インターン生", "受入企業"]);
    expect(ja.getWorksheet("受入企業")!.getCell("D2").value).toBe("みなと電機");
    expect(ja.getWorksheet("インターン生")!.getCell("F2").value).toBe("航空券代");
    // The same words as the ledger page (internshipStaff.items, .modes): the workbook once had its own ("受入企業補助").
    expect(ja.getWorksheet("受入企業")!.getCell("F2").value).toBe("受入補助金");
    expect(ja.getWorksheet("受入企業")!.getCell("E2").value).toBe("対面");
    expect(ja.getWorksheet("受入企業")!.getRow(1).values).toEqual([
      undefined,
      "月",
      "コホート",
      "インターン生",
      "受入企業",
      "形態",
      "項目",
      "金額（円）",
      "算定根拠",
      "訂正",
    ]);
    expect(await caught(exportAllowanceXlsx(env.ctx, host.actor, { roundId, month: "2027-10" }))).toBeInstanceOf(ForbiddenError);
    const exports = await env.db.selectFrom("audit_log").select("after").where("entity_id", "=", roundId).where("action", "=", "allowance.export").execute();
    expect(exports.filter((e) => (e.after as { format?: string } | null)?.format === "xlsx")).toHaveLength(2);
  });
});
