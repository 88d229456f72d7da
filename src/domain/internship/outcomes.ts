/**
 * Outcome follow-ups (issue 16 item 5, ADR 0039): 6 and 12 months after a
 * completed placement's last day the host is asked whether it employed the
 * intern, formed a tie with an overseas university, or started new overseas
 * business. Dates are calendar dates in Japan ("YYYY-MM-DD").
 *
 * A milestone opens on its date (the e-mail goes out that day) and its
 * answers can be given and changed until the next milestone (the 6-month
 * one) or for OUTCOME_LAST_WINDOW_DAYS days (the 12-month one, which has no
 * next milestone). A milestone whose window closed before it was asked (the
 * job did not run for months) is not asked any more.
 */
import { dayNumber, dayString, daysInMonth } from "./calendar.ts";

export const OUTCOME_MILESTONES = [6, 12] as const;
export type OutcomeMilestone = (typeof OUTCOME_MILESTONES)[number];

/** Answer-window length of the last milestone. */
export const OUTCOME_LAST_WINDOW_DAYS = 60;

/** The three questions, in the order they are asked. */
export const OUTCOME_QUESTIONS = ["internHired", "universityTie", "newOverseasBusiness"] as const;
export type OutcomeQuestion = (typeof OUTCOME_QUESTIONS)[number];

export function isOutcomeMilestone(value: unknown): value is OutcomeMilestone {
  return OUTCOME_MILESTONES.some((m) => String(m) === String(value));
}

/** The same day `months` later; the month's last day when it is shorter (2027-08-31 + 6 → 2028-02-29). */
export function addMonths(date: string, months: number): string {
  if (dayNumber(date) === null) throw new Error(`not a date: ${date}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface OutcomeWindow {
  milestone: OutcomeMilestone;
  /** the milestone's date: the e-mail is sent and answers open that day */
  dueOn: string;
  /** the first day answers are no longer taken (exclusive) */
  closesOn: string;
}

/** The window of one milestone of a placement that ended on `lastDay`. */
export function outcomeWindow(lastDay: string, milestone: OutcomeMilestone): OutcomeWindow {
  const dueOn = addMonths(lastDay, milestone);
  const next = OUTCOME_MILESTONES.find((m) => m > milestone);
  const closesOn = next === undefined ? dayString(dayNumber(dueOn)! + OUTCOME_LAST_WINDOW_DAYS) : addMonths(lastDay, next);
  return { milestone, dueOn, closesOn };
}

/** Whether answers to the milestone are taken on `today`. */
export function outcomeOpen(lastDay: string, milestone: OutcomeMilestone, today: string): boolean {
  const w = outcomeWindow(lastDay, milestone);
  return w.dueOn <= today && today < w.closesOn;
}

/** The milestones open on `today` (at most one: the windows do not overlap). */
export function openMilestones(lastDay: string, today: string): OutcomeMilestone[] {
  return OUTCOME_MILESTONES.filter((m) => outcomeOpen(lastDay, m, today));
}

/** A last day before which no milestone is open on `today` any more (a lower bound for the job's query). */
export function earliestOpenLastDay(today: string): string {
  const back = dayString(dayNumber(today)! - OUTCOME_LAST_WINDOW_DAYS - 1);
  return addMonths(back, -12);
}

/** Days after a milestone's request an unanswered host is reminded, once (ADR 0039, amended). */
export const OUTCOME_REMINDER_AFTER_DAYS = 14;

/**
 * Whether a milestone asked on `requestedOn` and not answered is due its one reminder on `today`: from
 * OUTCOME_REMINDER_AFTER_DAYS days after the request while its answers are still taken. Counted from the
 * request, not the milestone's date, so a request sent late (the job did not run) is not followed at once by
 * its reminder.
 */
export function outcomeReminderDue(lastDay: string, milestone: OutcomeMilestone, requestedOn: string, today: string): boolean {
  const from = dayNumber(requestedOn);
  if (from === null) throw new Error(`not a date: ${requestedOn}`);
  return dayString(from + OUTCOME_REMINDER_AFTER_DAYS) <= today && outcomeOpen(lastDay, milestone, today);
}
