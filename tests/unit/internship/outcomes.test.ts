import { describe, expect, it } from "vitest";
import { addMonths, earliestOpenLastDay, openMilestones, outcomeOpen, outcomeWindow } from "#src/domain/internship/outcomes.ts";

describe("outcome milestones", () => {
  it("adds calendar months, keeping the day or the month's last day", () => {
    expect(addMonths("2027-03-15", 6)).toBe("2027-09-15");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-12-24", 12)).toBe("2028-12-24");
    expect(addMonths("2027-01-31", -12)).toBe("2026-01-31");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(() => addMonths("2027-02-30", 6)).toThrow();
  });

  it("opens the 6-month milestone on its day until the 12-month one, and the 12-month one for 60 days", () => {
    expect(outcomeWindow("2027-12-24", 6)).toEqual({ milestone: 6, dueOn: "2028-06-24", closesOn: "2028-12-24" });
    expect(outcomeWindow("2027-12-24", 12)).toEqual({ milestone: 12, dueOn: "2028-12-24", closesOn: "2029-02-22" });
    expect(outcomeOpen("2027-12-24", 6, "2028-06-23")).toBe(false);
    expect(outcomeOpen("2027-12-24", 6, "2028-06-24")).toBe(true);
    expect(outcomeOpen("2027-12-24", 6, "2028-12-23")).toBe(true);
    expect(outcomeOpen("2027-12-24", 6, "2028-12-24")).toBe(false);
    expect(openMilestones("2027-12-24", "2028-12-24")).toEqual([12]);
    expect(openMilestones("2027-12-24", "2029-02-21")).toEqual([12]);
    expect(openMilestones("2027-12-24", "2029-02-22")).toEqual([]);
    expect(openMilestones("2027-12-24", "2028-01-10")).toEqual([]);
  });

  it("bounds the placements whose last window may still be open", () => {
    const today = "2029-02-21";
    const bound = earliestOpenLastDay(today);
    expect(bound).toBe("2027-12-22");
    expect(openMilestones("2027-12-24", today)).toEqual([12]);
    for (let d = 1; d <= 21; d++) expect(openMilestones(`2027-12-${String(d).padStart(2, "0")}`, today)).toEqual([]);
  });
});
