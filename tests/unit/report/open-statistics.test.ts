import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIGURE_IDS,
  computeYearReport,
  formatOpenCount,
  formatOpenPercent,
  openStatistics,
  suppressBreakdown,
  suppressionIsSafe,
  type Suppression,
} from "#src/domain/report/index.ts";
import { defaultReportConfig } from "#src/report/data.ts";
import { generateYear } from "../../../bench/report/generate.ts";

/**
 * What a reader can work out, by brute force: every assignment of the
 * suppressed cells that fits what is shown ("<5" is 0–4, "x" is ≥ 5, the
 * total is known). Returns, per cell, the set of values it can take.
 */
function possibleValues(counts: number[], marks: (Suppression | null)[]): Set<number>[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const hidden = counts.map((_, i) => i).filter((i) => marks[i] !== null);
  const shown = counts.reduce((s, c, i) => (marks[i] === null ? s + c : s), 0);
  const target = total - shown;
  const out = counts.map((c, i) => (marks[i] === null ? new Set([c]) : new Set<number>()));
  const value: number[] = [];
  const walk = (k: number, left: number) => {
    if (k === hidden.length) {
      if (left === 0) hidden.forEach((i, j) => out[i]!.add(value[j]!));
      return;
    }
    const m = marks[hidden[k]!]!;
    const [lo, hi] = m === "lt5" ? [0, 4] : [5, target];
    for (let v = lo; v <= Math.min(hi, left); v++) {
      value[k] = v;
      walk(k + 1, left - v);
    }
  };
  walk(0, target);
  return out;
}

describe("suppression of small counts", () => {
  it("marks every count under 5, zero included, and nothing else when that is already safe", () => {
    expect(suppressBreakdown([30, 4, 0, 3, 12])).toEqual([null, "lt5", "lt5", "lt5", null]);
  });

  it("adds the smallest other cell when a lone small count could be worked out from the total", () => {
    expect(suppressBreakdown([30, 3, 12, 9])).toEqual([null, "lt5", null, "complementary"]);
    expect(suppressBreakdown([30, 4, 4])).toEqual(["complementary", "lt5", "lt5"]); // 4 + 4 = 8 would give both away
  });

  it("withholds a breakdown that cannot be protected", () => {
    expect(suppressBreakdown([4])).toBeNull();
    expect(suppressBreakdown([4, 4])).toBeNull();
    expect(suppressBreakdown([0, 0])).toEqual(["lt5", "lt5"]); // zeros single nobody out
  });

  it("no count from 1 to 4 can be worked out, whatever the breakdown (brute force)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 2, maxLength: 6 }), (counts) => {
        const marks = suppressBreakdown(counts);
        if (marks === null) {
          // withheld only when even hiding every cell leaves a small count determined
          const all = possibleValues(
            counts,
            counts.map((c) => (c < 5 ? "lt5" : "complementary")),
          );
          expect(counts.some((c, i) => c >= 1 && c <= 4 && all[i]!.size === 1)).toBe(true);
          return;
        }
        counts.forEach((c, i) => expect(marks[i] === "lt5").toBe(c < 5));
        const possible = possibleValues(counts, marks);
        counts.forEach((c, i) => {
          if (c >= 1 && c <= 4) expect(possible[i]!.size, `cell ${i} of ${counts.join(",")} marks ${marks.join(",")}`).toBeGreaterThan(1);
        });
        expect(suppressionIsSafe(counts, marks)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("the safety check agrees with brute force", () => {
    const markArb = fc.constantFrom<Suppression | null>(null, "lt5", "complementary");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), markArb), { minLength: 1, maxLength: 5 }), (cells) => {
        const counts = cells.map(([c]) => c);
        const marks = cells.map(([c, m]) => (c < 5 ? "lt5" : m === "lt5" ? "complementary" : m));
        const possible = possibleValues(counts, marks);
        const bruteSafe = counts.every((c, i) => !(c >= 1 && c <= 4) || possible[i]!.size > 1);
        expect(suppressionIsSafe(counts, marks)).toBe(bruteSafe);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("open statistics of a computed year", () => {
  const report = computeYearReport(generateYear({ applicants: 3000, hostApplicants: 120, interns: 70, seed: 11 }), defaultReportConfig());
  const open = openStatistics(report);

  it("carries no record ids", () => {
    expect(JSON.stringify(open)).not.toMatch(/"ids"|unansweredIds/);
    for (const id of FIGURE_IDS) expect(open.figures[id].rows.length).toBe(report.figures[id].rows.length);
  });

  it("suppresses in the nationality and region breakdowns only, and says so", () => {
    for (const id of FIGURE_IDS) {
      const suppressed = open.figures[id].rows.some((r) => r.suppressed !== null);
      if (id !== "internsByNationality" && id !== "hostsByRegion") expect(suppressed, id).toBe(false);
    }
    const nat = open.figures.internsByNationality;
    expect(nat.rows.some((r) => r.suppressed === "lt5")).toBe(true);
    expect(nat.notes).toContain("report.notes.suppressed");
    for (const r of nat.rows) {
      if (r.suppressed) expect([r.count, r.percent, formatOpenPercent(r)]).toEqual([null, null, "x"]);
      else expect(r.count).toBeGreaterThanOrEqual(5);
    }
    expect(nat.rows.filter((r) => r.suppressed === "lt5").every((r) => formatOpenCount(r) === "<5")).toBe(true);
  });

  it("lists named nationalities by code, so a suppressed one's rank is not shown", () => {
    const named = open.figures.internsByNationality.rows.filter((r) => r.key.startsWith("country:")).map((r) => r.key);
    expect(named).toEqual([...named].sort());
  });
});
