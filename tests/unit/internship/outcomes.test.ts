import { describe, expect, it } from "vitest";
import {
  OUTCOME_REMINDER_AFTER_DAYS,
  addMonths,
  earliestOpenLastDay,
  openMilestones,
  outcomeOpen,
  outcomeReminderDue,
  outcomeWindow,
} from "#src/domain/internship/outcomes.ts";

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

/** The one reminder of an unanswered milestone (ADR 0039, amended): 14 days after the request, while answers are taken. */
describe("outcomeReminderDue", () => {
  // last day 2027-12-24: the 6-month milestone opens 2028-06-24 and closes 2028-12-24; the 12-month one is open 60 days
  it("is due from 14 days after the request, not the day before", () => {
    expect(OUTCOME_REMINDER_AFTER_DAYS).toBe(14);
    expect(outcomeReminderDue("2027-12-24", 6, "2028-06-24", "2028-07-07")).toBe(false);
    expect(outcomeReminderDue("2027-12-24", 6, "2028-06-24", "2028-07-08")).toBe(true);
  });
  it("counts from the request, not the milestone's date, when the request went out late", () => {
    expect(outcomeReminderDue("2027-12-24", 6, "2028-08-01", "2028-08-14")).toBe(false);
    expect(outcomeReminderDue("2027-12-24", 6, "2028-08-01", "2028-08-15")).toBe(true);
  });
  it("is not due once the milestone's answers are no longer taken", () => {
    expect(outcomeReminderDue("2027-12-24", 6, "2028-12-20", "2029-01-03")).toBe(false);
    expect(outcomeReminderDue("2027-12-24", 12, "2028-12-24", "2029-01-07")).toBe(true);
    expect(outcomeReminderDue("2027-12-24", 12, "2028-12-24", "2029-02-22")).toBe(false);
  });
  it("refuses a request date that is not a date", () => {
    expect(() => outcomeReminderDue("2027-12-24", 6, "someday", "2028-07-08")).toThrow(/not a date/);
  });
});
