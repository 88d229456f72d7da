/**
 * Interviews: bookable slots (bulk generation in a zone → UTC instants),
 * overlap detection per interviewer, booking rules as pure checks with
 * refusal codes, and the calendar files of a booking. Used by the selection
 * stages (issue #14) and later by hosts interviewing candidates. Pure: no I/O.
 */
export { generateSlots, MAX_SLOTS_PER_PLAN, SLOT_BREAK_MINUTES, SLOT_CAPACITY, SLOT_LENGTH_MINUTES } from "./slots.ts";
export type { PlannedSlot, SlotDayPlan, SlotPlanIssue, SlotPlanResult } from "./slots.ts";
export { findInterviewerOverlaps } from "./overlaps.ts";
export type { InterviewerOverlap, SlotRef, SlotTimes } from "./overlaps.ts";
export { checkBooking, checkCancellation, checkReschedule, cutoffAt } from "./booking.ts";
export type { BookableSlot, BookingCheck, BookingPolicy, BookingRefusal, CurrentBooking, StageInvitation } from "./booking.ts";
export { INTERVIEW_ATTENDANCE, INTERVIEW_CRITERIA, INTERVIEW_SCORE, SELECTION_DECISIONS, SELECTION_STAGES, SLOT_STAGES, interviewScore } from "./criteria.ts";
export type { InterviewAttendance, InterviewCriterion, SelectionDecision, SelectionStage } from "./criteria.ts";
export { buildInterviewIcs, interviewIcsContentType, interviewIcsUid, nextIcsSequence } from "./ics.ts";
export type { InterviewIcs } from "./ics.ts";
export { chooseInvitees, parseReceiptNumbers, rankForInvitation } from "./invitees.ts";
export type { InviteeCandidate, InviteeChoice, InviteeSelection } from "./invitees.ts";
