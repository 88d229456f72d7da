/** Properties of the ledger arithmetic over random rounds (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeLedger,
  confirmMonth,
  correctionsFor,
  dayNumber,
  dayString,
  fy2019Rules,
  fy2025Rules,
  monthlyStatements,
  type AllowanceRules,
  type AttendanceDay,
  type DayStatus,
  type LedgerEntry,
  type LedgerInput,
  type LedgerLine,
  type Placement,
  type RateChange,
} from "#src/domain/internship/index.ts";

const T0 = dayNumber("2025-07-01")!;
const RECORDED = new Date("2025-03-01T00:00:00Z");
/** confirmation / recording instants used at random */
const INSTANTS = ["2025-07-10T00:00:00Z", "2025-08-01T00:00:00Z", "2025-08-20T00:00:00Z", "2025-09-15T00:00:00Z"].map((s) => new Date(s));

const placementArb = (i: number): fc.Arbitrary<Placement> =>
  fc
    .record({
      start: fc.integer({ min: 0, max: 70 }),
      length: fc.integer({ min: 1, max: 60 }),
      cut: fc.option(fc.integer({ min: 0, max: 59 }), { freq: 3 }),
      firstMode: fc.constantFrom("in_person" as const, "online" as const),
      switchAt: fc.option(fc.integer({ min: 1, max: 59 }), { freq: 2 }),
    })
    .map(({ start, length, cut, firstMode, switchAt }) => {
      const startsOn = dayString(T0 + start);
      const endsOn = dayString(T0 + start + length - 1);
      const terminatedOn = cut !== null && cut < length ? dayString(T0 + start + cut) : null;
      const last = T0 + start + (terminatedOn ? cut! : length - 1);
      const modes = [{ from: startsOn, mode: firstMode }];
      if (switchAt !== null && T0 + start + switchAt <= last)
        modes.push({ from: dayString(T0 + start + switchAt), mode: firstMode === "online" ? "in_person" : "online" });
      return { id: `p${i}`, internId: `i${i}`, hostId: `h${i % 2}`, startsOn, endsOn, terminatedOn, modes };
    });

const dayArb = (p: Placement): fc.Arbitrary<AttendanceDay> =>
  fc
    .record({
      offset: fc.integer({ min: -2, max: 62 }),
      status: fc.constantFrom<DayStatus>("present", "present", "present", "absent", "leave", "holiday"),
      minutes: fc.option(fc.integer({ min: 0, max: 600 }), { freq: 5 }),
      confirmedAt: fc.option(fc.constantFrom(...INSTANTS), { freq: 6 }),
    })
    .map(({ offset, status, minutes, confirmedAt }) => ({ placementId: p.id, day: dayString(dayNumber(p.startsOn)! + offset), status, minutes, confirmedAt }));

const rulesArb: fc.Arbitrary<AllowanceRules> = fc
  .record({
    base: fc.constantFrom("fy2019", "fy2025"),
    online: fc.oneof(
      fc.integer({ min: 0, max: 300 }).map((minMinutes) => ({ basis: "per_day" as const, minMinutes })),
      fc.integer({ min: 60, max: 480 }).map((fullDayMinutes) => ({ basis: "per_minute_prorated" as const, fullDayMinutes })),
    ),
    changes: fc.array(
      fc.record({
        item: fc.constantFrom("intern_allowance_in_person", "intern_allowance_online", "host_subsidy_in_person", "host_subsidy_online", "phone"),
        effective: fc.integer({ min: 0, max: 90 }),
        amountYen: fc.integer({ min: 0, max: 9_999 }),
        recordedAt: fc.constantFrom(...INSTANTS),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ base, online, changes }) => {
    const r = base === "fy2019" ? fy2019Rules("2025-04-01", RECORDED) : fy2025Rules("2025-04-01", RECORDED);
    const rates: RateChange[] = [
      ...r.rates,
      { item: "intern_allowance_online", effectiveFrom: "2025-04-01", amountYen: 1_000, recordedAt: RECORDED },
      { item: "phone", effectiveFrom: "2025-04-01", amountYen: 3_100, recordedAt: RECORDED },
      ...changes.map((c) => ({ item: c.item, effectiveFrom: dayString(T0 + c.effective), amountYen: c.amountYen, recordedAt: c.recordedAt })),
    ];
    // one change per (item, date, instant): keep the first
    const seen = new Set<string>();
    const unique = rates.filter((x) => {
      const k = `${x.item}|${x.effectiveFrom}|${x.recordedAt.getTime()}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return {
      ...r,
      onlineDay: online,
      travelItems: [{ code: "phone", basis: "per_month" as const, payee: "intern" as const, modes: ["in_person" as const] }],
      rates: unique,
    };
  });

const inputArb: fc.Arbitrary<LedgerInput> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => placementArb(i))).chain((placements) =>
    fc
      .record({
        rules: rulesArb,
        attendance: fc.tuple(...placements.map((p) => fc.uniqueArray(dayArb(p), { selector: (a) => a.day, maxLength: 40 }))).map((lists) => lists.flat()),
        today: fc.integer({ min: 45, max: 110 }).map((d) => dayString(T0 + d)),
      })
      .map(({ rules, attendance, today }) => ({ rules, placements, attendance, today, asOf: new Date("2025-10-20T00:00:00Z") })),
  ),
);

/** LEDGER_RUNS=20000 for a longer search */
const RUNS = { numRuns: Number(process.env.LEDGER_RUNS ?? 300) };
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const keyOf = (l: { placementId: string; party: string; item: string; month: string }) => `${l.placementId}|${l.party}|${l.item}|${l.month}`;

describe("ledger properties", () => {
  it("every amount is an integer; each line is the sum of its steps; each step is days × unit, the unit never above the rate", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeLedger(input);
        for (const l of r.lines) {
          expect(Number.isSafeInteger(l.amountYen)).toBe(true);
          expect(l.amountYen).toBe(sum(l.derivation.map((s) => s.amountYen)));
          for (const s of l.derivation) {
            if (s.kind === "days") {
              expect(s.amountYen).toBe(s.days * s.unitYen);
              expect(s.unitYen).toBeLessThanOrEqual(s.rateYen);
            }
            if (s.kind === "per_month") expect(s.amountYen).toBe(Math.floor((s.rateYen * s.coveredDays) / s.daysInMonth));
          }
        }
      }),
      RUNS,
    );
  });

  it("sum over months = sum over days, per placement and party", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = computeLedger(input, { perDay: true });
        const byMonths = new Map<string, number>();
        for (const l of r.lines) {
          if (l.item !== "intern_allowance" && l.item !== "host_subsidy") continue;
          byMonths.set(`${l.placementId}|${l.party}`, (byMonths.get(`${l.placementId}|${l.party}`) ?? 0) + l.amountYen);
        }
        const byDays = new Map<string, number>();
        for (const d of r.days!) byDays.set(`${d.placementId}|${d.party}`, (byDays.get(`${d.placementId}|${d.party}`) ?? 0) + d.amountYen);
        for (const [k, v] of byMonths) expect(byDays.get(k) ?? 0).toBe(v);
        for (const [k, v] of byDays) expect(byMonths.get(k)).toBe(v);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of placements and attendance", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, placements: [...input.placements].reverse(), attendance: [...input.attendance].reverse() };
        expect(computeLedger(reversed)).toEqual(computeLedger(input));
      }),
      RUNS,
    );
  });

  it("a rate change recorded after every confirmation changes no daily amount", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 9_999 }), (input, amountYen) => {
        const later: RateChange[] = ["intern_allowance_in_person", "intern_allowance_online", "host_subsidy_in_person", "host_subsidy_online"].map((item) => ({
          item,
          effectiveFrom: "2025-04-01",
          amountYen,
          recordedAt: new Date("2025-12-31T00:00:00Z"),
        }));
        const daily = (ls: readonly LedgerLine[]) =>
          ls.filter((l) => l.item === "intern_allowance" || l.item === "host_subsidy").map((l) => [keyOf(l), l.amountYen]);
        const before = computeLedger(input);
        const after = computeLedger({ ...input, rules: { ...input.rules, rates: [...input.rules.rates, ...later] } });
        expect(daily(after.lines)).toEqual(daily(before.lines));
      }),
      RUNS,
    );
  });

  it("corrections net out: after correcting, entries sum to the recomputed ledger; correcting back sums the corrections to zero", () => {
    const flip = fc.array(fc.tuple(fc.nat(), fc.constantFrom<DayStatus>("present", "absent", "leave", "holiday")), { maxLength: 8 });
    fc.assert(
      fc.property(inputArb, flip, (input, flips) => {
        const first = computeLedger(input);
        const months = [...new Set(first.lines.map((l) => l.month))].filter((m) => dayNumber(`${m}-01`)! + 31 < dayNumber(input.today)!);
        let entries: LedgerEntry[] = [];
        for (const month of months) {
          const c = confirmMonth({ lines: first.lines, month, existing: entries, today: input.today, recordedAt: new Date("2025-10-01T00:00:00Z") });
          expect(c.ok).toBe(true);
          if (c.ok) entries = [...entries, ...c.entries];
        }
        const attendance = [...input.attendance];
        for (const [i, status] of flips) if (attendance.length > 0) attendance[i % attendance.length] = { ...attendance[i % attendance.length]!, status };
        const correctAll = (lines: readonly LedgerLine[], reason: string) => {
          const added: LedgerEntry[] = [];
          for (const month of months) {
            const c = correctionsFor({ existing: entries, recomputed: lines, month, reason, recordedAt: new Date("2025-10-02T00:00:00Z") });
            expect(c.ok).toBe(true);
            if (c.ok) added.push(...c.entries);
          }
          entries = [...entries, ...added];
          return added;
        };
        const owed = () => {
          const m = new Map<string, number>();
          for (const e of entries) m.set(keyOf(e), (m.get(keyOf(e)) ?? 0) + e.amountYen);
          return m;
        };
        const expectMatches = (lines: readonly LedgerLine[]) => {
          const o = owed();
          for (const l of lines) if (months.includes(l.month)) expect(o.get(keyOf(l)) ?? 0).toBe(l.amountYen);
          for (const [k, v] of o) if (!lines.some((l) => keyOf(l) === k)) expect(v).toBe(0);
        };

        const second = computeLedger({ ...input, attendance });
        const c1 = correctAll(second.lines, "attendance corrected");
        expectMatches(second.lines);
        expect(correctAll(second.lines, "no change")).toEqual([]);
        const c2 = correctAll(first.lines, "correction reverted");
        expectMatches(first.lines);
        expect(sum([...c1, ...c2].map((e) => e.amountYen))).toBe(0);
        // statements add up to the entries
        for (const month of months) {
          const s = monthlyStatements(entries, month);
          expect(s.totalYen).toBe(sum(entries.filter((e) => e.month === month).map((e) => e.amountYen)));
          expect(sum([...s.interns, ...s.hosts].map((x) => x.totalYen))).toBe(s.totalYen);
        }
      }),
      RUNS,
    );
  });
});
