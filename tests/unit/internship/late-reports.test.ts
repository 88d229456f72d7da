import { describe, expect, it } from "vitest";
import { lateReportDays } from "#src/domain/internship/late-reports.ts";

describe("lateReportDays", () => {
  const base = { startsOn: "2026-10-05", lastDay: "2026-12-25", attendance: new Map(), reported: new Set<string>() };

  it("counts weekdays before today without a report; the weekend and today are not late", () => {
    // 2026-10-05 is a Monday; today Monday 2026-10-12
    expect(lateReportDays({ ...base, today: "2026-10-12" })).toEqual(["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"]);
  });

  it("skips reported days and days recorded absent, on leave or as a holiday; a weekend day recorded present needs a report", () => {
    const attendance = new Map([
      ["2026-10-06", "absent" as const],
      ["2026-10-07", "leave" as const],
      ["2026-10-08", "holiday" as const],
      ["2026-10-10", "present" as const],
    ]);
    expect(lateReportDays({ ...base, today: "2026-10-12", attendance, reported: new Set(["2026-10-05"]) })).toEqual(["2026-10-09", "2026-10-10"]);
  });

  it("stops at the last day (an early termination) and counts nothing before the start", () => {
    expect(lateReportDays({ ...base, lastDay: "2026-10-06", today: "2026-11-01" })).toEqual(["2026-10-05", "2026-10-06"]);
    expect(lateReportDays({ ...base, today: "2026-10-05" })).toEqual([]);
    expect(lateReportDays({ ...base, today: "not a day" })).toEqual([]);
  });
});
