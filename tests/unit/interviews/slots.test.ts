/** Bulk slot generation: wall-clock plan in a zone → UTC instants. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSlots, MAX_SLOTS_PER_PLAN, type SlotDayPlan, type SlotPlanResult } from "#src/domain/interviews/index.ts";

const plan = (over: Partial<SlotDayPlan> = {}): SlotDayPlan => ({
  date: "2027-06-10",
  from: "09:00",
  until: "12:00",
  lengthMinutes: 30,
  breakMinutes: 10,
  interviewers: ["u-tanaka"],
  ...over,
});
const slotsOf = (r: SlotPlanResult) => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.slots;
};
const iso = (r: SlotPlanResult) => slotsOf(r).map((s) => `${s.startsAt.toISOString().slice(11, 16)}-${s.endsAt.toISOString().slice(11, 16)}`);
const codes = (r: SlotPlanResult) => (r.ok ? [] : r.issues.map((i) => i.code));

describe("generateSlots", () => {
  it("turns a morning in Asia/Tokyo into UTC slots of the stated length with breaks between", () => {
    // 09:00 JST = 00:00 UTC; 30 min + 10 min break; the last slot ends at or before 12:00 JST
    expect(iso(generateSlots(plan()))).toEqual(["00:00-00:30", "00:40-01:10", "01:20-01:50", "02:00-02:30"]);
    const first = slotsOf(generateSlots(plan()))[0]!;
    expect(first.startsAt.toISOString()).toBe("2027-06-10T00:00:00.000Z");
    expect(first.capacity).toBe(1);
    expect(first.interviewers).toEqual(["u-tanaka"]);
  });

  it("uses Asia/Tokyo by default and another zone when asked", () => {
    expect(slotsOf(generateSlots(plan({ timeZone: "Asia/Tokyo" })))).toEqual(slotsOf(generateSlots(plan())));
    const hcm = slotsOf(generateSlots(plan({ timeZone: "Asia/Ho_Chi_Minh" })));
    expect(hcm[0]!.startsAt.toISOString()).toBe("2027-06-10T02:00:00.000Z");
  });

  it("fits a slot that ends exactly at `until`, with no trailing break needed", () => {
    // 09:00–10:00, 30 + 0 → two slots; 09:00–10:10 with 30 + 10 → two slots (09:00, 09:40 ends 10:10)
    expect(iso(generateSlots(plan({ until: "10:00", breakMinutes: 0 })))).toEqual(["00:00-00:30", "00:30-01:00"]);
    expect(iso(generateSlots(plan({ until: "10:10" })))).toEqual(["00:00-00:30", "00:40-01:10"]);
    expect(iso(generateSlots(plan({ until: "10:09" })))).toEqual(["00:00-00:30"]);
  });

  it("panel: one slot per time with every interviewer; parallel: one per interviewer per time", () => {
    const panel = slotsOf(generateSlots(plan({ until: "10:00", breakMinutes: 0, interviewers: ["a", "b"], capacity: 2 })));
    expect(panel.map((s) => s.interviewers)).toEqual([
      ["a", "b"],
      ["a", "b"],
    ]);
    expect(panel.every((s) => s.capacity === 2)).toBe(true);
    const parallel = slotsOf(generateSlots(plan({ until: "10:00", breakMinutes: 0, interviewers: ["a", "b"], arrangement: "parallel" })));
    expect(parallel.map((s) => [s.startsAt.toISOString().slice(11, 16), s.interviewers[0]])).toEqual([
      ["00:00", "a"],
      ["00:00", "b"],
      ["00:30", "a"],
      ["00:30", "b"],
    ]);
  });

  it("keeps real lengths across a daylight-saving change in the zone", () => {
    // Europe/Berlin springs forward at 02:00 → 03:00 on 2027-03-28: 01:00–04:00 local is 2 real hours
    const slots = slotsOf(
      generateSlots(plan({ date: "2027-03-28", timeZone: "Europe/Berlin", from: "01:00", until: "04:00", lengthMinutes: 60, breakMinutes: 0 })),
    );
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2027-03-28T00:00:00.000Z", "2027-03-28T01:00:00.000Z"]);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3_600_000)).toBe(true);
  });

  it("refuses bad input with every reason at once", () => {
    expect(codes(generateSlots(plan({ date: "2027-02-30", from: "9:00", until: "25:00", lengthMinutes: 0, breakMinutes: -5, interviewers: [] })))).toEqual([
      "invalid_date",
      "invalid_time",
      "invalid_time",
      "out_of_range",
      "out_of_range",
      "no_interviewers",
    ]);
    expect(codes(generateSlots(plan({ timeZone: "Mars/Olympus" })))).toEqual(["unknown_time_zone"]);
    expect(codes(generateSlots(plan({ capacity: 0 })))).toEqual(["out_of_range"]);
    expect(codes(generateSlots(plan({ lengthMinutes: 7.5 })))).toEqual(["out_of_range"]);
    expect(generateSlots(plan({ interviewers: ["a", "b", "a"] }))).toEqual({
      ok: false,
      issues: [{ code: "duplicate_interviewer", field: "interviewers", interviewer: "a" }],
    });
  });

  it("refuses an empty or reversed window, a window shorter than a slot, a time skipped by DST, too many slots", () => {
    expect(codes(generateSlots(plan({ until: "09:00" })))).toEqual(["until_not_after_from"]);
    expect(codes(generateSlots(plan({ until: "08:00" })))).toEqual(["until_not_after_from"]);
    expect(generateSlots(plan({ until: "09:20" }))).toEqual({
      ok: false,
      issues: [{ code: "no_slot_fits", field: "until", windowMinutes: 20, lengthMinutes: 30 }],
    });
    expect(codes(generateSlots(plan({ date: "2027-03-28", timeZone: "Europe/Berlin", from: "02:30", until: "05:00" })))).toEqual(["time_does_not_exist"]);
    const many = generateSlots(plan({ from: "00:00", until: "23:59", lengthMinutes: 5, breakMinutes: 0, interviewers: ["a", "b"], arrangement: "parallel" }));
    expect(many).toEqual({ ok: false, issues: [{ code: "too_many_slots", field: "lengthMinutes", count: 574, max: MAX_SLOTS_PER_PLAN }] });
  });

  it("property: slots lie inside the window, have the length, are separated by at least the break, and no further slot fits", () => {
    const arb = fc.record({
      fromMin: fc.integer({ min: 0, max: 20 * 60 }),
      span: fc.integer({ min: 5, max: 8 * 60 }),
      lengthMinutes: fc.integer({ min: 5, max: 120 }),
      breakMinutes: fc.integer({ min: 0, max: 60 }),
    });
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    fc.assert(
      fc.property(arb, ({ fromMin, span, lengthMinutes, breakMinutes }) => {
        const untilMin = Math.min(fromMin + span, 23 * 60 + 59);
        fc.pre(untilMin > fromMin);
        const r = generateSlots(plan({ from: hhmm(fromMin), until: hhmm(untilMin), lengthMinutes, breakMinutes }));
        const start = Date.UTC(2027, 5, 10, 0, fromMin - 9 * 60);
        const end = Date.UTC(2027, 5, 10, 0, untilMin - 9 * 60);
        if (untilMin - fromMin < lengthMinutes) {
          expect(codes(r)).toEqual(["no_slot_fits"]);
          return;
        }
        const slots = slotsOf(r);
        expect(slots[0]!.startsAt.getTime()).toBe(start);
        for (const [i, s] of slots.entries()) {
          expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(lengthMinutes * 60_000);
          expect(s.endsAt.getTime()).toBeLessThanOrEqual(end);
          if (i > 0) expect(s.startsAt.getTime() - slots[i - 1]!.endsAt.getTime()).toBe(breakMinutes * 60_000);
        }
        const last = slots[slots.length - 1]!;
        expect(last.endsAt.getTime() + (breakMinutes + lengthMinutes) * 60_000).toBeGreaterThan(end);
      }),
      { numRuns: 300 },
    );
  });
});
