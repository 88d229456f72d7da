/** The allowance ledger's arithmetic, case by case (ADR 0014). */
import { describe, expect, it } from "vitest";
import {
  checkRateChange,
  computeLedger,
  describeStep,
  fy2019Rules,
  type AllowanceRules,
  type AttendanceDay,
  type LedgerInput,
  type LedgerLine,
  type Placement,
} from "#src/domain/internship/index.ts";
import { confirmedOn, days, placement, RECORDED, rules, withStatus } from "./helpers.ts";

const AS_OF = new Date("2025-10-01T00:00:00Z");
const run = (input: Partial<LedgerInput> & { attendance: AttendanceDay[] }) =>
  computeLedger({ rules: rules(), placements: [placement()], today: "2025-10-01", asOf: AS_OF, ...input });
const amounts = (lines: readonly LedgerLine[]) => lines.map((l) => [l.month, l.party, l.item, l.amountYen]);

describe("computeLedger: in person and online", () => {
  it("FY2025 in person: every day of July not absent is paid ¥3,000 (31 days = ¥93,000), with its derivation", () => {
    const r = run({ attendance: days("2025-07-01", "2025-07-31") });
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([
      {
        placementId: "pl-1",
        internId: "intern-1",
        hostId: "host-1",
        party: "intern",
        item: "intern_allowance",
        month: "2025-07",
        amountYen: 93_000,
        derivation: [
          { kind: "days", mode: "in_person", days: 31, unitYen: 3_000, amountYen: 93_000, rateYen: 3_000, rateFrom: "2025-04-01", rateRecordedAt: RECORDED },
        ],
      },
    ]);
    expect(describeStep(r.lines[0]!.derivation[0]!)).toBe("31 days in person × ¥3,000 = ¥93,000; rate from 2025-04-01");
    expect(describeStep(r.lines[0]!.derivation[0]!, "ja")).toBe("対面 31日 × ¥3,000 = ¥93,000（2025-04-01からの単価）");
  });

  it("FY2019: ¥4,000 a day to the intern, ¥2,000 per day worked to the host", () => {
    const r = run({ rules: fy2019Rules("2025-04-01", RECORDED), attendance: days("2025-07-01", "2025-07-31") });
    expect(amounts(r.lines)).toEqual([
      ["2025-07", "intern", "intern_allowance", 124_000],
      ["2025-07", "host", "host_subsidy", 46_000],
    ]);
    // the host is not paid for the 8 weekend days, and says so
    expect(r.lines[1]!.derivation).toEqual([
      expect.objectContaining({ kind: "days", days: 23, unitYen: 2_000, amountYen: 46_000 }),
      { kind: "unpaid", mode: "in_person", status: "holiday", reason: "status_not_paid", days: 8, amountYen: 0 },
    ]);
  });

  it("FY2025 online: ¥1,000 per day worked; holidays are not paid online", () => {
    const r = run({ placements: [placement({ mode: "online" })], attendance: days("2025-07-01", "2025-07-31", { minutes: 240 }) });
    expect(r.lines[0]!.amountYen).toBe(23_000);
    expect(r.lines[0]!.derivation.map((s) => describeStep(s))).toEqual([
      "23 days online × ¥1,000 = ¥23,000; rate from 2025-04-01",
      "8 days online holiday: not paid",
    ]);
  });

  it("an absent day is not paid; leave is", () => {
    let a = days("2025-07-01", "2025-07-31");
    a = withStatus(withStatus(a, "2025-07-02", "absent"), "2025-07-03", "leave");
    expect(run({ attendance: a }).lines[0]!.amountYen).toBe(30 * 3_000);
  });

  it("a placement that changes from in person to online mid-month pays each day at its own mode's rate", () => {
    const p = placement({
      modes: [
        { from: "2025-07-01", mode: "in_person" },
        { from: "2025-08-15", mode: "online" },
      ],
    });
    const r = run({ placements: [p], attendance: days("2025-08-01", "2025-08-31", { minutes: 240 }) });
    // 1–14 Aug in person: 14 × ¥3,000; 15–31 Aug online: 11 weekdays × ¥1,000, 6 weekend days unpaid
    expect(r.lines[0]!.amountYen).toBe(42_000 + 11_000);
    expect(r.lines[0]!.derivation.map((s) => (s.kind === "days" || s.kind === "unpaid" ? [s.kind, s.mode, s.days, s.amountYen] : [s.kind]))).toEqual([
      ["days", "in_person", 14, 42_000],
      ["days", "online", 11, 11_000],
      ["unpaid", "online", 6, 0],
    ]);
  });
});

describe("computeLedger: rate changes", () => {
  it("a mid-month rate change applies from its effective date (15 days × ¥3,000 + 16 days × ¥3,500)", () => {
    const r = run({
      rules: rules({
        rates: [
          ...rules().rates,
          { item: "intern_allowance_in_person", effectiveFrom: "2025-07-16", amountYen: 3_500, recordedAt: new Date("2025-07-10T00:00:00Z") },
        ],
      }),
      attendance: days("2025-07-01", "2025-07-31"),
    });
    expect(r.lines[0]!.amountYen).toBe(45_000 + 56_000);
    expect(r.lines[0]!.derivation.map((s) => describeStep(s))).toEqual([
      "15 days in person × ¥3,000 = ¥45,000; rate from 2025-04-01",
      "16 days in person × ¥3,500 = ¥56,000; rate from 2025-07-16",
    ]);
  });

  it("a rate change recorded after days were confirmed applies to later confirmations only", () => {
    const change = { item: "intern_allowance_in_person", effectiveFrom: "2025-07-01", amountYen: 3_500, recordedAt: new Date("2025-07-20T00:00:00Z") };
    const r = run({ rules: rules({ rates: [...rules().rates, change] }), attendance: days("2025-07-01", "2025-07-31") });
    // 1–19 July were confirmed before 20 July 00:00 UTC and keep ¥3,000; 20–31 July at ¥3,500
    expect(r.lines[0]!.amountYen).toBe(19 * 3_000 + 12 * 3_500);
    const confirmed = days("2025-07-01", "2025-07-19").map((a) => a.day);
    expect(checkRateChange(change, rules(), confirmed)).toEqual({
      code: "applies_to_later_days_only",
      item: "intern_allowance_in_person",
      effectiveFrom: "2025-07-01",
      keptDays: 19,
      firstKept: "2025-07-01",
      lastKept: "2025-07-19",
    });
    expect(checkRateChange({ ...change, effectiveFrom: "2025-08-01" }, rules(), confirmed)).toBe(null);
    expect(checkRateChange({ ...change, amountYen: 3_500.5 }, rules(), confirmed)).toEqual({
      code: "invalid",
      issues: [{ code: "invalid_amount", rate: 2, amountYen: 3_500.5 }],
    });
  });

  it("a day with no rate in force is listed, not paid (FY2019 has no online rate)", () => {
    const r = run({
      rules: fy2019Rules("2025-04-01", RECORDED),
      placements: [placement({ mode: "online" })],
      attendance: days("2025-07-01", "2025-07-02", { minutes: 240 }),
    });
    expect(r.issues).toEqual([
      { code: "no_rate", placementId: "pl-1", day: "2025-07-01", item: "intern_allowance_online" },
      { code: "no_rate", placementId: "pl-1", day: "2025-07-01", item: "host_subsidy_online" },
      { code: "no_rate", placementId: "pl-1", day: "2025-07-02", item: "intern_allowance_online" },
      { code: "no_rate", placementId: "pl-1", day: "2025-07-02", item: "host_subsidy_online" },
    ]);
    expect(r.lines.every((l) => l.amountYen === 0)).toBe(true);
  });
});

describe("computeLedger: online minutes", () => {
  it("prorated by minutes: ⌊rate × min(minutes, 240) / 240⌋, rounded down to the yen", () => {
    const a: AttendanceDay[] = [
      { placementId: "pl-1", day: "2025-07-01", status: "present", minutes: 120, confirmedAt: confirmedOn("2025-07-01") },
      { placementId: "pl-1", day: "2025-07-02", status: "present", minutes: 250, confirmedAt: confirmedOn("2025-07-02") },
      { placementId: "pl-1", day: "2025-07-03", status: "present", minutes: 100, confirmedAt: confirmedOn("2025-07-03") },
      { placementId: "pl-1", day: "2025-07-04", status: "present", minutes: 240, confirmedAt: confirmedOn("2025-07-04") },
    ];
    const r = run({
      rules: rules({ onlineDay: { basis: "per_minute_prorated", fullDayMinutes: 240 } }),
      placements: [placement({ mode: "online" })],
      attendance: a,
    });
    expect(r.lines[0]!.amountYen).toBe(1_000 + 500 + 416 + 1_000);
    expect(r.lines[0]!.derivation.map((s) => describeStep(s))).toEqual([
      "2 days online × ¥1,000 (240 of 240 min of ¥1,000, rounded down) = ¥2,000; rate from 2025-04-01",
      "1 day online × ¥500 (120 of 240 min of ¥1,000, rounded down) = ¥500; rate from 2025-04-01",
      "1 day online × ¥416 (100 of 240 min of ¥1,000, rounded down) = ¥416; rate from 2025-04-01",
    ]);
  });

  it("per day with a minimum: below it the day is not paid", () => {
    const a: AttendanceDay[] = [
      { placementId: "pl-1", day: "2025-07-01", status: "present", minutes: 30, confirmedAt: confirmedOn("2025-07-01") },
      { placementId: "pl-1", day: "2025-07-02", status: "present", minutes: 60, confirmedAt: confirmedOn("2025-07-02") },
    ];
    const r = run({ rules: rules({ onlineDay: { basis: "per_day", minMinutes: 60 } }), placements: [placement({ mode: "online" })], attendance: a });
    expect(r.lines[0]!.amountYen).toBe(1_000);
    expect(r.lines[0]!.derivation[1]).toEqual({ kind: "unpaid", mode: "online", status: "present", reason: "below_min_minutes", days: 1, amountYen: 0 });
  });
});

describe("computeLedger: months, termination, travel items", () => {
  it("a placement across a month boundary gives one line per month", () => {
    const p = placement({ startsOn: "2025-07-20", endsOn: "2025-08-10" });
    const r = run({ placements: [p], attendance: days("2025-07-20", "2025-08-10") });
    expect(amounts(r.lines)).toEqual([
      ["2025-07", "intern", "intern_allowance", 12 * 3_000],
      ["2025-08", "intern", "intern_allowance", 10 * 3_000],
    ]);
  });

  it("early termination: days after the last day are refused, monthly items are prorated to it, airfare stays", () => {
    const travel: AllowanceRules = rules({
      travelItems: [
        { code: "airfare", basis: "per_placement", payee: "intern", modes: ["in_person"] },
        { code: "phone_rental", basis: "per_month", payee: "intern", modes: ["in_person"] },
      ],
      rates: [
        ...rules().rates,
        { item: "airfare", effectiveFrom: "2025-04-01", amountYen: 150_000, recordedAt: RECORDED },
        { item: "phone_rental", effectiveFrom: "2025-04-01", amountYen: 3_000, recordedAt: RECORDED },
      ],
    });
    const r = run({ rules: travel, placements: [placement({ terminatedOn: "2025-08-05" })], attendance: days("2025-07-01", "2025-08-07") });
    expect(r.issues).toEqual([
      { code: "outside_placement", placementId: "pl-1", day: "2025-08-06", startsOn: "2025-07-01", lastDay: "2025-08-05" },
      { code: "outside_placement", placementId: "pl-1", day: "2025-08-07", startsOn: "2025-07-01", lastDay: "2025-08-05" },
    ]);
    expect(amounts(r.lines)).toEqual([
      ["2025-07", "intern", "airfare", 150_000],
      ["2025-07", "intern", "intern_allowance", 93_000],
      ["2025-07", "intern", "phone_rental", 3_000],
      ["2025-08", "intern", "intern_allowance", 15_000],
      // ⌊3,000 × 5 / 31⌋ = 483
      ["2025-08", "intern", "phone_rental", 483],
    ]);
    expect(describeStep(r.lines[4]!.derivation[0]!)).toBe("¥3,000 × 5/31 days = ¥483 (rounded down); rate from 2025-04-01");
  });

  it("travel items apply only in their modes and only up to today", () => {
    const travel = rules({
      travelItems: [{ code: "airfare", basis: "per_placement", payee: "intern", modes: ["in_person"] }],
      rates: [...rules().rates, { item: "airfare", effectiveFrom: "2025-04-01", amountYen: 150_000, recordedAt: RECORDED }],
    });
    expect(run({ rules: travel, placements: [placement({ mode: "online" })], attendance: [] }).lines).toEqual([]);
    expect(run({ rules: travel, attendance: [], today: "2025-06-30" }).lines).toEqual([]);
  });
});

describe("computeLedger: bad attendance is refused, not paid", () => {
  it("lists every problem with its day", () => {
    const a: AttendanceDay[] = [
      { placementId: "pl-1", day: "2025-07-01", status: "present", minutes: 1_500, confirmedAt: confirmedOn("2025-07-01") },
      { placementId: "pl-1", day: "2025-07-02", status: "present", minutes: -5, confirmedAt: confirmedOn("2025-07-02") },
      { placementId: "pl-1", day: "2025-07-03", status: "present", minutes: null, confirmedAt: confirmedOn("2025-07-03") },
      { placementId: "pl-1", day: "2025-07-03", status: "present", minutes: null, confirmedAt: confirmedOn("2025-07-03") },
      { placementId: "pl-1", day: "2025-06-30", status: "present", minutes: null, confirmedAt: confirmedOn("2025-06-30") },
      { placementId: "pl-1", day: "2025-09-02", status: "present", minutes: null, confirmedAt: confirmedOn("2025-09-02") },
      { placementId: "pl-1", day: "2025-02-30", status: "present", minutes: null, confirmedAt: null },
      { placementId: "pl-x", day: "2025-07-01", status: "present", minutes: null, confirmedAt: null },
    ];
    const r = run({ attendance: a, today: "2025-09-01" });
    expect(r.issues).toEqual([
      { code: "invalid_day", placementId: "pl-1", day: "2025-02-30" },
      { code: "outside_placement", placementId: "pl-1", day: "2025-06-30", startsOn: "2025-07-01", lastDay: "2025-09-30" },
      { code: "minutes_beyond_day", placementId: "pl-1", day: "2025-07-01", minutes: 1_500 },
      { code: "invalid_minutes", placementId: "pl-1", day: "2025-07-02", minutes: -5 },
      { code: "duplicate_day", placementId: "pl-1", day: "2025-07-03" },
      { code: "future_day", placementId: "pl-1", day: "2025-09-02", today: "2025-09-01" },
      { code: "unknown_placement", placementId: "pl-x", day: "2025-07-01" },
    ]);
    expect(r.lines[0]!.amountYen).toBe(3_000);
  });

  it("an online day marked present needs its minutes; unconfirmed days are counted, not paid", () => {
    const a: AttendanceDay[] = [
      { placementId: "pl-1", day: "2025-07-01", status: "present", minutes: null, confirmedAt: confirmedOn("2025-07-01") },
      { placementId: "pl-1", day: "2025-07-02", status: "present", minutes: 240, confirmedAt: null },
    ];
    const r = run({ placements: [placement({ mode: "online" })], attendance: a });
    expect(r.issues).toEqual([{ code: "online_minutes_missing", placementId: "pl-1", day: "2025-07-01" }]);
    expect(r.unconfirmedDays).toEqual([{ placementId: "pl-1", month: "2025-07", days: 1 }]);
    expect(r.lines).toEqual([]);
  });

  it("refuses impossible placements and rules", () => {
    const bad: Placement[] = [
      placement({ id: "a", endsOn: "2025-06-01" }),
      placement({ id: "b", terminatedOn: "2025-10-31" }),
      placement({ id: "c", modes: [{ from: "2025-07-02", mode: "online" }] }),
      placement({ id: "d", startsOn: "2025-13-01" }),
    ];
    expect(run({ placements: bad, attendance: [] }).issues).toEqual([
      { code: "invalid_placement", placementId: "a", reason: "ends_before_start" },
      { code: "invalid_placement", placementId: "b", reason: "terminated_outside" },
      { code: "invalid_placement", placementId: "c", reason: "no_mode_at_start" },
      { code: "invalid_placement", placementId: "d", reason: "dates" },
    ]);
    const badRules = rules({ rates: [{ item: "tea", effectiveFrom: "2025-04-31", amountYen: -1, recordedAt: RECORDED }] });
    expect(run({ rules: badRules, attendance: [] }).issues.map((i) => i.code)).toEqual(["invalid_amount", "invalid_date", "unknown_item"]);
  });
});
