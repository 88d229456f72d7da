/** Overlapping slots for the same interviewer: examples and a comparison with the pairwise definition. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInterviewerOverlaps, type SlotTimes } from "#src/domain/interviews/index.ts";

const at = (hhmm: string) => new Date(`2027-06-10T${hhmm}:00Z`);
const slot = (from: string, to: string, interviewers: string[], id?: string): SlotTimes => ({
  startsAt: at(from),
  endsAt: at(to),
  interviewers,
  ...(id ? { id } : {}),
});

describe("findInterviewerOverlaps", () => {
  it("finds a proposed slot that overlaps an existing one of the same interviewer", () => {
    const existing = [slot("00:00", "00:30", ["a"], "s1"), slot("01:00", "01:30", ["b"], "s2")];
    const proposed = [slot("00:15", "00:45", ["a", "b"])];
    expect(findInterviewerOverlaps(existing, proposed)).toEqual([
      { code: "interviewer_overlap", interviewer: "a", slot: { source: "proposed", index: 0 }, with: { source: "existing", index: 0, id: "s1" } },
    ]);
  });

  it("back-to-back slots do not overlap; different interviewers never conflict", () => {
    expect(findInterviewerOverlaps([slot("00:00", "00:30", ["a"])], [slot("00:30", "01:00", ["a"]), slot("00:00", "00:30", ["b"])])).toEqual([]);
  });

  it("finds overlaps among the proposed slots themselves, the later one reported against the earlier", () => {
    const proposed = [slot("00:00", "01:00", ["a"]), slot("00:30", "01:30", ["a"]), slot("00:45", "00:50", ["a"])];
    const found = findInterviewerOverlaps([], proposed).map((o) => [o.slot.index, o.with.index]);
    expect(found).toEqual([
      [1, 0],
      [2, 0],
      [2, 1],
    ]);
  });

  it("never reports two existing slots against each other (they are already stored)", () => {
    expect(findInterviewerOverlaps([slot("00:00", "01:00", ["a"]), slot("00:30", "01:30", ["a"])], [])).toEqual([]);
  });

  it("property: equals the pairwise definition (same interviewer, start < other end and other start < end)", () => {
    const slotArb = fc
      .record({ start: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 10 }), who: fc.subarray(["a", "b", "c"], { minLength: 1 }) })
      .map(({ start, len, who }) => ({ startsAt: new Date(start * 60_000), endsAt: new Date((start + len) * 60_000), interviewers: who }));
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 6 }), fc.array(slotArb, { maxLength: 6 }), (existing, proposed) => {
        const expected: string[] = [];
        const all = [...existing.map((s, i) => ({ s, src: "existing", i })), ...proposed.map((s, i) => ({ s, src: "proposed", i }))];
        for (const [x, p] of proposed.entries()) {
          for (const o of all) {
            if (o.src === "proposed" && o.i >= x) continue;
            for (const who of p.interviewers) {
              if (!o.s.interviewers.includes(who)) continue;
              if (p.startsAt < o.s.endsAt && o.s.startsAt < p.endsAt) expected.push(`${who}:${x}:${o.src}:${o.i}`);
            }
          }
        }
        const got = findInterviewerOverlaps(existing, proposed).map((o) => `${o.interviewer}:${o.slot.index}:${o.with.source}:${o.with.index}`);
        expect(got.sort()).toEqual(expected.sort());
        expect(findInterviewerOverlaps(existing, proposed).every((o) => o.slot.source === "proposed")).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
