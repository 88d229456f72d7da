/**
 * The internship allowance ledger's arithmetic (issue #16, ADR 0014). Pure:
 * no I/O; every amount an integer number of yen.
 *
 *   validateAllowanceRules(rules)          the round's rates, paid statuses, online rule, travel items
 *   checkRateChange(change, rules, days)   before recording a rate: problems, or which confirmed days keep their rate
 *   computeLedger({ rules, placements, attendance, today, asOf }, { perDay })
 *                                          per placement, party, item and month: amount + derivation; issues; unconfirmed days
 *   confirmMonth / correctionsFor / manualCorrection
 *                                          base entries when a month is confirmed; corrections (with a reason) afterwards
 *   monthlyStatements(entries, month)      per intern and per host: base + corrections
 *   describeStep(step, "en" | "ja")        a derivation step as text for exports
 */
export { dayNumber, dayString, daysInMonth, monthOf, monthRange } from "./calendar.ts";
export { addYen, floorDiv, formatYen, isYen, mulYen } from "./yen.ts";
export {
  checkRateChange,
  DAILY_ITEMS,
  DAY_STATUSES,
  dailyItem,
  fy2019Rules,
  fy2025Rules,
  MODES,
  RATE_ITEMS,
  RateBook,
  ROUND_TRAVEL_ITEMS,
  TRAVEL_ITEMS,
  validateAllowanceRules,
} from "./rules.ts";
export type {
  AllowanceRules,
  AppliedRate,
  DailyItem,
  DayStatus,
  Mode,
  OnlineDayRule,
  Party,
  RateChange,
  RateChangeNotice,
  RulesIssue,
  TravelItemCode,
  TravelItemRule,
} from "./rules.ts";
export { computeLedger } from "./ledger.ts";
export type { AttendanceDay, DayAmount, DerivationStep, LedgerInput, LedgerIssue, LedgerItem, LedgerLine, LedgerResult, Placement } from "./ledger.ts";
export { confirmMonth, correctionsFor, manualCorrection, MAX_REASON_LENGTH, monthlyStatements } from "./entries.ts";
export type { EntriesResult, EntryIssue, LedgerEntry, LedgerKey, MonthlyStatements, Statement, StatementLine } from "./entries.ts";
export { describeStep } from "./describe.ts";
