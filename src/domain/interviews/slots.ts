/**
 * Bulk generation of interview slots for one day: the operator gives a date
 * and wall-clock times in a zone (Asia/Tokyo by default), a length, a break,
 * the interviewers and a capacity; the slots come back as UTC instants.
 *
 * Slots follow each other as `length, break, length, break, …` from `from`;
 * the last one ends at or before `until`. Steps are real minutes between
 * instants, so a day that crosses a daylight-saving change in the zone still
 * gets slots of the stated length (Asia/Tokyo has none).
 *
 * Arrangement: "panel" gives one slot per time with every interviewer in it;
 * "parallel" gives one slot per interviewer per time (several interviews at
 * once, each with one interviewer).
 */
import { PROGRAM_TIME_ZONE, isValidTimeZone, zonedLocalToInstant } from "../time.ts";

/** Most slots one bulk request may create (a day of 5-minute slots for 4 interviewers in parallel fits). */
export const MAX_SLOTS_PER_PLAN = 500;
export const SLOT_LENGTH_MINUTES = { min: 5, max: 480 } as const;
export const SLOT_BREAK_MINUTES = { min: 0, max: 240 } as const;
export const SLOT_CAPACITY = { min: 1, max: 50 } as const;

export interface SlotDayPlan {
  /** YYYY-MM-DD, a day in `timeZone` */
  readonly date: string;
  /** IANA zone of the wall-clock times; default Asia/Tokyo */
  readonly timeZone?: string;
  /** HH:MM, start of the first slot */
  readonly from: string;
  /** HH:MM, no slot ends after this time (same day) */
  readonly until: string;
  readonly lengthMinutes: number;
  readonly breakMinutes: number;
  /** interviewer ids (user ids), at least one, no duplicates */
  readonly interviewers: readonly string[];
  /** default "panel" */
  readonly arrangement?: "panel" | "parallel";
  /** people per slot; default 1 */
  readonly capacity?: number;
}

export interface PlannedSlot {
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly interviewers: readonly string[];
  readonly capacity: number;
}

export type SlotPlanIssue =
  | { readonly code: "invalid_date"; readonly field: "date" }
  | { readonly code: "invalid_time"; readonly field: "from" | "until" }
  | { readonly code: "unknown_time_zone"; readonly field: "timeZone" }
  /** the wall-clock time is skipped by a daylight-saving change in the zone */
  | { readonly code: "time_does_not_exist"; readonly field: "from" | "until"; readonly timeZone: string }
  | { readonly code: "until_not_after_from"; readonly field: "until" }
  | { readonly code: "out_of_range"; readonly field: "lengthMinutes" | "breakMinutes" | "capacity"; readonly min: number; readonly max: number }
  | { readonly code: "no_interviewers"; readonly field: "interviewers" }
  | { readonly code: "duplicate_interviewer"; readonly field: "interviewers"; readonly interviewer: string }
  /** the window is shorter than one slot */
  | { readonly code: "no_slot_fits"; readonly field: "until"; readonly windowMinutes: number; readonly lengthMinutes: number }
  | { readonly code: "too_many_slots"; readonly field: "lengthMinutes"; readonly count: number; readonly max: number };

export type SlotPlanResult = { readonly ok: true; readonly slots: readonly PlannedSlot[] } | { readonly ok: false; readonly issues: readonly SlotPlanIssue[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function inRange(x: number, r: { min: number; max: number }): boolean {
  return Number.isSafeInteger(x) && x >= r.min && x <= r.max;
}

export function generateSlots(plan: SlotDayPlan): SlotPlanResult {
  const issues: SlotPlanIssue[] = [];
  const timeZone = plan.timeZone ?? PROGRAM_TIME_ZONE;
  const capacity = plan.capacity ?? 1;
  const zoneOk = isValidTimeZone(timeZone);
  if (!zoneOk) issues.push({ code: "unknown_time_zone", field: "timeZone" });
  const dateOk = DATE.test(plan.date) && zonedLocalToInstant(`${plan.date}T12:00`, "UTC") !== null;
  if (!dateOk) issues.push({ code: "invalid_date", field: "date" });
  const fromOk = TIME.test(plan.from);
  const untilOk = TIME.test(plan.until);
  if (!fromOk) issues.push({ code: "invalid_time", field: "from" });
  if (!untilOk) issues.push({ code: "invalid_time", field: "until" });
  if (!inRange(plan.lengthMinutes, SLOT_LENGTH_MINUTES)) issues.push({ code: "out_of_range", field: "lengthMinutes", ...SLOT_LENGTH_MINUTES });
  if (!inRange(plan.breakMinutes, SLOT_BREAK_MINUTES)) issues.push({ code: "out_of_range", field: "breakMinutes", ...SLOT_BREAK_MINUTES });
  if (!inRange(capacity, SLOT_CAPACITY)) issues.push({ code: "out_of_range", field: "capacity", ...SLOT_CAPACITY });
  if (plan.interviewers.length === 0) issues.push({ code: "no_interviewers", field: "interviewers" });
  const seen = new Set<string>();
  for (const i of plan.interviewers) {
    if (seen.has(i)) issues.push({ code: "duplicate_interviewer", field: "interviewers", interviewer: i });
    seen.add(i);
  }

  let start: Date | null = null;
  let end: Date | null = null;
  if (zoneOk && dateOk && fromOk) {
    start = zonedLocalToInstant(`${plan.date}T${plan.from}`, timeZone);
    if (!start) issues.push({ code: "time_does_not_exist", field: "from", timeZone });
  }
  if (zoneOk && dateOk && untilOk) {
    end = zonedLocalToInstant(`${plan.date}T${plan.until}`, timeZone);
    if (!end) issues.push({ code: "time_does_not_exist", field: "until", timeZone });
  }
  if (issues.length > 0 || !start || !end) return { ok: false, issues };
  if (end.getTime() <= start.getTime()) return { ok: false, issues: [{ code: "until_not_after_from", field: "until" }] };

  const windowMinutes = (end.getTime() - start.getTime()) / 60_000;
  if (windowMinutes < plan.lengthMinutes) {
    return { ok: false, issues: [{ code: "no_slot_fits", field: "until", windowMinutes, lengthMinutes: plan.lengthMinutes }] };
  }
  const times = Math.floor((windowMinutes + plan.breakMinutes) / (plan.lengthMinutes + plan.breakMinutes));
  const arrangement = plan.arrangement ?? "panel";
  const perTime = arrangement === "panel" ? 1 : plan.interviewers.length;
  if (times * perTime > MAX_SLOTS_PER_PLAN) {
    return { ok: false, issues: [{ code: "too_many_slots", field: "lengthMinutes", count: times * perTime, max: MAX_SLOTS_PER_PLAN }] };
  }

  const slots: PlannedSlot[] = [];
  const step = (plan.lengthMinutes + plan.breakMinutes) * 60_000;
  for (let k = 0; k < times; k++) {
    const startsAt = new Date(start.getTime() + k * step);
    const endsAt = new Date(startsAt.getTime() + plan.lengthMinutes * 60_000);
    if (arrangement === "panel") slots.push({ startsAt, endsAt, interviewers: [...plan.interviewers], capacity });
    else for (const i of plan.interviewers) slots.push({ startsAt, endsAt, interviewers: [i], capacity });
  }
  return { ok: true, slots };
}
